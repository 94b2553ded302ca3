import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DROPPED_BYTES_LIMIT } from '../../src/api/dropped-bytes.js';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import { STAGED_FILES_KEPT, STAGED_NAME_MAX_BYTES, StagedFiles, stagedFileName } from '../../src/files/staged-files.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const GRANTS = fileURLToPath(new URL('../fixtures/profiles/grants.csv', import.meta.url));

async function unlockedSession(): Promise<ApiSession> {
  const session = new ApiSession();
  const created = await invoke('workspace.create', { path: join(tempDir(), 'w.attest'), passphrase: PASSPHRASE, operator: 'tester' }, { session });
  expect(created.ok).toBe(true);
  return session;
}

function stageInput(name: string, bytes: Buffer) {
  return { name, size: bytes.length, base64: bytes.toString('base64') };
}

async function stage(session: ApiSession, name: string, bytes: Buffer) {
  const staged = await invoke('files.stage', stageInput(name, bytes), { session });
  if (!staged.ok) throw new Error(`${staged.error.code}: ${staged.error.message}`);
  return staged.value;
}

describe('files.stage: a dropped file kept where an import can read it', () => {
  it('writes the bytes under the name dropped, privately (folders 0700, file 0600), and the import records that name and the bytes’ SHA-256', async () => {
    const session = await unlockedSession();
    const bytes = readFileSync(GRANTS);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const staged = await stage(session, 'erp grants (Dec).csv', bytes);
    expect(staged).toEqual({ path: expect.any(String) as unknown, name: 'erp grants (Dec).csv', size: bytes.length, sha256 });
    expect(basename(staged.path)).toBe('erp grants (Dec).csv');
    expect(readFileSync(staged.path).equals(bytes)).toBe(true);
    const root = session.staged.folder!;
    expect(dirname(dirname(staged.path))).toBe(root);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(staged.path)).mode & 0o777).toBe(0o700);
    expect(statSync(staged.path).mode & 0o777).toBe(0o600);

    const imported = await invoke('import.run', { files: [{ path: staged.path }], system: 'Finance ERP' }, { session });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.files).toEqual([expect.objectContaining({ name: 'erp grants (Dec).csv', sha256 }) as unknown]);
    expect(imported.value.sha256).toBe(sha256);
    const listed = await invoke('snapshots.list', { system: 'Finance ERP' }, { session });
    expect(listed.ok && listed.value.snapshots[0]).toMatchObject({ fileName: 'erp grants (Dec).csv', sha256 });
    // The audit trail names the file as dropped, never the staging folder.
    const events = await invoke('audit.list', { afterSeq: 0 }, { session });
    const audited = events.ok ? events.value.events.find((e) => e.action === 'snapshot.imported') : undefined;
    expect(audited?.payload).toMatchObject({ sha256, files: [{ name: 'erp grants (Dec).csv', sha256 }] });
    expect(JSON.stringify(audited?.payload)).not.toContain('attest-staged-');
    session.close();
  });

  it('keeps hostile names inside its own folder: path segments, dots, NUL, device names, empty and very long names', async () => {
    const session = await unlockedSession();
    const cases: [string, string][] = [
      ['../x.csv', 'x.csv'],
      ['../../etc/passwd', 'passwd'],
      ['C:\\Users\\ana\\grants.csv', 'grants.csv'],
      ['..', 'dropped-file'],
      ['.', 'dropped-file'],
      ['', 'dropped-file'],
      ['__proto__', '__proto__'],
      ['constructor', 'constructor'],
      ['a\u0000b.csv', 'a_b.csv'],
      ['line\nbreak|pipe?.csv', 'line_break_pipe_.csv'],
      ['CON.csv', '_CON.csv'],
      ['  .hidden.csv. ', 'hidden.csv'],
    ];
    for (const [name, expected] of cases) {
      const staged = await stage(session, name, Buffer.from(`a,b\n${name.length}\n`));
      expect(staged.name, JSON.stringify(name)).toBe(expected);
      expect(basename(staged.path)).toBe(expected);
      expect(dirname(dirname(staged.path))).toBe(session.staged.folder);
    }
    // The same name twice: two files, neither overwritten.
    const first = await stage(session, 'same.csv', Buffer.from('one'));
    const second = await stage(session, 'same.csv', Buffer.from('two'));
    expect(first.path).not.toBe(second.path);
    expect(readFileSync(first.path, 'utf8')).toBe('one');

    const long = `${'é'.repeat(3000)}.csv`;
    const longStaged = await stage(session, long, Buffer.from('a'));
    expect(Buffer.byteLength(longStaged.name)).toBeLessThanOrEqual(STAGED_NAME_MAX_BYTES);
    expect(longStaged.name).toMatch(/^é+\.csv$/);
    expect(existsSync(longStaged.path)).toBe(true);
    // Past 4,096 characters the name is refused rather than guessed at.
    expect(await invoke('files.stage', stageInput('x'.repeat(5000), Buffer.from('a')), { session })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    session.close();
  });

  it('refuses a file over 11 MB with DROPPED_FILE_TOO_LARGE, whose sentence says to type the path; and bytes that do not match the size', async () => {
    const session = await unlockedSession();
    const tooBig = await invoke('files.stage', { name: 'huge export.csv', size: DROPPED_BYTES_LIMIT + 1, base64: '' }, { session });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'DROPPED_FILE_TOO_LARGE' } });
    expect(!tooBig.ok && tooBig.error.message).toMatch(/^huge export\.csv is 11\.0 MB; .*at most 11 MB\. Type the file's path in the File field instead\.$/);
    expect(exitCodeFor('DROPPED_FILE_TOO_LARGE')).toBe(4);
    // Exactly the limit is taken.
    const atLimit = await stage(session, 'at-limit.csv', Buffer.alloc(DROPPED_BYTES_LIMIT, 0x61));
    expect(statSync(atLimit.path).size).toBe(DROPPED_BYTES_LIMIT);
    // More base64 than the limit is refused before it is decoded, whatever size the page claims.
    expect(await invoke('files.stage', { name: 'a.csv', size: 10, base64: 'A'.repeat(Math.ceil(DROPPED_BYTES_LIMIT / 3) * 4 + 4) }, { session })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('files.stage', { name: 'a.csv', size: 10, base64: Buffer.from('abc').toString('base64') }, { session })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    session.close();
  });

  it('needs an unlocked workspace, and removes what it staged when the workspace locks or another opens', async () => {
    expect(await invoke('files.stage', stageInput('a.csv', Buffer.from('a')), { session: new ApiSession() })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
    const session = await unlockedSession();
    const staged = await stage(session, 'a.csv', Buffer.from('a'));
    const root = session.staged.folder!;
    expect(await invoke('workspace.close', {}, { session })).toMatchObject({ ok: true });
    expect(existsSync(staged.path)).toBe(false);
    expect(existsSync(root)).toBe(false);
    expect(session.staged.folder).toBeNull();

    const dir = tempDir();
    const path = join(dir, 'again.attest');
    await invoke('workspace.create', { path, passphrase: PASSPHRASE }, { session });
    const again = await stage(session, 'b.csv', Buffer.from('b'));
    await invoke('workspace.create', { path: join(dir, 'other.attest'), passphrase: PASSPHRASE }, { session });
    expect(existsSync(again.path)).toBe(false);
    session.close();
  });

  it(`keeps the newest ${STAGED_FILES_KEPT} files of a session, and makes its folder again if something removed it`, () => {
    const staging = new StagedFiles(tempDir());
    const paths = Array.from({ length: STAGED_FILES_KEPT + 2 }, (_, i) => staging.stage(`f${i}.csv`, Buffer.from(String(i))).path);
    expect(paths.map((p) => existsSync(p))).toEqual([false, false, ...Array<boolean>(STAGED_FILES_KEPT).fill(true)]);
    expect(readdirSync(staging.folder!)).toHaveLength(STAGED_FILES_KEPT);
    const old = staging.folder!;
    staging.clear();
    expect(existsSync(old)).toBe(false);
    staging.stage('again.csv', Buffer.from('x'));
    expect(readdirSync(staging.folder!)).toHaveLength(1);
  });

  it('removes the staging folder when the process exits without closing its session', () => {
    const parent = tempDir();
    const script = `
      import { StagedFiles } from ${JSON.stringify(fileURLToPath(new URL('../../src/files/staged-files.ts', import.meta.url)))};
      const staging = new StagedFiles(${JSON.stringify(parent)});
      const file = staging.stage('grants.csv', Buffer.from('a,b'));
      console.log(JSON.stringify({ file: file.path, exists: (await import('node:fs')).existsSync(file.path) }));
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(3);
    const { file, exists } = JSON.parse(child.stdout) as { file: string; exists: boolean };
    expect(exists).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names what a file name becomes without touching the disk', () => {
    expect(stagedFileName('report.final.xlsx')).toBe('report.final.xlsx');
    expect(stagedFileName('nul')).toBe('_nul');
    expect(stagedFileName(`${'a'.repeat(300)}.${'b'.repeat(30)}`)).toHaveLength(STAGED_NAME_MAX_BYTES);
  });
});
