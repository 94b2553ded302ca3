import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { decisionRow, oneReviewItemAt } from './helpers/one-review-item.js';

const tempDir = useTempDirs();

describe('migration 011 (an undo names the decision it takes back)', () => {
  it('keeps every decision row of a version-10 workspace unmarked, then records undo rows with the row they undo; still append-only', () => {
    const db = oneReviewItemAt(join(tempDir(), 'm.db'), 10);
    db.exec(decisionRow('keep', null));
    db.exec(decisionRow('revoke', 1));
    expect(() => db.exec(decisionRow('keep', 2, 2))).toThrowError(/undoes/);
    const before = db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all() as object[];

    expect(migrate(db)).toEqual([11]);
    expect(db.prepare('SELECT * FROM campaign_decisions ORDER BY id').all()).toEqual(before.map((r) => ({ ...r, undoes: null })));
    db.exec(decisionRow('keep', 2, 2));
    expect(db.prepare('SELECT decision, supersedes, undoes FROM campaign_decisions WHERE id = 3').get()).toEqual({ decision: 'keep', supersedes: 2, undoes: 2 });
    expect(() => db.exec(decisionRow('withdraw', 3, 99))).toThrowError(/FOREIGN KEY/);
    expect(() => db.exec('UPDATE campaign_decisions SET undoes = 1 WHERE id = 1')).toThrowError(/immutable/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
