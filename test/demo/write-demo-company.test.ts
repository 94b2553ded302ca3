import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAttestError } from '../../src/errors.js';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';
import { writeDemoCompany } from '../../src/demo/write-demo-company.js';

const company = generateDemoCompany();
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attest-demo-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeDemoCompany', () => {
  it('writes every file with its SHA-256 and size, plus planted.json', () => {
    const dir = join(tempDir(), 'nested', 'demo');
    const result = writeDemoCompany(dir, company);
    expect(result.files.map((f) => f.name)).toEqual(company.files.map((f) => f.name));
    for (const f of result.files) {
      const bytes = readFileSync(f.path);
      expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
      expect(bytes.toString('utf8')).toBe(company.files.find((c) => c.name === f.name)?.content);
      expect(f.rows).toBe(company.files.find((c) => c.name === f.name)?.rows);
    }
    expect(result.manifestPath).toBe(join(dir, 'planted.json'));
    const manifest = JSON.parse(readFileSync(result.manifestPath, 'utf8')) as { seed: number; asOf: string; org: string; counts: Record<string, number>; cases: unknown[] };
    expect(manifest.seed).toBe(company.seed);
    expect(manifest.asOf).toBe(company.asOf);
    expect(manifest.org).toBe(company.org);
    expect(manifest.cases).toEqual(company.planted);
    expect(Object.values(manifest.counts).reduce((a, b) => a + b, 0)).toBe(company.planted.length);
    expect(readdirSync(dir).sort()).toEqual([...company.files.map((f) => f.name), 'planted.json'].sort());
  });

  it('writes the same bytes twice for the same seed', () => {
    const a = writeDemoCompany(tempDir(), company);
    const b = writeDemoCompany(tempDir(), generateDemoCompany());
    expect(b.files.map((f) => f.sha256)).toEqual(a.files.map((f) => f.sha256));
    expect(readFileSync(b.manifestPath)).toEqual(readFileSync(a.manifestPath));
  });

  it('refuses to overwrite: nothing is written when any target exists', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entra-users.csv'), 'mine');
    let error: unknown = null;
    try {
      writeDemoCompany(dir, company);
    } catch (e) {
      error = e;
    }
    expect(isAttestError(error) && error.code).toBe('EXISTS');
    expect(readFileSync(join(dir, 'entra-users.csv'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'hr-roster.csv'))).toBe(false);
    expect(existsSync(join(dir, 'planted.json'))).toBe(false);
  });

  it('refuses a second write into the same folder', () => {
    const dir = tempDir();
    writeDemoCompany(dir, company);
    expect(() => writeDemoCompany(dir, company)).toThrow(/never overwritten/);
  });
});
