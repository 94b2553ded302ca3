import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { openKeyed } from '../../src/store/cipher.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const decide = (decision: string, supersedes: number | null) =>
  `INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at, supersedes) VALUES (1, 1, '${decision}', 'm@x', 'app', 'me', 'now', ${supersedes ?? 'NULL'})`;

describe('migration 010 (decision withdraw)', () => {
  it('keeps every decision row of a version-9 workspace, then accepts withdraw rows; the table stays append-only', () => {
    const db = openKeyed(join(tempDir(), 'm.db'), PASSPHRASE, { create: true });
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.filter((m) => m.version <= 9)) {
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
    db.exec(decide('keep', null));
    db.exec(decide('revoke', 1));
    expect(() => db.exec(decide('withdraw', 2))).toThrowError(/CHECK/);
    const before = db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all();

    // 011 follows: every row as it was, with no undo marker.
    expect(migrate(db)).toEqual([10, 11]);
    expect(db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all()).toEqual(before.map((row) => ({ ...(row as object), undoes: null })));
    db.exec(decide('withdraw', 2));
    expect(db.prepare('SELECT decision, supersedes FROM campaign_decisions WHERE id = 3').get()).toEqual({ decision: 'withdraw', supersedes: 2 });
    expect(() => db.exec(decide('maybe', 3))).toThrowError(/CHECK/);
    expect(() => db.exec(decide('keep', 99))).toThrowError(/FOREIGN KEY/);
    expect(() => db.exec('UPDATE campaign_decisions SET comment = 1')).toThrowError(/immutable/);
    expect(() => db.exec('DELETE FROM campaign_decisions')).toThrowError(/immutable/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name LIKE 'campaign_decisions%' ORDER BY name").pluck().all()).toEqual([
      'campaign_decisions', 'campaign_decisions_item', 'campaign_decisions_no_delete', 'campaign_decisions_no_update',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
