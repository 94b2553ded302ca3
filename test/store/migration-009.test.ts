import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const CAMPAIGN_TABLES = ['campaigns', 'campaign_launches', 'campaign_reconciliation', 'campaign_items', 'campaign_item_reviewers', 'campaign_decisions', 'campaign_closures'];

describe('migration 009 (campaigns)', () => {
  it('adds replaceable review owners, and campaigns whose every table refuses UPDATE and DELETE; decisions are checked', () => {
    const ws = newWorkspace(tempDir());
    const own = ws.db.prepare(`INSERT INTO review_owners (system, entitlement, reviewer, set_at, set_by) VALUES ('ERP', ?, ?, 'now', 'me')
      ON CONFLICT (system, ifnull(entitlement, '')) DO UPDATE SET reviewer = excluded.reviewer`);
    own.run(null, 'a@x');
    own.run(null, 'b@x');
    own.run('Admin*', 'c@x');
    expect(ws.db.prepare('SELECT entitlement, reviewer FROM review_owners ORDER BY id').all()).toEqual([{ entitlement: null, reviewer: 'b@x' }, { entitlement: 'Admin*', reviewer: 'c@x' }]);
    ws.db.exec(`
      INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now');
      INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'a.csv', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
      INSERT INTO campaigns VALUES (1, 'Q4', 'manager', '{}', '["manager"]', '{}', NULL, NULL, '00', 'now', 'me');
      INSERT INTO campaign_launches VALUES (1, 'now', 'me', NULL, 1, '${'b'.repeat(64)}', '[]');
      INSERT INTO campaign_reconciliation VALUES (1, 'ERP', 1, '${'a'.repeat(64)}', '2026-01-01', 1, 1, 0);
      INSERT INTO campaign_items (id, campaign_id, ordinal, system, snapshot_id, account_key, account, account_status, account_type, entitlement_key, entitlement, privileged, findings)
        VALUES (1, 1, 1, 'ERP', 1, 'a', 'a', 'enabled', 'human', 'r', 'r', 0, '[]');
      INSERT INTO campaign_item_reviewers VALUES (1, 1, 'm@x', 'manager', NULL);
      INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at) VALUES (1, 1, 'keep', 'm@x', 'cli', 'me', 'now');
      INSERT INTO campaign_closures VALUES (1, 'now', 'me', 0, 0);`);
    expect(() => ws.db.exec("INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at) VALUES (1, 1, 'reassign', 'm@x', 'cli', 'me', 'now')")).toThrowError(/CHECK/);
    expect(() => ws.db.exec("INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at) VALUES (1, 1, 'maybe', 'm@x', 'cli', 'me', 'now')")).toThrowError(/CHECK/);
    for (const table of CAMPAIGN_TABLES) {
      const column = table === 'campaign_item_reviewers' ? 'note' : 'rowid';
      expect(() => ws.db.exec(`UPDATE ${table} SET ${column} = ${column}`), table).toThrowError(/immutable/);
      expect(() => ws.db.exec(`DELETE FROM ${table}`), table).toThrowError(/immutable/);
    }
    ws.close();
  });
});
