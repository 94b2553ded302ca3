import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { grantsCsv } from '../bench/import-fixtures.js';
import { ATTEST_BIN, runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface Snapshot {
  id: number;
  system: string;
  profile: string;
  sha256: string;
  asOf: string;
  rowsImported: number;
  rowsRejected: number;
  sources: { fileName: string; sha256: string; sizeBytes: number; profile: string }[];
  evidence: { fileName: string; sha256: string }[];
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function workspace(): string {
  const dir = tempDir();
  newWorkspace(dir).close();
  return join(dir, 'w.attest');
}

function grantsFile(rows: string[]): string {
  const path = join(tempDir(), 'grants.csv');
  writeFileSync(path, ['User Name,Mail,Role,State', ...rows].join('\r\n'));
  return path;
}

describe('attest import', () => {
  it('the demo company imports every system with its profile detected, and snapshots show provenance', async () => {
    const dir = join(tempDir(), 'demo');
    const demo = await runCli(['demo', dir, '--json'], { env });
    expect(demo.code, demo.stderr).toBe(0);
    const ws = join(dir, 'demo.attest');
    const listed = await runCli(['snapshots', '-w', ws, '--json'], { env });
    const snapshots = (listed.json() as { snapshots: Snapshot[] }).snapshots;
    const bySystem = Object.fromEntries(snapshots.map((s) => [s.system, s]));
    expect(Object.keys(bySystem).sort()).toEqual(['AWS', 'Active Directory', 'Bank Portal', 'Entra ID', 'Finance ERP', 'Google Workspace', 'HR']);
    expect(bySystem.HR).toMatchObject({ profile: 'hr', rowsImported: 300, rowsRejected: 0, asOf: '2026-10-31' });
    expect(bySystem.AWS?.profile).toBe('aws-credential-report+aws-authorization-details');
    expect(bySystem.AWS?.sources.map((s) => s.fileName)).toEqual(['aws-credential-report.csv', 'aws-authorization-details.json']);
    for (const source of bySystem.AWS?.sources ?? []) expect(source.sha256).toBe(sha256Of(join(dir, 'exports', source.fileName)));
    expect(bySystem['Entra ID']?.profile).toBe('entra-users');
    expect(bySystem['Google Workspace']?.profile).toBe('google-workspace-users');
    expect(bySystem['Active Directory']?.profile).toBe('ad-ldif');
    expect(bySystem['Finance ERP']?.profile).toBe('grants');
    for (const s of snapshots) expect(s.rowsRejected, `${s.system} rejected rows`).toBe(0);
    const info = (await runCli(['info', '-w', ws, '--json'], { env })).json() as { identities: number; systems: number; snapshots: number };
    expect(info).toMatchObject({ identities: 300, systems: 7, snapshots: 7 });
  });

  it('--dry-run reports what would land and leaves the workspace byte-identical', async () => {
    const ws = workspace();
    const before = fileState(ws);
    const file = grantsFile(['alice,alice@example.com,AP Clerk,Active', 'bob,bob@example.com,AP Approver;GL Journal Entry,Active']);
    const run = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--dry-run', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ dryRun: true, rowsRead: 2, rowsImported: 2, accounts: 2, grants: 3, profile: 'grants' });
    expect((run.json() as { preview: unknown }).preview).toEqual({
      identities: [],
      accounts: [
        { key: 'alice', login: 'alice', email: 'alice@example.com', status: 'enabled', accountType: 'human', privileged: false, mfa: null, lastLogin: null },
        { key: 'bob', login: 'bob', email: 'bob@example.com', status: 'enabled', accountType: 'human', privileged: false, mfa: null, lastLogin: null },
      ],
      grants: [
        { account: 'alice', entitlement: 'AP Clerk', via: null },
        { account: 'bob', entitlement: 'AP Approver', via: null },
        { account: 'bob', entitlement: 'GL Journal Entry', via: null },
      ],
    });
    const human = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--dry-run'], { env });
    expect(human.stdout).toMatch(/Dry run \(nothing was saved\)/);
    expect(human.stdout).toMatch(/bob → AP Approver/);
    expect(human.stdout).toMatch(/Account ← "User Name"/);
    expect(fileState(ws)).toEqual(before);
    expect(((await runCli(['snapshots', '-w', ws, '--json'], { env })).json() as { snapshots: unknown[] }).snapshots).toEqual([]);
  });

  it('a mapping given once is saved for the system and used again; evidence is kept with its hash', async () => {
    const ws = workspace();
    const mapping = join(tempDir(), 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ Account: 'Login', Entitlement: 'Permission' }));
    const evidence = join(tempDir(), 'query.sql');
    writeFileSync(evidence, 'SELECT login, permission FROM erp_users;');
    const file = join(tempDir(), 'custom.csv');
    writeFileSync(file, 'Login,Permission\r\nalice,AP Clerk\r\nbob,Payment Release\r\n');
    const first = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--profile', 'grants', '--mapping', mapping, '--evidence', evidence, '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ grants: 2, files: [{ columns: { Account: 'Login', Entitlement: 'Permission' } }] });
    const second = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--profile', 'grants', '--json'], { env });
    expect(second.code, second.stderr).toBe(0);
    const snapshots = ((await runCli(['snapshots', '-w', ws, '--json'], { env })).json() as { snapshots: Snapshot[] }).snapshots;
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]?.evidence).toEqual([expect.objectContaining({ fileName: 'query.sql', sha256: sha256Of(evidence) })]);
  });

  it('duplicate rows are reported, not doubled; ragged rows are rejected with their line', async () => {
    const ws = workspace();
    const file = grantsFile(['alice,alice@example.com,AP Clerk,Active', 'alice,alice@example.com,AP Clerk,Active', 'bob,bob@example.com,AP Approver', 'carol,carol@example.com,GL Journal Entry,Active']);
    const run = await runCli(['import', file, '-w', ws, '--system', 'ERP', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as { rowsRead: number; rowsImported: number; grants: number; rejected: { line: number; reason: string }[] };
    expect(out).toMatchObject({ rowsRead: 4, rowsImported: 2, grants: 2 });
    expect(out.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(out.rejected[0]?.reason).toMatch(/Duplicate row.*line 2/);
    expect(out.rejected[1]?.reason).toMatch(/3 fields; the header has 4/);
  });

  it('mapping in a worker thread (large files) gives exactly what mapping in this thread gives', async () => {
    const file = grantsFile([
      'alice,alice@example.com,AP Clerk;GL Journal Entry,Active',
      'alice,alice@example.com,AP Clerk;GL Journal Entry,Active',
      'bob,bob@example.com,AP Approver',
      'carol,carol@example.com,Vendor Master,Suspended',
      'alice,alice@example.com,Payment Release,Active',
    ]);
    const run = async (mode: string): Promise<unknown> => {
      const out = await runCli(['import', file, '-w', workspace(), '--system', 'ERP', '--json'], { env: { ...env, ATTEST_IMPORT_WORKER: mode } });
      expect(out.code, out.stderr).toBe(0);
      return out.json();
    };
    const inThread = await run('never');
    expect(inThread).toMatchObject({ rowsRead: 5, rowsImported: 3, grants: 4, accounts: 2 });
    expect(await run('always')).toEqual(inThread);
  });

  it('cancelling mid-import leaves nothing: CANCELLED, no snapshot, no system', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const session = new ApiSession();
    await invoke('workspace.create', { path, passphrase: PASSPHRASE }, { session });
    const file = await grantsCsv(200_000);
    const abort = new AbortController();
    let progressed = 0;
    const result = await invoke('import.run', { files: [{ path: file }], system: 'ERP' }, {
      session,
      signal: abort.signal,
      onProgress: (p) => {
        progressed += 1;
        if (p.done > 0 && p.done < p.total) abort.abort();
      },
    });
    expect(progressed).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await invoke('workspace.info', {}, { session })).toMatchObject({ ok: true, value: { snapshots: 0, systems: 0, grants: 0, auditEvents: 2 } });
    session.close();
  });

  it('a process killed mid-import leaves no trace of it', async () => {
    const ws = workspace();
    const file = await grantsCsv(1_000_000);
    const child = spawn(process.execPath, [ATTEST_BIN, 'import', file, '-w', ws, '--system', 'ERP'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => (d.toString().includes('Importing') ? resolve() : undefined)));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const db = openRaw(ws);
    expect(db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM grants').pluck().get()).toBe(0);
    expect(db.prepare('SELECT action FROM audit_events').pluck().all()).toEqual(['workspace.created']);
    db.close();
    expect((await runCli(['audit', 'verify', '-w', ws, '--json'], { env })).code).toBe(0);
  });

  it('usage errors: no file (2), a bad --as-of (2), an unknown profile (2); a missing file is rejected (4)', async () => {
    const ws = workspace();
    const file = grantsFile(['alice,alice@example.com,AP Clerk,Active']);
    expect((await runCli(['import', '-w', ws], { env })).code).toBe(2);
    expect((await runCli(['import', file, '-w', ws, '--system', 'ERP', '--as-of', 'yesterday-ish'], { env })).code).toBe(2);
    expect((await runCli(['import', file, '-w', ws, '--system', 'ERP', '--profile', 'nope'], { env })).code).toBe(2);
    const missing = await runCli(['import', join(tempDir(), 'missing.csv'), '-w', ws, '--system', 'ERP'], { env });
    expect(missing.code, missing.stderr).toBe(4);
    const noSystem = await runCli(['import', file, '-w', ws, '--json'], { env });
    expect(noSystem.json()).toMatchObject({ error: { code: 'USAGE' } });
  });
});
