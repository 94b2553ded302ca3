import type Database from 'better-sqlite3-multiple-ciphers';
import { readLaunch, readReconciliation } from '../campaigns/campaign-read.js';
import { loadCampaign } from '../campaigns/campaign-store.js';
import { verifyRevoked } from '../campaigns/remediation.js';
import { AttestError } from '../errors.js';
import type { CampaignEvidence, Reroute } from './campaign-evidence.js';
import { campaignItemPages, campaignOutcomes, itemBounds, type ItemBounds } from './campaign-item-pages.js';
import { summariseItems } from './campaign-summary.js';

/** Routing at launch (self-review re-routes and fallbacks, in population order), then reassignments in the order they were made. */
function readReroutes(db: Database.Database, bounds: ItemBounds): Reroute[] {
  const routed = db
    .prepare(
      `SELECT r.item_id AS itemId, r.stage, r.rule, r.reviewer, r.note FROM campaign_item_reviewers r JOIN campaign_items i ON i.id = r.item_id
       WHERE i.campaign_id = ? AND r.note IS NOT NULL ORDER BY i.ordinal, r.stage`,
    )
    .all(bounds.campaignId) as { itemId: number; stage: number; rule: string; reviewer: string; note: string }[];
  const reassigned = db
    .prepare(
      `SELECT d.item_id AS itemId, d.stage, d.reviewer, d.reassigned_to AS reassignedTo, d.comment, d.decided_at AS decidedAt FROM campaign_decisions d JOIN campaign_items i ON i.id = d.item_id
       WHERE i.campaign_id = ? AND d.decision = 'reassign' AND d.id <= ? ORDER BY d.id`,
    )
    .all(bounds.campaignId, bounds.upToDecision) as { itemId: number; stage: number; reviewer: string; reassignedTo: string | null; comment: string | null; decidedAt: string }[];
  return [
    ...routed.map((s): Reroute => ({ itemId: s.itemId, stage: s.stage, from: s.rule, to: s.reviewer, kind: /own access/.test(s.note) ? 'self-review' : 'fallback', reason: s.note, at: null })),
    ...reassigned.map((d): Reroute => ({ itemId: d.itemId, stage: d.stage, from: d.reviewer, to: d.reassignedTo ?? '', kind: 'reassignment', reason: d.comment ?? '', at: d.decidedAt })),
  ];
}

/**
 * The campaign part of a pack, from the campaigns read model (src/campaigns/campaign-read.ts,
 * docs/campaigns.md "Read model"): the definition, the launch and its population hash, the
 * reconciliation, the re-routes (routing at launch and reassignments), the remediation lines,
 * and the items as a source read from the store page by page, never held whole. One pass over
 * the items makes the figures (and finds the revoked ones for the remediation lines); the
 * decisions in force are those recorded up to now, in every later pass too.
 */
export function loadCampaignEvidence(db: Database.Database, id: string): CampaignEvidence {
  if (!/^\d{1,15}$/.test(id)) throw new AttestError('UNKNOWN_CAMPAIGN', `There is no campaign ${id} in this workspace. List the campaigns with "attest campaign list".`);
  const c = loadCampaign(db, Number(id));
  const bounds = itemBounds(db, c.id);
  // The figures come from a pass that reads where each item stands (a few columns); the revoked
  // items found on the way are then read whole, a page at a time, and verified against newer snapshots.
  const revoked: { id: number; decidedAt: string }[] = [];
  const summary = summariseItems(campaignOutcomes(db, bounds), (item) => {
    if (item.outcome === 'revoke') revoked.push({ id: item.id, decidedAt: item.stages.find((s) => s.decision === 'revoke')?.decidedAt ?? '' });
  });
  return {
    campaign: {
      id: c.id, name: c.name, type: c.type, state: c.state, createdAt: c.createdAt, createdBy: c.createdBy, launchedAt: c.launchedAt, closedAt: c.closedAt, dueOn: c.dueOn,
      fallback: c.fallback, scope: c.scope, stages: c.stages, noResponse: c.options.noResponse,
    },
    launch: readLaunch(db, c.id),
    reconciliation: readReconciliation(db, c.id),
    items: campaignItemPages(db, bounds),
    summary,
    reroutes: readReroutes(db, bounds),
    remediation: verifyRevoked(db, c.id, revoked, bounds.upToDecision).map(({ accountKey: _a, entitlementKey: _e, ...line }) => line),
  };
}
