import type { FindingContext } from './found.js';

/**
 * mover: an identity whose department differs between the two latest HR snapshots and who still
 * holds entitlements that no peer in the new department holds and some peer in the old one does
 * (access that belonged to the old job). Peers are the current roster's other, non-terminated
 * members of a department. One finding per account, naming what was kept and who holds it.
 */
export function findMovers({ db, scope }: FindingContext): void {
  if (scope.hr.previousId === null) return;
  db.prepare(
    `WITH staff AS (SELECT id, department FROM identities WHERE snapshot_id = :hr AND status <> 'terminated' AND department IS NOT NULL),
     moved AS (
       SELECT cur.id AS identity_id, cur.employee_id, prev.department AS old_department, cur.department AS new_department
       FROM identities cur JOIN identities prev ON prev.snapshot_id = :previous AND prev.employee_id = cur.employee_id
       WHERE cur.snapshot_id = :hr AND cur.status <> 'terminated' AND cur.department <> prev.department),
     held AS (
       SELECT m.*, h.account_id, h.entitlement_id,
              (SELECT count(DISTINCT o.identity_id) FROM temp.holdings o JOIN staff p ON p.id = o.identity_id
               WHERE o.entitlement_id = h.entitlement_id AND o.identity_id <> m.identity_id AND p.department = m.old_department) AS old_holders,
              (SELECT count(DISTINCT o.identity_id) FROM temp.holdings o JOIN staff p ON p.id = o.identity_id
               WHERE o.entitlement_id = h.entitlement_id AND o.identity_id <> m.identity_id AND p.department = m.new_department) AS new_holders
       FROM moved m JOIN temp.holdings h ON h.identity_id = m.identity_id)
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'mover', held.account_id, held.employee_id,
            printf('moved from %s to %s between the HR snapshots of %s and %s; still holds ', old_department, new_department, :previousAsOf, :hrAsOf)
              || group_concat(printf('%s (held by %d in %s, none in %s)', e.name, old_holders, old_department, new_department), '; ')
     FROM held JOIN entitlements e ON e.id = held.entitlement_id
     WHERE new_holders = 0 AND old_holders > 0
     GROUP BY held.account_id`,
  ).run({ hr: scope.hr.snapshotId, previous: scope.hr.previousId, hrAsOf: scope.hr.asOf, previousAsOf: scope.hr.previousAsOf });
}
