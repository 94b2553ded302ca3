import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the packaged app carries what the core reads from resources/', () => {
  it('every resources/ file the core names exists, and electron-builder packs resources/ (but not its build icons)', () => {
    const named = sources(join(ROOT, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new URL\('((?:\.\.\/)+resources\/[^']+)', import\.meta\.url\)/g)].map((m) => ({ file, path: join(file, '..', m[1]!) })),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const { file, path } of named) expect(existsSync(path), `${relative(ROOT, file)} names ${relative(ROOT, path)}`).toBe(true);
    const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n').map((l) => l.trim());
    expect(builder).toContain('- resources/**/*');
    expect(builder).toContain('- "!resources/build/**"');
  });
});
