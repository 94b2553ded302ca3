import type { FindingContext } from './found.js';

/**
 * outlier: an entitlement held by fewer than X% of an identity's peers: the other non-terminated
 * people of the same department and title in the current roster, compared only when there are
 * at least `minPeers` of them. One finding per account, each entitlement with its peer coverage.
 */
export function findOutliers({ db, scope, parameters }: FindingContext): void {
  db.prepare(
    `WITH peer_groups AS (
       SELECT department, title, count(*) AS size FROM identities
       WHERE snapshot_id = :hr AND status <> 'terminated' AND department IS NOT NULL AND title IS NOT NULL
       GROUP BY department, title HAVING count(*) - 1 >= :minPeers),
     members AS (
       SELECT i.id, i.employee_id, g.department, g.title, g.size FROM identities i
       JOIN peer_groups g ON g.department = i.department AND g.title = i.title
       WHERE i.snapshot_id = :hr AND i.status <> 'terminated'),
     member_holdings AS (SELECT DISTINCT h.identity_id, h.entitlement_id, h.account_id FROM temp.holdings h),
     coverage AS (
       SELECT m.department, m.title, h.entitlement_id, count(DISTINCT h.identity_id) AS holders
       FROM member_holdings h JOIN members m ON m.id = h.identity_id GROUP BY m.department, m.title, h.entitlement_id),
     rare AS (
       SELECT h.account_id, m.employee_id, m.department, m.title, e.name, c.holders - 1 AS holding, m.size - 1 AS peers
       FROM member_holdings h
       JOIN members m ON m.id = h.identity_id
       JOIN coverage c ON c.department = m.department AND c.title = m.title AND c.entitlement_id = h.entitlement_id
       JOIN entitlements e ON e.id = h.entitlement_id
       WHERE (c.holders - 1) * 100.0 < :percent * (m.size - 1))
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'outlier', account_id, employee_id,
            printf('%s, %s: ', department, title) || group_concat(printf('%s held by %d of %d peers (%.1f%%)', name, holding, peers, 100.0 * holding / peers), '; ')
     FROM rare GROUP BY account_id`,
  ).run({ hr: scope.hr.snapshotId, minPeers: parameters.minPeers, percent: parameters.outlierPercent });
}
