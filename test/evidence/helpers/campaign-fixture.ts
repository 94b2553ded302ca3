import type Database from 'better-sqlite3-multiple-ciphers';
import type { CampaignEvidence, EvidenceItem } from '../../../src/evidence/campaign-evidence.js';
import { itemSource, summariseItems } from '../../../src/evidence/campaign-summary.js';

/** One grant the campaign reviews. */
export interface FixtureGrant {
  system: string;
  snapshotId: number;
  account: string;
  entitlement: string;
  privileged: boolean;
  employeeId: string | null;
  name: string | null;
  email: string | null;
  managerEmail: string | null;
}

/** The grants of the newest access snapshot of every system, with their HR identity where the e-mail matches. */
export function grantsOfWorkspace(db: Database.Database): FixtureGrant[] {
  return db
    .prepare(
      `SELECT y.name AS system, s.id AS snapshotId, a.login AS account, e.name AS entitlement, max(a.privileged, e.privileged) AS privileged,
              i.employee_id AS employeeId, i.display_name AS name, i.email, m.email AS managerEmail
       FROM latest_snapshots s JOIN systems y ON y.id = s.system_id JOIN grants g ON g.snapshot_id = s.id
       JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id
       LEFT JOIN identities i ON i.email_key = a.email_key AND i.snapshot_id IN (SELECT id FROM latest_snapshots WHERE content = 'identities')
       LEFT JOIN identities m ON m.employee_id = i.manager_employee_id AND m.snapshot_id = i.snapshot_id
       WHERE s.content = 'access' GROUP BY g.snapshot_id, g.account_id, g.entitlement_id ORDER BY y.name, a.login, e.name`,
    )
    .all()
    .map((r) => ({ ...(r as FixtureGrant), privileged: (r as { privileged: number }).privileged === 1 }));
}

/** `count` synthetic grants over a few systems: the bench's population. */
export function syntheticGrants(count: number): FixtureGrant[] {
  const systems = ['Active Directory', 'AWS', 'Entra ID', 'Finance ERP', 'Salesforce', 'GitHub'];
  return Array.from({ length: count }, (_, i) => {
    const person = i % Math.max(1, Math.floor(count / 6));
    return {
      system: systems[i % systems.length]!,
      snapshotId: (i % systems.length) + 2,
      account: `user${person}@example.test`,
      entitlement: `Role ${(i * 7) % 97} – ${['Read', 'Write', 'Approve', 'Admin'][i % 4]}`,
      privileged: i % 13 === 0,
      employeeId: `E${10000 + person}`,
      name: `Person ${person} Example-Surname`,
      email: `user${person}@example.test`,
      managerEmail: `manager${person % 40}@example.test`,
    };
  });
}

const AT = (day: number, minute: number): string => new Date(Date.UTC(2026, 9, 1 + day, 9, minute)).toISOString();

/**
 * A closed, one-stage manager campaign over the grants: every 9th revoked with a justification,
 * every 23rd left pending, self-reviews re-routed to the fallback, a few reassigned; revocations
 * verified, still present or pending in turn. Deterministic.
 */
export function campaignOver(grants: readonly FixtureGrant[], options: { id?: number; name?: string } = {}): CampaignEvidence {
  const fallback = 'grc.fallback@example.test';
  const items: EvidenceItem[] = [];
  const reroutes: CampaignEvidence['reroutes'] = [];
  grants.forEach((g, i) => {
    const id = i + 1;
    const manager = g.managerEmail ?? fallback;
    const self = manager.toLowerCase() === g.email?.toLowerCase();
    const routedTo = self ? fallback : manager;
    const reassigned = !self && i % 101 === 5 ? 'delegate@example.test' : null;
    const reviewer = reassigned ?? routedTo;
    if (self) reroutes.push({ itemId: id, stage: 1, from: manager, to: fallback, kind: 'self-review', reason: 'the manager is the subject of the item', at: null });
    if (reassigned) {
      reroutes.push({ itemId: id, stage: 1, from: routedTo, to: reassigned, kind: 'reassignment', reason: 'reviewer on leave', at: AT(2, i % 60) });
    }
    const outcome = i % 23 === 22 ? 'pending' : i % 9 === 4 ? 'revoke' : 'keep';
    const comment = outcome === 'revoke' ? `No longer needed after the team move (${g.entitlement})` : outcome === 'keep' && i % 5 === 0 ? 'Required for the role' : null;
    const decidedAt = outcome === 'pending' ? null : AT(3 + (i % 10), i % 60);
    items.push({
      id, ordinal: id, system: g.system, snapshotId: g.snapshotId, account: g.account, accountKey: g.account, entitlement: g.entitlement, entitlementKey: g.entitlement, privileged: g.privileged,
      identity: g.employeeId === null ? null : { employeeId: g.employeeId, name: g.name, email: g.email, department: 'Operations', title: 'Analyst', manager: g.managerEmail },
      findings: g.employeeId === null ? ['orphan'] : [],
      stages: [{ stage: 1, reviewer, routedTo, rule: self ? 'fallback' : 'manager', note: self ? 'self-review: re-routed to the fallback reviewer' : null, decision: outcome === 'pending' ? null : outcome, comment, decidedAt }],
      reviewer, outcome, decision: outcome === 'pending' ? null : outcome, comment, decidedAt,
    });
  });
  const bySnapshot = new Map<number, { system: string; items: number }>();
  for (const item of items) bySnapshot.set(item.snapshotId, { system: item.system, items: (bySnapshot.get(item.snapshotId)?.items ?? 0) + 1 });
  const revoked = items.filter((i) => i.outcome === 'revoke');
  return {
    campaign: {
      id: options.id ?? 1, name: options.name ?? 'Q4 2026 manager review', type: 'manager', state: 'closed', createdAt: AT(0, 0), createdBy: 'analyst', launchedAt: AT(1, 0), closedAt: AT(20, 0),
      dueOn: '2026-10-31', fallback, scope: { systems: [], entitlements: [], privilegedOnly: false, newAccessOnly: false }, stages: ['manager'], noResponse: 'none',
    },
    launch: { launchedAt: AT(1, 0), launchedBy: 'analyst', hrSnapshotId: null, items: items.length, populationSha256: 'ab'.repeat(32), warnings: [] },
    reconciliation: [...bySnapshot].map(([snapshotId, r]) => ({ system: r.system, snapshotId, snapshotSha256: 'cd'.repeat(32), snapshotAsOf: '2026-10-31', grants: r.items + 2, items: r.items, excluded: 2 })),
    items: itemSource(items),
    summary: summariseItems(items),
    reroutes,
    remediation: revoked.map((item, k) => ({
      itemId: item.id, system: item.system, account: item.account, entitlement: item.entitlement, identity: item.identity?.name ?? null, reviewer: item.reviewer, decidedAt: item.decidedAt!,
      justification: item.comment, verification: k % 3 === 0 ? 'verified-removed' : k % 3 === 1 ? 'pending' : 'still-present', verifiedBy: k % 3 === 1 ? null : { snapshotId: item.snapshotId + 10, asOf: '2026-11-15' },
    })),
  };
}
