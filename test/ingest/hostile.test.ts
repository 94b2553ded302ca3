import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';
import { buildZip, deflatedSpaces, xlsxParts } from '../helpers/zip-builder.js';

const tempDir = useTempDirs();
const hostile = (name: string): string => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

/** A fresh workspace; the import must fail with `code` (exit 4) and leave the file's bytes as they were. */
async function expectRefused(file: string, code: string, extra: string[] = []): Promise<string> {
  const dir = tempDir();
  newWorkspace(dir).close();
  const ws = join(dir, 'w.attest');
  const before = fileState(ws);
  const run = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--json', ...extra], { env });
  expect(run.json()).toMatchObject({ error: { code } });
  expect(run.code).toBe(4);
  expect(fileState(ws)).toEqual(before);
  return (run.json() as { error: { message: string } }).error.message;
}

async function importOk(file: string, extra: string[] = []): Promise<{ ws: string; out: { rowsImported: number; rowsRejected: number; rejected: { line: number; reason: string }[] } }> {
  const dir = tempDir();
  newWorkspace(dir).close();
  const ws = join(dir, 'w.attest');
  const run = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--json', ...extra], { env });
  expect(run.code, run.stderr).toBe(0);
  return { ws, out: run.json() as never };
}

describe('hostile and broken files: coded errors, workspace untouched', () => {
  it('an empty file: EMPTY_FILE', async () => {
    await expectRefused(hostile('empty.csv'), 'EMPTY_FILE');
  });

  it('a header without rows: NO_DATA_ROWS', async () => {
    await expectRefused(hostile('header-only.csv'), 'NO_DATA_ROWS');
  });

  it('binary garbage named .csv: NOT_TEXT', async () => {
    await expectRefused(hostile('binary-garbage.csv'), 'NOT_TEXT');
  });

  it('a truncated xlsx: CORRUPT_FILE', async () => {
    await expectRefused(hostile('truncated.xlsx'), 'CORRUPT_FILE');
  });

  it('an xlsx zip bomb is refused before it inflates: FILE_TOO_LARGE', async () => {
    const bomb = join(tempDir(), 'bomb.xlsx');
    // An honest bomb: its sheet really inflates to 1.2 GB of spaces (about 1 MB on disk).
    writeFileSync(bomb, buildZip(xlsxParts(await deflatedSpaces('xl/worksheets/sheet1.xml', 1200 * 1024 * 1024))));
    await expectRefused(bomb, 'FILE_TOO_LARGE');
  });

  it('a row of 1,000,000 columns: TOO_MANY_COLUMNS', async () => {
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, `Account,Email,Entitlement,Status\r\nalice,a@example.com,Role,Enabled${',x'.repeat(1_000_000)}\r\n`);
    await expectRefused(file, 'TOO_MANY_COLUMNS');
  });

  it('a 2 GB file is refused by its size at once, never read into memory: FILE_TOO_LARGE', async () => {
    const file = join(tempDir(), 'two-gigabytes.csv');
    writeFileSync(file, 'Account,Email,Entitlement,Status\r\nalice,a@example.com,Role,Enabled\r\n');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 2 * 1024 ** 3); // sparse: no disk used
    closeSync(fd);
    expect(await expectRefused(file, 'FILE_TOO_LARGE')).toMatch(/Split the export/);
  });

  it('a wrong profile forced: MISSING_COLUMNS naming what is missing', async () => {
    expect(await expectRefused(hostile('proto-headers.csv'), 'MISSING_COLUMNS', ['--profile', 'aws-credential-report'])).toMatch(/"arn"/i);
  });

  it('a JSON profile forced on a CSV: IMPORT_REJECTED', async () => {
    await expectRefused(hostile('formulas.csv'), 'IMPORT_REJECTED', ['--profile', 'aws-authorization-details']);
  });

  it('a file no profile knows: UNKNOWN_FORMAT', async () => {
    const file = join(tempDir(), 'recipes.csv');
    writeFileSync(file, 'Recipe,Flour,Sugar\r\nCake,200,100\r\n');
    expect(await expectRefused(file, 'UNKNOWN_FORMAT')).toMatch(/--profile/);
  });

  it('a file whose every row is rejected: IMPORT_REJECTED with the first reasons', async () => {
    const file = join(tempDir(), 'all-bad.csv');
    writeFileSync(file, 'Account,Email,Entitlement,Status\r\nalice,a@example.com,Role,Enabled,extra,cells\r\nbob,b@example.com\r\n');
    expect(await expectRefused(file, 'IMPORT_REJECTED')).toMatch(/line 2/);
  });
});

describe('hostile content that imports safely', () => {
  it('__proto__ / constructor / prototype headers import as text and pollute nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const session = new ApiSession();
    expect(await invoke('workspace.create', { path, passphrase: PASSPHRASE }, { session })).toMatchObject({ ok: true });
    const result = await invoke('import.run', { files: [{ path: hostile('proto-headers.csv') }], system: 'ERP' }, { session });
    expect(result).toMatchObject({ ok: true, value: { rowsImported: 2, accounts: 2, grants: 2 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    session.close();
  });

  it('formulas are kept as text, never evaluated', async () => {
    const { ws } = await importOk(hostile('formulas.csv'));
    const db = openRaw(ws);
    const names = db.prepare('SELECT name FROM entitlements ORDER BY name').pluck().all();
    const logins = db.prepare('SELECT login FROM accounts ORDER BY login').pluck().all();
    db.close();
    expect(names).toEqual(['-2+3', '=HYPERLINK("http://evil.example")', '@SUM(A1:A9)']);
    expect(logins).toEqual(['+alice', '-bob', "=cmd|' /C calc'!A0"]);
  });

  it('a 100,000-character cell rejects its row, with the reason; the rest imports', async () => {
    const { out } = await importOk(hostile('huge-cell.csv'));
    expect(out.rowsImported).toBe(1);
    expect(out.rejected).toEqual([expect.objectContaining({ line: 2, reason: expect.stringMatching(/100,000 characters/) as unknown })]);
  });
});
