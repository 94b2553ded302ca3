import type { FindingContext } from './found.js';

/**
 * outlier: an entitlement held by fewer than X% of an identity's peers: the other non-terminated
 * people of the same department and title in the current roster, compared only when there are
 * at least `minPeers` of them. One finding per account, each entitlement with its peer coverage.
 * Peer groups and coverage are materialised (and indexed) so that the final join stays linear.
 */
export function findOutliers({ db, scope, parameters }: FindingContext): void {
  db.exec(`DROP TABLE IF EXISTS temp.peer_members; DROP TABLE IF EXISTS temp.peer_coverage;
    CREATE TEMP TABLE peer_members (identity_id INTEGER PRIMARY KEY, employee_id TEXT NOT NULL, peer_group INTEGER NOT NULL, label TEXT NOT NULL, peers INTEGER NOT NULL);
    CREATE TEMP TABLE peer_coverage (peer_group INTEGER NOT NULL, entitlement_id INTEGER NOT NULL, holders INTEGER NOT NULL, PRIMARY KEY (peer_group, entitlement_id)) WITHOUT ROWID;`);
  db.prepare(
    `WITH staff AS (
       SELECT id, employee_id, department, title, count(*) OVER (PARTITION BY department, title) - 1 AS peers,
              dense_rank() OVER (ORDER BY department, title) AS peer_group
       FROM identities WHERE snapshot_id = ? AND status <> 'terminated' AND department IS NOT NULL AND title IS NOT NULL)
     INSERT INTO temp.peer_members SELECT id, employee_id, peer_group, department || ', ' || title, peers FROM staff WHERE peers >= ?`,
  ).run(scope.hr.snapshotId, parameters.minPeers);
  db.exec(`INSERT INTO temp.peer_coverage
    SELECT m.peer_group, h.entitlement_id, count(DISTINCT h.identity_id) FROM temp.holdings h JOIN temp.peer_members m ON m.identity_id = h.identity_id
    GROUP BY m.peer_group, h.entitlement_id`);
  db.prepare(
    `WITH rare AS (
       SELECT DISTINCT h.account_id, h.entitlement_id, m.employee_id, m.label, c.holders - 1 AS holding, m.peers
       FROM temp.holdings h
       JOIN temp.peer_members m ON m.identity_id = h.identity_id
       JOIN temp.peer_coverage c ON c.peer_group = m.peer_group AND c.entitlement_id = h.entitlement_id
       WHERE (c.holders - 1) * 100.0 < ? * m.peers)
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'outlier', rare.account_id, rare.employee_id,
            rare.label || ': ' || group_concat(printf('%s held by %d of %d peers (%.1f%%)', e.name, holding, peers, 100.0 * holding / peers), '; ')
     FROM rare JOIN entitlements e ON e.id = rare.entitlement_id GROUP BY rare.account_id`,
  ).run(parameters.outlierPercent);
  db.exec('DROP TABLE temp.peer_members; DROP TABLE temp.peer_coverage;');
}
