import type Database from 'better-sqlite3-multiple-ciphers';
import { readDecisions, readItems, readLaunch, readReconciliation } from '../campaigns/campaign-read.js';
import { loadCampaign } from '../campaigns/campaign-store.js';
import { remediationLines } from '../campaigns/remediation.js';
import { AttestError } from '../errors.js';
import type { CampaignEvidence, EvidenceItem, Reroute } from './campaign-evidence.js';

/**
 * The campaign part of a pack, from the campaigns read model (src/campaigns/campaign-read.ts,
 * docs/campaigns.md "Read model"): the definition, the launch and its population hash, the
 * reconciliation, the items with their stage reviewers, every decision row, the re-routes
 * (routing at launch and reassignments) and the remediation lines.
 */
export function loadCampaignEvidence(db: Database.Database, id: string): CampaignEvidence {
  if (!/^\d{1,15}$/.test(id)) throw new AttestError('UNKNOWN_CAMPAIGN', `There is no campaign ${id} in this workspace. List the campaigns with "attest campaign list".`);
  const c = loadCampaign(db, Number(id));
  const decisions = readDecisions(db, { campaignId: c.id });
  const decidedAt = new Map<string, string>();
  for (const d of decisions) if (d.decision !== 'reassign') decidedAt.set(`${d.itemId}:${d.stage}`, d.decidedAt);
  const reroutes: Reroute[] = [];
  const items: EvidenceItem[] = readItems(db, { campaignId: c.id }).map((i) => {
    for (const s of i.stages) {
      if (s.note !== null) reroutes.push({ itemId: i.id, stage: s.stage, from: s.rule, to: s.routedTo, kind: /own access/.test(s.note) ? 'self-review' : 'fallback', reason: s.note, at: null });
    }
    const settled = i.outcome === 'pending' ? undefined : [...i.stages].reverse().find((s) => s.decision !== null);
    return {
      id: i.id, ordinal: i.ordinal, system: i.system, snapshotId: i.snapshotId, account: i.account, accountKey: i.accountKey, entitlement: i.entitlement, privileged: i.privileged,
      identity: i.identity === null ? null : { employeeId: i.identity.employeeId, name: i.identity.name, email: i.identity.email, department: i.identity.department, title: i.identity.title, manager: i.identity.manager },
      findings: i.findings, stages: i.stages, reviewer: i.reviewer, outcome: i.outcome, decision: i.decision, comment: i.comment,
      decidedAt: settled === undefined ? null : (decidedAt.get(`${i.id}:${settled.stage}`) ?? null),
    };
  });
  for (const d of decisions) {
    if (d.decision === 'reassign') reroutes.push({ itemId: d.itemId, stage: d.stage, from: d.reviewer, to: d.reassignedTo ?? '', kind: 'reassignment', reason: d.comment ?? '', at: d.decidedAt });
  }
  return {
    campaign: {
      id: c.id, name: c.name, type: c.type, state: c.state, createdAt: c.createdAt, createdBy: c.createdBy, launchedAt: c.launchedAt, closedAt: c.closedAt, dueOn: c.dueOn,
      fallback: c.fallback, scope: c.scope, stages: c.stages, noResponse: c.options.noResponse,
    },
    launch: readLaunch(db, c.id),
    reconciliation: readReconciliation(db, c.id),
    items,
    decisions: decisions.map(({ secondsSpent: _seconds, ...d }) => d),
    reroutes,
    remediation: remediationLines(db, c.id).map(({ accountKey: _a, entitlementKey: _e, ...l }) => l),
  };
}
