import type { Workspace } from '../store/workspace.js';
import { readItems } from './campaign-read.js';
import { campaignIn } from './campaign-store.js';
import { decideMany } from './record-decisions.js';

export interface CloseResult {
  campaignId: number;
  closedAt: string;
  /** Items the no-response default decided at close. */
  defaultsApplied: number;
  /** Items still undecided (the default is none). */
  undecided: number;
  revocations: number;
  kept: number;
}

/**
 * Closes a launched campaign: the no-response default (revoke or keep) is recorded for every item
 * still waiting, as a decision of channel `no-response-default` by the reviewer who did not answer;
 * with the default `none` they stay undecided and are reported. Decisions are final afterwards.
 */
export function closeCampaign(ws: Workspace, campaignId: number, operator: string): CloseResult {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'close');
  const closedAt = new Date().toISOString();
  const { result } = ws.change(
    operator,
    'campaign.closed',
    () => {
      const pending = readItems(ws.db, { campaignId }).filter((i) => i.outcome === 'pending');
      const fallback = campaign.options.noResponse;
      if (fallback !== 'none') {
        const comment = `No response by close: the campaign's no-response default (${fallback}) applied.`;
        decideMany(ws, campaign, pending.map((item) => ({ item, stage: item.stage ?? 1, decision: fallback, reviewer: item.reviewer, comment })), 'no-response-default', operator);
      }
      const items = readItems(ws.db, { campaignId });
      const revocations = items.filter((i) => i.outcome === 'revoke').length;
      const kept = items.filter((i) => i.outcome === 'keep').length;
      const defaultsApplied = fallback === 'none' ? 0 : pending.length;
      ws.db.prepare('INSERT INTO campaign_closures VALUES (?, ?, ?, ?, ?)').run(campaignId, closedAt, operator, defaultsApplied, revocations);
      return { campaignId, closedAt, defaultsApplied, undecided: items.length - revocations - kept, revocations, kept };
    },
    (r) => r,
  );
  return result;
}
