import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { openKeyed } from '../../src/store/cipher.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

const IMMUTABLE = ['snapshots', 'snapshot_sources', 'rejected_rows', 'identities', 'accounts', 'entitlements', 'grants', 'attachments', 'audit_events'];

describe('migrations', () => {
  it('are numbered 1..n without gaps, and the schema version is the last one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('each applies in order on an empty encrypted database and sets user_version', () => {
    const db = openKeyed(join(tempDir(), 'm.db'), PASSPHRASE, { create: true });
    const seen: number[] = [];
    expect(migrate(db, (v) => seen.push(v))).toEqual(MIGRATIONS.map((m) => m.version));
    expect(seen).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('001 creates the core model', () => {
    const ws = newWorkspace(tempDir());
    const tables = ws.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").pluck().all();
    for (const t of ['meta', 'systems', 'latest_snapshots', ...IMMUTABLE]) expect(tables).toContain(t);
    ws.close();
  });

  it('002 adds saved mappings, one per system and profile, replaceable', () => {
    const ws = newWorkspace(tempDir());
    ws.db.exec("INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now')");
    const save = ws.db.prepare(`INSERT INTO saved_mappings (system_id, profile, mapping, saved_at, saved_by) VALUES (1, 'grants', ?, 'now', 'me')
      ON CONFLICT (system_id, profile) DO UPDATE SET mapping = excluded.mapping`);
    save.run('{"Account":"Login"}');
    save.run('{"Account":"User"}');
    expect(ws.db.prepare('SELECT mapping FROM saved_mappings').pluck().all()).toEqual(['{"Account":"User"}']);
    ws.close();
  });

  it('004 adds saved connections (one per name, replaceable) and immutable directory searches of snapshot sources', () => {
    const ws = newWorkspace(tempDir());
    const save = ws.db.prepare(`INSERT INTO saved_connections (name, kind, settings, secret, saved_at, saved_by) VALUES (?, 'ldap', ?, 'pw', 'now', 'me')
      ON CONFLICT (name) DO UPDATE SET settings = excluded.settings`);
    save.run('corp', '{"url":"ldap://a"}');
    save.run('CORP', '{"url":"ldap://b"}');
    expect(ws.db.prepare('SELECT name, settings FROM saved_connections').all()).toEqual([{ name: 'corp', settings: '{"url":"ldap://b"}' }]);
    expect(() => ws.db.exec("INSERT INTO saved_connections VALUES ('x', 'ftp', '{}', NULL, 'now', 'me')")).toThrowError(/CHECK/);
    ws.db.exec(`
      INSERT INTO systems (id, name, created_at) VALUES (1, 'Directory', 'now');
      INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'ldap-directory', NULL, 'ldap://a:389', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
      INSERT INTO snapshot_sources VALUES (1, 1, 0, 'ldap://a:389/dc=x??sub?(uid=*)', '${'a'.repeat(64)}', 1, 'ldap-users', NULL, NULL);
      INSERT INTO source_searches VALUES (1, 'ldap://a:389', NULL, 'dc=x', 'sub', '(uid=*)', 500, 1, 0);
    `);
    expect(() => ws.db.exec('UPDATE source_searches SET filter = filter')).toThrowError(/immutable/);
    expect(() => ws.db.exec('DELETE FROM source_searches')).toThrowError(/immutable/);
    ws.close();
  });

  it('007 adds SoD rules (replaceable, sides and matchers go with their rule), controls, and immutable exceptions, runs, violations and evidence', () => {
    const ws = newWorkspace(tempDir());
    ws.db.exec(`
      INSERT INTO sod_rules (id, rule_key, name, risk, source, imported_at, imported_by) VALUES (1, 'R1', 'Pay', 'high', 'f.csv', 'now', 'me');
      INSERT INTO sod_sides (id, rule_id, label) VALUES (1, 1, 'A'), (2, 1, 'B');
      INSERT INTO sod_matchers (side_id, alternative, kind, system, entitlement) VALUES (1, 0, 'entitlement', 'ERP', 'AP*'), (2, 0, 'entitlement', 'ERP', 'X');
      INSERT INTO sod_matchers (side_id, alternative, kind, finding) VALUES (2, 1, 'finding', 'leaver');
    `);
    expect(() => ws.db.exec("INSERT INTO sod_rules (rule_key, name, risk, source, imported_at, imported_by) VALUES ('r1', 'Dup', 'low', 'f', 'now', 'me')")).toThrowError(/UNIQUE/);
    expect(() => ws.db.exec("INSERT INTO sod_rules (rule_key, name, risk, source, imported_at, imported_by) VALUES ('R2', 'X', 'extreme', 'f', 'now', 'me')")).toThrowError(/CHECK/);
    expect(() => ws.db.exec("INSERT INTO sod_matchers (side_id, alternative, kind, system) VALUES (1, 0, 'entitlement', 'ERP')")).toThrowError(/CHECK/);
    ws.db.exec("DELETE FROM sod_rules WHERE rule_key = 'R1'");
    expect(ws.db.prepare('SELECT count(*) FROM sod_matchers').pluck().get()).toBe(0);
    ws.db.exec(`
      INSERT INTO sod_exceptions (id, rule_key, owner_key, approver, justification, starts_on, ends_on, granted_at, granted_by) VALUES (1, 'R1', 'identity:E1', 'CFO', 'why', '2026-01-01', '2026-02-01', 'now', 'me');
      INSERT INTO sod_runs (id, as_of, run_at, run_by, rules, owners, grants, snapshots) VALUES (1, '2026-01-15', 'now', 'me', 1, 1, 2, '[]');
      INSERT INTO sod_violations (id, run_id, rule_key, owner_key, status, exception_id, first_seen, last_seen) VALUES (1, 1, 'R1', 'identity:E1', 'excepted', 1, '2026-01-01', '2026-01-01');
      INSERT INTO sod_evidence (violation_id, side, snapshot_id, account_id, entitlement_id) VALUES (1, 'A', 1, 1, 1);
    `);
    expect(() => ws.db.exec("INSERT INTO sod_exceptions (rule_key, owner_key, approver, justification, starts_on, ends_on, granted_at, granted_by) VALUES ('R1', 'x', 'a', 'j', '2026-02-01', '2026-01-01', 'now', 'me')")).toThrowError(/CHECK/);
    expect(() => ws.db.exec("INSERT INTO sod_evidence (violation_id, side, snapshot_id, account_id) VALUES (1, 'B', 1, 1)")).toThrowError(/CHECK/);
    for (const table of ['sod_exceptions', 'sod_runs', 'sod_violations', 'sod_evidence']) {
      expect(() => ws.db.exec(`UPDATE ${table} SET rowid = rowid`)).toThrowError(/immutable/);
      expect(() => ws.db.exec(`DELETE FROM ${table}`)).toThrowError(/immutable/);
    }
    ws.close();
  });

  it('003 adds a source\'s own provenance (JSON) and a snapshot\'s completeness, complete by default', () => {
    const ws = newWorkspace(tempDir());
    ws.db.exec(`
      INSERT INTO systems (id, name, created_at) VALUES (1, 'Okta', 'now');
      INSERT INTO snapshots (id, system_id, content, profile, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected)
        VALUES (1, 1, 'access', 'c1z', 'a.c1z', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
      INSERT INTO snapshot_sources (id, snapshot_id, ordinal, file_name, sha256, size_bytes, profile, details) VALUES (1, 1, 0, 'a.c1z', '${'a'.repeat(64)}', 1, 'c1z', '{"syncId":"s1"}');
    `);
    expect(ws.db.prepare('SELECT complete FROM snapshots').pluck().get()).toBe(1);
    expect(ws.db.prepare('SELECT details FROM snapshot_sources').pluck().get()).toBe('{"syncId":"s1"}');
    expect(() => ws.db.exec("INSERT INTO snapshots (id, system_id, content, profile, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected, complete) VALUES (2, 1, 'access', 'c1z', 'b', 'x', 1, 'd', 'now', 'me', 1, 1, 0, 2)")).toThrowError(/CHECK/);
    ws.close();
  });

  it('005 adds audit samples and their items, immutable, with the size within the population', () => {
    const ws = newWorkspace(tempDir());
    const sample = (id: number, size: number): string =>
      `INSERT INTO samples VALUES (${id}, 'accounts', '{"snapshotId":1}', '["account"]', 3, '${'c'.repeat(64)}', 'simple-random', 'xoshiro256**', '42', 'given', '{"size":${size}}', ${size}, 'now', 'me')`;
    ws.db.exec(`${sample(1, 2)}; INSERT INTO sample_items VALUES (1, 1, 2, '["carol"]'), (1, 2, 0, '["alice"]');`);
    expect(ws.db.prepare('SELECT item_key FROM sample_items WHERE sample_id = 1 ORDER BY position').pluck().all()).toEqual(['["carol"]', '["alice"]']);
    expect(() => ws.db.exec(sample(2, 4))).toThrowError(/CHECK/);
    expect(() => ws.db.exec("INSERT INTO sample_items VALUES (1, 1, 1, '[\"bob\"]')")).toThrowError(/UNIQUE|PRIMARY/);
    for (const [table, column] of [['samples', 'seed'], ['sample_items', 'item_key']]) {
      expect(() => ws.db.exec(`UPDATE ${table} SET ${column} = ${column}`)).toThrowError(/immutable/);
      expect(() => ws.db.exec(`DELETE FROM ${table}`)).toThrowError(/immutable/);
    }
    ws.close();
  });

  it('006 adds account decisions (one per system and account key, checked) and immutable analysis runs with their findings', () => {
    const ws = newWorkspace(tempDir());
    ws.db.exec("INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now')");
    const decide = ws.db.prepare(`INSERT INTO account_decisions (system_id, account_key, decision, employee_id, decided_at, decided_by) VALUES (1, 'a', ?, ?, 'now', 'me')
      ON CONFLICT (system_id, account_key) DO UPDATE SET decision = excluded.decision, employee_id = excluded.employee_id`);
    decide.run('link', 'E1');
    decide.run('shared', null);
    expect(ws.db.prepare('SELECT decision, employee_id FROM account_decisions').all()).toEqual([{ decision: 'shared', employee_id: null }]);
    expect(() => decide.run('service', null)).toThrowError(/CHECK/);
    expect(() => decide.run('unlink', 'E1')).toThrowError(/CHECK/);
    expect(() => decide.run('owner', 'E1')).toThrowError(/CHECK/);
    ws.db.exec(`INSERT INTO analysis_runs (id, as_of, parameters, snapshots, created_at, created_by) VALUES (1, '2026-01-01', '{}', '[]', 'now', 'me');
      INSERT INTO findings VALUES (1, 1, 'orphan', 'ERP', 'a', 'a', NULL, 'why');`);
    for (const table of ['analysis_runs', 'findings']) {
      const column = table === 'findings' ? 'detail' : 'as_of';
      expect(() => ws.db.exec(`UPDATE ${table} SET ${column} = ${column}`)).toThrowError(/immutable/);
      expect(() => ws.db.exec(`DELETE FROM ${table}`)).toThrowError(/immutable/);
    }
    ws.close();
  });

  it('an older workspace is brought up to date on open, and the step is audited', () => {
    const dir = tempDir();
    const path = join(dir, 'old.attest');
    const db = openKeyed(path, PASSPHRASE, { create: true });
    db.pragma('journal_mode = WAL');
    db.pragma('application_id = 0x41545354');
    db.close();
    const ws = openWorkspace(path, PASSPHRASE, 'upgrader');
    expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
    expect(ws.db.prepare('SELECT actor, action FROM audit_events').all()).toContainEqual({ actor: 'upgrader', action: 'workspace.migrated' });
    ws.close();
  });

  it.each(IMMUTABLE)('refuses UPDATE and DELETE on %s', (table) => {
    const ws = newWorkspace(tempDir());
    ws.db.exec(`
      INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now');
      INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'a.csv', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
      INSERT INTO snapshot_sources VALUES (1, 1, 0, 'a.csv', '${'a'.repeat(64)}', 1, 'grants', 'utf-8', NULL);
      INSERT INTO rejected_rows VALUES (1, 1, 1, 2, 'why', NULL);
      INSERT INTO identities (id, snapshot_id, employee_id, status) VALUES (1, 1, 'E1', 'active');
      INSERT INTO accounts (id, snapshot_id, account_key, login, status) VALUES (1, 1, 'a', 'a', 'enabled');
      INSERT INTO entitlements (id, snapshot_id, entitlement_key, name) VALUES (1, 1, 'r', 'r');
      INSERT INTO grants VALUES (1, 1, 1, NULL);
      INSERT INTO attachments VALUES (1, 1, 'q.sql', 'text/plain', '${'b'.repeat(64)}', 1, x'00', NULL, 'now', 'me');
    `);
    const column = table === 'grants' ? 'via' : table === 'audit_events' ? 'actor' : 'rowid';
    expect(() => ws.db.exec(`UPDATE ${table} SET ${column} = ${column}`)).toThrowError(/immutable/);
    expect(() => ws.db.exec(`DELETE FROM ${table}`)).toThrowError(/immutable/);
    ws.close();
  });
});
