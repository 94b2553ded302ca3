import type { FindingContext } from './found.js';

/** privileged: an enabled account holding an entitlement marked privileged, or marked privileged by its source. */
export function findPrivileged({ db }: FindingContext): void {
  db.exec(`
    WITH held AS (
      SELECT g.account_id, group_concat(e.name, ', ') AS names
      FROM temp.scope_snapshots s
      JOIN entitlements e ON e.snapshot_id = s.snapshot_id AND e.privileged = 1
      JOIN grants g ON g.snapshot_id = s.snapshot_id AND g.entitlement_id = e.id
      GROUP BY g.account_id)
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT 'privileged', sa.id, sa.employee_id,
           CASE WHEN h.names IS NULL THEN 'enabled; the source marks the account privileged'
                ELSE 'enabled; holds privileged ' || h.names || CASE WHEN sa.privileged = 1 THEN '; the source also marks the account privileged' ELSE '' END END
    FROM temp.scope_accounts sa LEFT JOIN held h ON h.account_id = sa.id
    WHERE sa.status = 'enabled' AND (sa.privileged = 1 OR h.names IS NOT NULL);`);
}
