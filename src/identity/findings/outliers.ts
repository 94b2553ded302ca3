import type { FindingContext } from './found.js';
import { countKeys, entitlementNames, insertFound } from './holdings.js';

interface PeerMember {
  employeeId: string;
  group: number;
  label: string;
  peers: number;
}

/**
 * outlier: an entitlement held by fewer than X% of an identity's peers: the other non-terminated
 * people of the same department and title in the current roster, compared only when there are
 * at least `minPeers` of them. One finding per account, each entitlement with its peer coverage.
 * Coverage is counted over the packed holdings (distinct identity and entitlement pairs).
 */
export function findOutliers({ db, scope, parameters, holdings }: FindingContext): void {
  const rows = db
    .prepare(
      `WITH staff AS (
         SELECT id, employee_id, department, title, count(*) OVER (PARTITION BY department, title) - 1 AS peers,
                dense_rank() OVER (ORDER BY department, title) AS peer_group
         FROM identities WHERE snapshot_id = ? AND status <> 'terminated' AND department IS NOT NULL AND title IS NOT NULL)
       SELECT id, employee_id, peer_group, department || ', ' || title, peers FROM staff WHERE peers >= ?`,
    )
    .raw()
    .all(scope.hr.snapshotId, parameters.minPeers) as [number, string, number, string, number][];
  if (rows.length === 0) return;
  const held = holdings();
  const { width } = held;
  // Per identity id: its index in `members`, or -1 (typed arrays: a Map lookup per grant costs more than the rest).
  const memberOf = new Int32Array(Math.max(...rows.map(([id]) => id)) + 1).fill(-1);
  const members: PeerMember[] = rows.map(([id, employeeId, group, label, peers], index) => {
    memberOf[id] = index;
    return { employeeId, group, label, peers };
  });
  const member = (identity: number): PeerMember | undefined => (identity < memberOf.length ? members[memberOf[identity]!] : undefined);
  const coverageKeys = new Float64Array(held.length);
  let keys = 0;
  for (let i = 0; i < held.length; i++) {
    const m = held.first[i] === 1 ? member(held.identity[i]!) : undefined;
    if (m) coverageKeys[keys++] = m.group * width + held.entitlement[i]!;
  }
  const groups = members.reduce((max, m) => Math.max(max, m.group), 0) + 1;
  const coverage = countKeys(coverageKeys.subarray(0, keys), groups * width);

  const rare = new Map<number, { member: PeerMember; parts: [entitlement: number, holding: number][] }>();
  for (let i = 0; i < held.length; i++) {
    const m = member(held.identity[i]!);
    if (!m) continue;
    const entitlement = held.entitlement[i]!;
    const holding = coverage.get(m.group * width + entitlement) - 1;
    if (holding * 100 >= parameters.outlierPercent * m.peers) continue;
    const account = held.account[i]!;
    const entry = rare.get(account) ?? { member: m, parts: [] };
    entry.parts.push([entitlement, holding]);
    rare.set(account, entry);
  }
  const names = entitlementNames(db, [...rare.values()].flatMap((r) => r.parts.map(([e]) => e)));
  insertFound(
    db,
    'outlier',
    [...rare].map(([account, { member, parts }]) => [
      account,
      member.employeeId,
      `${member.label}: ${parts.map(([e, holding]) => `${names.get(e) ?? ''} held by ${holding} of ${member.peers} peers (${((100 * holding) / member.peers).toFixed(1)}%)`).join('; ')}`,
    ]),
  );
}
