import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../../../src/ingest/import-snapshot.js';
import { bytesField, EXPANDED, editC1z, packC1z, unpackC1z, varintField } from '../../helpers/c1z-builder.js';
import { runCli } from '../../helpers/cli.js';
import { fileState } from '../../helpers/file-state.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../../helpers/workspace.js';

const tempDir = useTempDirs();

async function dryRun(path: string) {
  const ws = newWorkspace(tempDir());
  try {
    return await importSnapshot(ws, { files: [{ path }], system: 'Baton', operator: 'tester', dryRun: true });
  } finally {
    ws.close();
  }
}

/**
 * Imports through the CLI into a fresh workspace; expects a refusal with `code`, the workspace as
 * it was, and no temporary file left behind.
 */
async function expectRefused(path: string, code: string): Promise<string> {
  const dir = tempDir();
  newWorkspace(dir).close();
  const ws = join(dir, 'w.attest');
  const before = fileState(ws);
  const tmp = join(tempDir(), 'tmp');
  mkdirSync(tmp);
  const run = await runCli(['import', path, '-w', ws, '--system', 'Baton', '--json'], { env: { ATTEST_PASSPHRASE: PASSPHRASE, TMPDIR: tmp } });
  expect(run.code, run.stdout).toBe(4);
  const { error } = run.json() as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  expect(fileState(ws)).toEqual(before);
  expect(readdirSync(tmp).filter((name) => name.startsWith('attest'))).toEqual([]);
  return error.message;
}

describe('.c1z files written by other baton versions', () => {
  it('a raw-block zstd frame of the same database imports the same as the compressed original', async () => {
    const path = join(tempDir(), 'raw.c1z');
    writeFileSync(path, packC1z(unpackC1z(EXPANDED)));
    const [raw, original] = [await dryRun(path), await dryRun(EXPANDED)];
    expect({ ...raw, files: [], sha256: '' }).toEqual({ ...original, files: [], sha256: '' });
  });

  it('an old schema (no sync_type) with several syncs: the latest finished one, the others noted', async () => {
    const path = editC1z(EXPANDED, tempDir(), 'old-schema.c1z', (db) => {
      db.exec(`ALTER TABLE v1_sync_runs DROP COLUMN sync_type; ALTER TABLE v1_sync_runs DROP COLUMN parent_sync_id;
        INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token) VALUES ('older', '2025-11-01 10:00:00', '2025-11-01 10:05:00', '');
        INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token) VALUES ('newer-unfinished', '2025-12-20 10:00:00', NULL, '');
        INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at)
          SELECT resource_type_id, external_id, data, 'older', discovered_at FROM v1_resources WHERE resource_type_id = 'user' LIMIT 5;`);
    });
    const result = await dryRun(path);
    expect(result).toMatchObject({ accounts: 1000, grants: 12_441, asOf: '2025-12-17', complete: true });
    expect(result.files[0]?.details).toMatchObject({ syncId: '36zfOAoWMxQdISbixanQCRBiX7E', syncType: 'full', otherSyncs: 2, resources: 1221, grants: 14_981 });
    expect(result.notes).toContain('The file holds 2 other syncs; only sync 36zfOAoWMxQdISbixanQCRBiX7E was imported.');
  });

  it('slim grants (empty blobs) are rebuilt from the row columns, as direct grants', async () => {
    const path = editC1z(EXPANDED, tempDir(), 'slim.c1z', (db) => db.exec("UPDATE v1_grants SET data = x''"));
    const result = await dryRun(path);
    expect(result).toMatchObject({ accounts: 1000, grants: 12_441 });
    expect(result.files[0]?.details).toMatchObject({ directGrants: 12_441, inheritedGrants: 0 });
  });

  it('an annotation of a type Attest does not know is ignored', async () => {
    const unknown = bytesField(4, Buffer.concat([bytesField(1, 'type.googleapis.com/acme.v9.SomethingNew'), bytesField(2, Buffer.from([0x08, 0x01]))]));
    const path = editC1z(EXPANDED, tempDir(), 'unknown-annotation.c1z', (db) => {
      const update = db.prepare('UPDATE v1_resources SET data = ? WHERE id = ?');
      for (const row of db.prepare("SELECT id, data FROM v1_resources WHERE resource_type_id = 'user'").all() as { id: number; data: Buffer }[]) {
        update.run(Buffer.concat([unknown, row.data, unknown]), row.id);
      }
    });
    const result = await dryRun(path);
    expect(result).toMatchObject({ accounts: 1000, grants: 12_441, rowsRejected: 0 });
    expect(result.preview.accounts[0]).toMatchObject({ login: 'user-0000000', email: 'user-0@example.com', status: 'enabled' });
  });

  it('user status, account type, MFA and last login come from the user trait', async () => {
    // A user trait written field by field: disabled, a service account, MFA on, last login 2025-12-01.
    const trait = Buffer.concat([
      bytesField(1, Buffer.concat([bytesField(1, 'svc@example.com'), Buffer.from([0x10, 0x01])])),
      bytesField(2, Buffer.from([0x08, 0x02])),
      Buffer.from([0x28, 0x02]),
      bytesField(6, 'svc-backup'),
      bytesField(9, varintField(1, 1_764_547_200)),
      bytesField(10, Buffer.from([0x08, 0x01])),
    ]);
    const resource = Buffer.concat([
      bytesField(1, Buffer.concat([bytesField(1, 'user'), bytesField(2, 'svc-1')])),
      bytesField(3, 'Backup service'),
      bytesField(4, Buffer.concat([bytesField(1, 'type.googleapis.com/c1.connector.v2.UserTrait'), bytesField(2, trait)])),
    ]);
    const path = editC1z(EXPANDED, tempDir(), 'service.c1z', (db) => {
      db.prepare("INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at) VALUES ('user', 'user:svc-1', ?, '36zfOAoWMxQdISbixanQCRBiX7E', '2025-12-17')").run(resource);
      db.exec("DELETE FROM v1_resources WHERE resource_type_id = 'user' AND external_id <> 'user:svc-1'; DELETE FROM v1_grants");
    });
    const result = await dryRun(path);
    expect(result.preview.accounts).toEqual([{ key: 'user:svc-1', login: 'svc-backup', email: 'svc@example.com', status: 'disabled', accountType: 'service', privileged: false, mfa: true, lastLogin: '2025-12-01T00:00:00.000Z' }]);
  });
});


describe('broken .c1z files are refused whole (CORRUPT_FILE), the workspace untouched', () => {
  it('a corrupt zstd frame', async () => {
    const bytes = Buffer.from(readFileSync(EXPANDED));
    for (let i = 2000; i < 2400; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const path = join(tempDir(), 'corrupt-frame.c1z');
    writeFileSync(path, bytes);
    expect(await expectRefused(path, 'CORRUPT_FILE')).toMatch(/corrupt-frame.c1z is damaged: its compressed data does not decode/);
  });

  it('a file cut short in its compressed data', async () => {
    const path = join(tempDir(), 'cut.c1z');
    writeFileSync(path, readFileSync(EXPANDED).subarray(0, 300_000));
    expect(await expectRefused(path, 'CORRUPT_FILE')).toMatch(/cut.c1z is damaged/);
  });

  it('a truncated database inside a valid frame', async () => {
    const path = join(tempDir(), 'truncated-db.c1z');
    writeFileSync(path, packC1z(unpackC1z(EXPANDED).subarray(0, 1_000_000)));
    expect(await expectRefused(path, 'CORRUPT_FILE')).toMatch(/truncated-db.c1z is damaged: the database inside it cannot be read/);
  });

  it('a database that is not a baton sync', async () => {
    const path = editC1z(EXPANDED, tempDir(), 'not-a-sync.c1z', (db) => db.exec('DROP TABLE v1_grants'));
    expect(await expectRefused(path, 'CORRUPT_FILE')).toMatch(/not-a-sync.c1z is not a baton sync: its database lacks v1_grants/);
  });

  it('a protobuf blob that does not decode names its table and row', async () => {
    const path = editC1z(EXPANDED, tempDir(), 'bad-blob.c1z', (db) => db.prepare('UPDATE v1_entitlements SET data = ? WHERE id = 7').run(Buffer.from([0x0a, 0xff, 0xff, 0x03, 0x01])));
    expect(await expectRefused(path, 'CORRUPT_FILE')).toMatch(/bad-blob.c1z is damaged: row 7 of v1_entitlements does not decode \(length runs past the end of the message\)/);
  });
});
