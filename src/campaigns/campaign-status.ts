import type Database from 'better-sqlite3-multiple-ciphers';
import type { CampaignOptions, CampaignScope, CampaignState, ReviewerRule } from './campaign-model.js';
import { readItemStates, readLaunch, readReconciliation, type ItemState, type ReconciliationRecord } from './campaign-read.js';
import { loadCampaign } from './campaign-store.js';
import { remediationCounts, remediationLines } from './remediation.js';

export interface Tally {
  pending: number;
  kept: number;
  revoked: number;
}

export interface CampaignStatus {
  campaignId: number;
  name: string;
  type: string;
  state: CampaignState;
  dueOn: string | null;
  overdue: boolean;
  items: number;
  decided: number;
  kept: number;
  revoked: number;
  pending: number;
  populationSha256: string | null;
  /** The definition as created: what the screens state before a launch or a close. */
  scope: CampaignScope;
  stages: ReviewerRule[];
  fallback: string | null;
  options: CampaignOptions;
  byReviewer: (Tally & { reviewer: string; overdue: boolean })[];
  bySystem: (Tally & { system: string })[];
  reconciliation: ReconciliationRecord[];
  remediation: { verified: number; stillPresent: number; pending: number };
}

type Counted = Pick<ItemState, 'outcome' | 'reviewer'> & { system: string };

function tally(items: readonly Counted[], keyOf: (item: Counted) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const item of items) {
    const key = keyOf(item);
    const t = out.get(key) ?? { pending: 0, kept: 0, revoked: 0 };
    if (item.outcome === 'pending') t.pending += 1;
    else if (item.outcome === 'keep') t.kept += 1;
    else t.revoked += 1;
    out.set(key, t);
  }
  return out;
}

/** Progress per reviewer and per system, overdue reviewers (past the due date with items pending), remediation completeness. */
export function campaignStatus(db: Database.Database, campaignId: number, today = new Date().toISOString().slice(0, 10)): CampaignStatus {
  const campaign = loadCampaign(db, campaignId);
  const items = readItemStates(db, campaignId);
  const overdue = campaign.state === 'launched' && campaign.dueOn !== null && campaign.dueOn < today;
  const all = tally(items, () => '');
  const total = all.get('') ?? { pending: 0, kept: 0, revoked: 0 };
  return {
    campaignId,
    name: campaign.name,
    type: campaign.type,
    state: campaign.state,
    dueOn: campaign.dueOn,
    overdue,
    items: items.length,
    decided: total.kept + total.revoked,
    kept: total.kept,
    revoked: total.revoked,
    pending: total.pending,
    populationSha256: readLaunch(db, campaignId)?.populationSha256 ?? null,
    scope: campaign.scope,
    stages: campaign.stages,
    fallback: campaign.fallback,
    options: campaign.options,
    byReviewer: [...tally(items, (i) => i.reviewer)].map(([reviewer, t]) => ({ reviewer, ...t, overdue: overdue && t.pending > 0 })).sort((a, b) => b.pending - a.pending || a.reviewer.localeCompare(b.reviewer)),
    bySystem: [...tally(items, (i) => i.system)].map(([system, t]) => ({ system, ...t })).sort((a, b) => a.system.localeCompare(b.system)),
    reconciliation: readReconciliation(db, campaignId),
    remediation: remediationCounts(remediationLines(db, campaignId, items)),
  };
}

/** Items and how many are decided, from the stages alone (what a list of campaigns shows). */
export function campaignProgress(db: Database.Database, campaignId: number): { items: number; decided: number } {
  const states = readItemStates(db, campaignId);
  return { items: states.length, decided: states.filter((s) => s.outcome !== 'pending').length };
}
