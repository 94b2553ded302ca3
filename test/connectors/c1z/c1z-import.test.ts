import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../src/api/invoke.js';
import { ApiSession } from '../../../src/api/session.js';
import { EXPANDED, IN_PROGRESS, PEBBLE, UNEXPANDED } from '../../helpers/c1z-builder.js';
import { runCli } from '../../helpers/cli.js';
import { fileState } from '../../helpers/file-state.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

function workspace(): string {
  const dir = tempDir();
  newWorkspace(dir).close();
  return join(dir, 'w.attest');
}

interface Imported {
  complete: boolean;
  asOf: string;
  profile: string;
  rowsRead: number;
  rowsRejected: number;
  accounts: number;
  entitlements: number;
  grants: number;
  notes: string[];
  files: { profile: string; details: Record<string, unknown> }[];
}

describe('attest import of a baton .c1z (v1)', () => {
  it('imports the latest finished full sync of the expanded sample, detected without --profile, with exact counts', async () => {
    const ws = workspace();
    // A private TMPDIR shows that the decompressed database is removed afterwards.
    const tmp = join(tempDir(), 'tmp');
    mkdirSync(tmp);
    const run = await runCli(['import', EXPANDED, '-w', ws, '--system', 'Baton Demo', '--json'], { env: { ...env, TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as Imported;
    expect(out).toMatchObject({ profile: 'c1z', complete: true, asOf: '2025-12-17', rowsRead: 1221 + 342 + 14_981, rowsRejected: 0, accounts: 1000, entitlements: 342, grants: 12_441 });
    expect(out.files[0]?.details).toEqual({
      format: 'c1z', syncId: '36zfOAoWMxQdISbixanQCRBiX7E', syncType: 'full', startedAt: '2025-12-17 16:31:25.057185', endedAt: '2025-12-17 16:33:36.381422',
      complete: true, otherSyncs: 0, resourceTypes: 4, resources: 1221, entitlements: 342, grants: 14_981, nonAccountGrants: 2540, directGrants: 2500, inheritedGrants: 9941,
    });
    expect(out.notes.join(' ')).toMatch(/2,540 grants to groups/);
    // Progress on stderr: the decompression (bytes), then the records (of resources, entitlements and grants).
    expect(run.stderr).toMatch(/\(decompressing\): 819,497 \/ 819,497 \(100%\)/);
    expect(run.stderr).toMatch(/expanded\.c1z: 16,544 \/ 16,544 \(100%\)/);
    expect(readdirSync(tmp).filter((name) => name.startsWith('attest'))).toEqual([]);

    const db = openRaw(ws);
    const user = db.prepare("SELECT login, email, display_name AS name, employee_id AS employeeId, status, account_type AS type, mfa, attributes FROM accounts WHERE account_key = 'user:user-0000000'").get();
    expect(user).toEqual({ login: 'user-0000000', email: 'user-0@example.com', name: 'User 0000000', employeeId: 'user-0000000', status: 'enabled', type: 'human', mfa: null, attributes: JSON.stringify({ resourceType: 'user', resourceId: 'user-0000000' }) });
    const grant = db
      .prepare(`SELECT e.name, e.type, g.via FROM grants g JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id
        WHERE a.account_key = 'user:user-0000000' AND e.entitlement_key = 'role:role-0000092:assignment'`)
      .get();
    expect(grant).toEqual({ name: 'Role 0000092 assignment', type: 'role', via: 'group:group-0000000:admin; group:group-0000000:member; group:group-0000012:admin; group:group-0000012:member' });
    expect(db.prepare('SELECT count(*) FROM grants WHERE via IS NULL').pluck().get()).toBe(2500);
    expect(db.prepare('SELECT complete FROM snapshots').pluck().get()).toBe(1);
    db.close();

    const listed = (await runCli(['snapshots', '-w', ws, '--json'], { env })).json() as { snapshots: { complete: boolean; sources: { profile: string; details: { syncId: string; grants: number } }[] }[] };
    expect(listed.snapshots[0]).toMatchObject({ complete: true, sources: [{ profile: 'c1z', details: { syncId: '36zfOAoWMxQdISbixanQCRBiX7E', grants: 14_981 } }] });
  });

  it('mapping in the worker thread (large files) gives exactly what mapping in this thread gives', async () => {
    const run = async (mode: string): Promise<unknown> => {
      const out = await runCli(['import', EXPANDED, '-w', workspace(), '--system', 'Baton Demo', '--json'], { env: { ...env, ATTEST_IMPORT_WORKER: mode } });
      expect(out.code, out.stderr).toBe(0);
      return out.json();
    };
    const inThread = await run('never');
    expect(inThread).toMatchObject({ grants: 12_441 });
    expect(await run('always')).toEqual(inThread);
  });

  it('cancelling mid-import leaves nothing: CANCELLED, no snapshot, no system', async () => {
    const dir = tempDir();
    const session = new ApiSession();
    await invoke('workspace.create', { path: join(dir, 'w.attest'), passphrase: PASSPHRASE }, { session });
    const abort = new AbortController();
    const result = await invoke('import.run', { files: [{ path: EXPANDED }], system: 'Baton Demo' }, {
      session,
      signal: abort.signal,
      onProgress: (p) => (p.done > 0 && p.done < p.total ? abort.abort() : undefined),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await invoke('workspace.info', {}, { session })).toMatchObject({ ok: true, value: { snapshots: 0, systems: 0, grants: 0 } });
    session.close();
  });

  it('refuses a file whose sync never finished (INCOMPLETE_SYNC), leaving the workspace as it was', async () => {
    for (const file of [IN_PROGRESS, UNEXPANDED]) {
      const ws = workspace();
      const before = fileState(ws);
      const run = await runCli(['import', file, '-w', ws, '--system', 'Baton Demo'], { env });
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/holds no finished sync: sync \w+ started .* never ended.*--allow-incomplete/);
      expect(fileState(ws)).toEqual(before);
    }
  });

  it('imports an unfinished sync only with --allow-incomplete, and marks the snapshot incomplete', async () => {
    const ws = workspace();
    const run = await runCli(['import', UNEXPANDED, '-w', ws, '--system', 'Baton Demo', '--allow-incomplete'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^WARNING: the population is incomplete/);
    expect(run.stdout).toMatch(/INCOMPLETE POPULATION: sync 36zfOAoWMxQdISbixanQCRBiX7E never finished/);
    expect(run.stdout).toMatch(/the sync was not expanded/);
    const listed = (await runCli(['snapshots', '-w', ws, '--json'], { env })).json() as { snapshots: { complete: boolean; asOf: string; rowsImported: number }[] };
    expect(listed.snapshots).toEqual([expect.objectContaining({ complete: false, asOf: '2025-12-17', rowsImported: 1221 + 342 + 2909 })]);
    expect((await runCli(['snapshots', '-w', ws], { env })).stdout).toMatch(/^#1 {2}INCOMPLETE {2}Baton Demo/);
  });

  it('refuses a v3 (Pebble) file with the remedy and what its manifest says (UNSUPPORTED_FORMAT)', async () => {
    const ws = workspace();
    const before = fileState(ws);
    const run = await runCli(['import', PEBBLE, '-w', ws, '--system', 'Baton Demo', '--json'], { env });
    expect(run.code).toBe(4);
    expect(run.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT' } });
    const message = (run.json() as { error: { message: string } }).error.message;
    expect(message).toContain('--storage-engine sqlite');
    expect(message).toContain('sync 36zGvJw3uxU1QMJKU2yPVQ1hBOC (ended 2026-06-15T16:23:26.000Z: 35,217 resources, 334 entitlements, 66,601 grants)');
    expect(fileState(ws)).toEqual(before);
  });

  it('a .c1z forced through another profile, or a CSV forced through c1z, is refused by kind', async () => {
    const ws = workspace();
    const forced = await runCli(['import', EXPANDED, '-w', ws, '--system', 'X', '--profile', 'grants'], { env });
    expect(forced.code).toBe(4);
    expect(forced.stderr).toMatch(/reads CSV or spreadsheet files, but .* is C1Z/);
    const csv = join(tempDir(), 'grants.csv');
    writeFileSync(csv, 'Account,Entitlement\nalice,Admin\n');
    const wrong = await runCli(['import', csv, '-w', ws, '--system', 'X', '--profile', 'c1z'], { env });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/The profile c1z reads C1Z files, but grants.csv is a table/);
  });
});
