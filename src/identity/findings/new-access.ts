import type { FindingContext } from './found.js';

/**
 * new-access: grants in a system's latest snapshot that its previous snapshot did not have,
 * compared by account key + entitlement key; one finding per account, naming the entitlements.
 * A system's first snapshot has no baseline and yields none.
 */
export function findNewAccess({ db, scope }: FindingContext): void {
  // Only a system with an earlier snapshot in scope can show either; most runs skip the query.
  if (scope.snapshots.every((s) => s.previousId === null)) return;
  db.exec(`
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT 'new-access', sa.id, sa.employee_id,
           printf('%d new since the snapshot of %s: %s', count(*), p.day, group_concat(e.name, ', '))
    FROM temp.scope_snapshots s
    JOIN (SELECT id, substr(as_of, 1, 10) AS day FROM snapshots) p ON p.id = s.previous_id
    JOIN grants g ON g.snapshot_id = s.snapshot_id
    JOIN entitlements e ON e.id = g.entitlement_id
    JOIN temp.scope_accounts sa ON sa.id = g.account_id
    WHERE NOT EXISTS (
      SELECT 1 FROM accounts pa
      JOIN entitlements pe ON pe.snapshot_id = pa.snapshot_id AND pe.entitlement_key = e.entitlement_key
      JOIN grants pg ON pg.snapshot_id = pa.snapshot_id AND pg.account_id = pa.id AND pg.entitlement_id = pe.id
      WHERE pa.snapshot_id = s.previous_id AND pa.account_key = sa.account_key)
    GROUP BY sa.id;`);
}
