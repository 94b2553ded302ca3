import type { FindingContext } from './found.js';

/**
 * standing-privilege: a privileged entitlement an account has held in every snapshot of its
 * system up to the analysis date (at least two, or permanence cannot be told): a candidate for
 * just-in-time access instead. One finding per account, naming the entitlements.
 */
export function findStandingPrivilege({ db, scope }: FindingContext): void {
  // Only a system with an earlier snapshot in scope can show either; most runs skip the query.
  if (scope.snapshots.every((s) => s.previousId === null)) return;
  db.prepare(
    `WITH history AS (
       SELECT s.system_id, s.id, substr(s.as_of, 1, 10) AS day FROM snapshots s
       WHERE s.content = 'access' AND substr(s.as_of, 1, 10) <= ? AND s.system_id IN (SELECT system_id FROM temp.scope_snapshots)),
     spans AS (SELECT system_id, count(*) AS n, min(day) AS since FROM history GROUP BY system_id HAVING n >= 2),
     privileged AS (
       SELECT sc.snapshot_id, sc.system_id, g.account_id, e.entitlement_key, e.name
       FROM temp.scope_snapshots sc
       JOIN entitlements e ON e.snapshot_id = sc.snapshot_id AND e.privileged = 1
       JOIN grants g ON g.snapshot_id = sc.snapshot_id AND g.entitlement_id = e.id),
     standing AS (
       SELECT p.account_id, p.name, sp.n, sp.since FROM privileged p
       JOIN spans sp ON sp.system_id = p.system_id
       JOIN accounts a ON a.id = p.account_id
       WHERE (SELECT count(*) FROM history h
              JOIN accounts ha ON ha.snapshot_id = h.id AND ha.account_key = a.account_key
              JOIN entitlements he ON he.snapshot_id = h.id AND he.entitlement_key = p.entitlement_key
              JOIN grants hg ON hg.snapshot_id = h.id AND hg.account_id = ha.id AND hg.entitlement_id = he.id
              WHERE h.system_id = p.system_id) = sp.n)
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'standing-privilege', sa.id, sa.employee_id,
            printf('%s held in all %d snapshots since %s; a candidate for just-in-time access', group_concat(st.name, ', '), max(st.n), min(st.since))
     FROM standing st JOIN temp.scope_accounts sa ON sa.id = st.account_id
     WHERE sa.status = 'enabled'
     GROUP BY sa.id`,
  ).run(scope.asOf);
}
