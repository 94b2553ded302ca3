import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeyed } from '../../src/store/cipher.js';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const row = (decision: string, supersedes: number | null, undoes?: number) =>
  `INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at, supersedes${undoes === undefined ? '' : ', undoes'})
   VALUES (1, 1, '${decision}', 'm@x', 'app', 'me', 'now', ${supersedes ?? 'NULL'}${undoes === undefined ? '' : `, ${undoes}`})`;

describe('migration 011 (an undo names the decision it takes back)', () => {
  it('keeps every decision row of a version-10 workspace unmarked, then records undo rows with the row they undo; still append-only', () => {
    const db = openKeyed(join(tempDir(), 'm.db'), PASSPHRASE, { create: true });
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.filter((m) => m.version <= 10)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.exec(`
      INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now');
      INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'a.csv', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
      INSERT INTO campaigns VALUES (1, 'Q4', 'manager', '{}', '["manager"]', '{}', NULL, NULL, '00', 'now', 'me');
      INSERT INTO campaign_items (id, campaign_id, ordinal, system, snapshot_id, account_key, account, account_status, account_type, entitlement_key, entitlement, privileged, findings)
        VALUES (1, 1, 1, 'ERP', 1, 'a', 'a', 'enabled', 'human', 'r', 'r', 0, '[]');
      INSERT INTO campaign_item_reviewers VALUES (1, 1, 'm@x', 'manager', NULL);`);
    db.exec(row('keep', null));
    db.exec(row('revoke', 1));
    expect(() => db.exec(row('keep', 2, 2))).toThrowError(/undoes/);
    const before = db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all() as object[];

    expect(migrate(db)).toEqual([11]);
    expect(db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all()).toEqual(before.map((r) => ({ ...r, undoes: null })));
    db.exec(row('keep', 2, 2));
    expect(db.prepare('SELECT decision, supersedes, undoes FROM campaign_decisions WHERE id = 3').get()).toEqual({ decision: 'keep', supersedes: 2, undoes: 2 });
    expect(() => db.exec(row('withdraw', 3, 99))).toThrowError(/FOREIGN KEY/);
    expect(() => db.exec('UPDATE campaign_decisions SET undoes = 1 WHERE id = 1')).toThrowError(/immutable/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
