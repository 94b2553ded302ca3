import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'electronegativity.mjs');
const tempDir = useTempDirs();

const scan = (dir?: string) => spawnSync(process.execPath, dir === undefined ? [SCRIPT] : [SCRIPT, dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('Electronegativity over electron/ and renderer/', () => {
  it('finds nothing it has not been told why to accept in this checkout', () => {
    const result = scan();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/0 not accepted/);
  });

  it('fails on a window that drops the sandbox and context isolation', () => {
    const dir = tempDir();
    for (const part of ['electron', 'renderer']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    const window = join(dir, 'electron', 'main', 'window.ts');
    writeFileSync(window, readFileSync(window, 'utf8').replace('contextIsolation: true', 'contextIsolation: false').replace('sandbox: true', 'sandbox: false'));
    const result = scan(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FINDING +CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stdout).toMatch(/FINDING +SANDBOX_JS_CHECK/);
  }, 180_000);
});
