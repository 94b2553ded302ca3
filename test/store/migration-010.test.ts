import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { decisionRow, oneReviewItemAt } from './helpers/one-review-item.js';

const tempDir = useTempDirs();

describe('migration 010 (decision withdraw)', () => {
  it('keeps every decision row of a version-9 workspace, then accepts withdraw rows; the table stays append-only', () => {
    const db = oneReviewItemAt(join(tempDir(), 'm.db'), 9);
    db.exec(decisionRow('keep', null));
    db.exec(decisionRow('revoke', 1));
    expect(() => db.exec(decisionRow('withdraw', 2))).toThrowError(/CHECK/);
    const before = db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all();

    // 011 follows: every row as it was, with no undo marker.
    expect(migrate(db)).toEqual([10, 11]);
    expect(db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all()).toEqual(before.map((row) => ({ ...(row as object), undoes: null })));
    db.exec(decisionRow('withdraw', 2));
    expect(db.prepare('SELECT decision, supersedes FROM campaign_decisions WHERE id = 3').get()).toEqual({ decision: 'withdraw', supersedes: 2 });
    expect(() => db.exec(decisionRow('maybe', 3))).toThrowError(/CHECK/);
    expect(() => db.exec(decisionRow('keep', 99))).toThrowError(/FOREIGN KEY/);
    expect(() => db.exec('UPDATE campaign_decisions SET comment = 1')).toThrowError(/immutable/);
    expect(() => db.exec('DELETE FROM campaign_decisions')).toThrowError(/immutable/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name LIKE 'campaign_decisions%' ORDER BY name").pluck().all()).toEqual([
      'campaign_decisions', 'campaign_decisions_item', 'campaign_decisions_no_delete', 'campaign_decisions_no_update',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
