import Database from 'better-sqlite3-multiple-ciphers';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesField, EXPANDED, unpackC1z, varintField } from '../helpers/c1z-builder.js';

/**
 * A baton sync file with the same access as the grants CSV of the bench (10k users × 100 of 500
 * roles), written the way baton writes one: the sample file's tables, protobuf blobs shaped like
 * the sample's, compressed by the `zstd` command (Debian package `zstd`). Made once per machine.
 */
const DIR = join(tmpdir(), 'attest-bench-inputs');
const SYNC = 'benchsync000000000000000001';
const ACCOUNTS = 10_000;
const ENTITLEMENTS = 500;

const any = (name: string, value: Buffer): Buffer => Buffer.concat([bytesField(1, `type.googleapis.com/c1.connector.v2.${name}`), bytesField(2, value)]);
const resourceId = (type: string, id: string): Buffer => Buffer.concat([bytesField(1, type), bytesField(2, id)]);
const structString = (key: string, value: string): Buffer => bytesField(1, Buffer.concat([bytesField(1, key), bytesField(2, bytesField(3, value))]));

function userBlob(a: number): Buffer {
  const id = `user${a}`;
  const email = `user${a}@northwind-demo.example`;
  const trait = Buffer.concat([
    bytesField(1, Buffer.concat([bytesField(1, email), varintField(2, 1)])),
    bytesField(2, Buffer.concat([varintField(1, a % 40 === 0 ? 2 : 1), bytesField(2, a % 40 === 0 ? 'Disabled' : 'Enabled')])),
    bytesField(3, Buffer.concat([structString('full_name', `User Number ${a}`), structString('email', email)])),
    varintField(5, a % 97 === 0 ? 2 : 1),
    bytesField(6, id),
    bytesField(9, varintField(1, 1_790_000_000 + a)),
    bytesField(13, `E${100000 + a}`),
  ]);
  return Buffer.concat([bytesField(1, resourceId('user', id)), bytesField(3, `User Number ${a}`), bytesField(4, any('UserTrait', trait)), varintField(8, 1)]);
}

const roleResource = (e: number): Buffer => Buffer.concat([bytesField(1, resourceId('role', `role${e}`)), bytesField(3, `Finance Role ${e}`), varintField(8, 1)]);

function entitlementBlob(e: number): Buffer {
  return Buffer.concat([
    bytesField(1, roleResource(e)),
    bytesField(2, `role:role${e}:assignment`),
    bytesField(3, 'assignment'),
    bytesField(4, `Is assigned the Finance Role ${e} role`),
    bytesField(5, Buffer.concat([bytesField(1, 'user'), bytesField(2, 'User')])),
    varintField(7, 1),
    bytesField(8, 'assignment'),
  ]);
}

function grantBlob(a: number, e: number, inherited: boolean): Buffer {
  const entitlement = `role:role${e}:assignment`;
  const parts = [
    bytesField(1, Buffer.concat([bytesField(1, Buffer.concat([bytesField(1, resourceId('role', `role${e}`)), bytesField(3, `Finance Role ${e}`), bytesField(4, any('ETag', Buffer.alloc(0))), varintField(8, 1)])), bytesField(2, entitlement)])),
    bytesField(2, bytesField(1, resourceId('user', `user${a}`))),
    bytesField(3, `${entitlement}:user:user${a}`),
    bytesField(4, any('GrantImmutable', Buffer.alloc(0))),
  ];
  if (inherited) parts.push(bytesField(5, bytesField(1, Buffer.concat([bytesField(1, 'group:finance:member'), bytesField(2, Buffer.alloc(0))]))));
  return Buffer.concat(parts);
}

function writeDatabase(path: string, grants: number): void {
  const sample = unpackC1z(EXPANDED);
  // In memory, a database marked WAL (header bytes 18-19) does not open.
  sample[18] = 1;
  sample[19] = 1;
  const schema = new Database(sample);
  const statements = schema.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC").pluck().all() as string[];
  schema.close();
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  for (const sql of statements) db.exec(sql);
  const now = '2026-11-01 09:00:00.000000';
  db.transaction(() => {
    db.prepare('INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type) VALUES (?, ?, ?, ?, ?)').run(SYNC, now, '2026-11-01 09:30:00.000000', '{}', 'full');
    const type = db.prepare('INSERT INTO v1_resource_types (external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?)');
    type.run('user', Buffer.concat([bytesField(1, 'user'), bytesField(2, 'User'), bytesField(3, Buffer.from([1]))]), SYNC, now);
    type.run('role', Buffer.concat([bytesField(1, 'role'), bytesField(2, 'Role'), bytesField(3, Buffer.from([3]))]), SYNC, now);
    const resource = db.prepare('INSERT INTO v1_resources (resource_type_id, external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?)');
    for (let a = 0; a < ACCOUNTS; a++) resource.run('user', `user:user${a}`, userBlob(a), SYNC, now);
    for (let e = 0; e < ENTITLEMENTS; e++) resource.run('role', `role:role${e}`, roleResource(e), SYNC, now);
    const entitlement = db.prepare('INSERT INTO v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let e = 0; e < ENTITLEMENTS; e++) entitlement.run('role', `role${e}`, `role:role${e}:assignment`, entitlementBlob(e), SYNC, now);
    const grant = db.prepare(`INSERT INTO v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id, data, sync_id, discovered_at)
      VALUES ('role', ?, ?, 'user', ?, ?, ?, ?, ?)`);
    // The same pairs as the bench's grants CSV: account a holds 100 of the 500 roles.
    for (let i = 0; i < grants; i++) {
      const a = Math.floor(i / 100) % ACCOUNTS;
      const e = (a * 7919 + (i % 100) * 5) % ENTITLEMENTS;
      grant.run(`role${e}`, `role:role${e}:assignment`, `user${a}`, `role:role${e}:assignment:user:user${a}`, grantBlob(a, e, i % 10 === 0), SYNC, now);
    }
  })();
  db.close();
}

export function grantsC1z(grants: number): string {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `grants-${grants}.c1z`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const database = join(DIR, `grants-${grants}.c1z.sqlite`);
  rmSync(database, { force: true });
  writeDatabase(database, grants);
  const partial = `${path}.partial`;
  const out = openSync(partial, 'w');
  try {
    writeSync(out, Buffer.from('C1ZF\0', 'latin1'));
    execFileSync('zstd', ['-q', '-3', '-c', database], { stdio: ['ignore', out, 'inherit'] });
  } finally {
    closeSync(out);
    rmSync(database, { force: true });
  }
  renameSync(partial, path);
  return path;
}
