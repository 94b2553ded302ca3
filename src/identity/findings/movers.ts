import type { FindingContext } from './found.js';

/**
 * mover: an identity whose department differs between the two latest HR snapshots and who still
 * holds entitlements that no peer in the new department holds and some peer in the old one does
 * (access that belonged to the old job). Peers are the current roster's other, non-terminated
 * members of a department. One finding per account, naming what was kept and who holds it.
 * Coverage by department is materialised for the movers' entitlements only, so the check is a join.
 */
export function findMovers({ db, scope }: FindingContext): void {
  if (scope.hr.previousId === null) return;
  db.exec(`DROP TABLE IF EXISTS temp.movers; DROP TABLE IF EXISTS temp.department_coverage;
    CREATE TEMP TABLE movers (identity_id INTEGER PRIMARY KEY, employee_id TEXT NOT NULL, old_department TEXT NOT NULL, new_department TEXT NOT NULL);
    CREATE TEMP TABLE department_coverage (department TEXT NOT NULL, entitlement_id INTEGER NOT NULL, holders INTEGER NOT NULL, PRIMARY KEY (department, entitlement_id)) WITHOUT ROWID;`);
  db.prepare(
    `INSERT INTO temp.movers
     SELECT cur.id, cur.employee_id, prev.department, cur.department
     FROM identities cur JOIN identities prev ON prev.snapshot_id = ? AND prev.employee_id = cur.employee_id
     WHERE cur.snapshot_id = ? AND cur.status <> 'terminated' AND cur.department <> prev.department`,
  ).run(scope.hr.previousId, scope.hr.snapshotId);
  db.exec(`INSERT INTO temp.department_coverage
    SELECT i.department, h.entitlement_id, count(DISTINCT h.identity_id)
    FROM temp.holdings h JOIN identities i ON i.id = h.identity_id
    WHERE i.status <> 'terminated' AND i.department IS NOT NULL
      AND h.entitlement_id IN (SELECT entitlement_id FROM temp.holdings WHERE identity_id IN (SELECT identity_id FROM temp.movers))
    GROUP BY i.department, h.entitlement_id`);
  // The mover is counted in the new department's coverage (where HR now places them), never in the old.
  db.prepare(
    `WITH kept AS (
       SELECT DISTINCT m.employee_id, m.old_department, m.new_department, h.account_id, h.entitlement_id, old.holders AS old_holders
       FROM temp.movers m
       JOIN temp.holdings h ON h.identity_id = m.identity_id
       JOIN temp.department_coverage old ON old.department = m.old_department AND old.entitlement_id = h.entitlement_id
       JOIN temp.department_coverage new ON new.department = m.new_department AND new.entitlement_id = h.entitlement_id
       WHERE new.holders = 1 AND old.holders > 0)
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'mover', kept.account_id, kept.employee_id,
            printf('moved from %s to %s between the HR snapshots of %s and %s; still holds ', old_department, new_department, ?, ?)
              || group_concat(printf('%s (held by %d in %s, none in %s)', e.name, old_holders, old_department, new_department), '; ')
     FROM kept JOIN entitlements e ON e.id = kept.entitlement_id
     GROUP BY kept.account_id`,
  ).run(scope.hr.previousAsOf, scope.hr.asOf);
  db.exec('DROP TABLE temp.movers; DROP TABLE temp.department_coverage;');
}
