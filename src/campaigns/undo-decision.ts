import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { reviewerKey, type Decision, type DecisionChannel } from './campaign-model.js';
import { readDecisions } from './campaign-read.js';
import { campaignIn } from './campaign-store.js';
import { appendDecision, loadItem, writer } from './record-decisions.js';

export interface Undone {
  itemId: number;
  stage: number;
  /** The decision row taken back. */
  undone: number;
  /** The new row that supersedes it. */
  decisionId: number;
  /** The decision in force again, or null: the stage waits for the reviewer again. */
  restored: Decision | null;
}

/**
 * Takes back a reviewer's newest decision on an item: a new row supersedes it and restores what
 * was in force before (the reviewer's earlier keep or revoke, or a `withdraw` that puts the stage
 * back to waiting). Nothing is deleted; the undo has its audit event like any decision. Refused
 * when the item has no decision of theirs in force, or a later stage has decided since.
 */
export function undoDecision(ws: Workspace, campaignId: number, request: { itemId: number; reviewer: string }, channel: DecisionChannel, operator: string): Undone {
  campaignIn(ws.db, campaignId, 'launched', 'undo a decision');
  const item = loadItem(ws.db, campaignId, request.itemId);
  const who = reviewerKey(request.reviewer);
  const rows = readDecisions(ws.db, { campaignId, itemIds: [item.id] });
  const newest = new Map(rows.map((r) => [r.stage, r]));
  const last = rows.findLast((r) => r.reviewer === who && (r.decision === 'keep' || r.decision === 'revoke') && newest.get(r.stage) === r && item.stages[r.stage - 1]?.reviewer === who);
  if (!last) throw new AttestError('CAMPAIGN_STATE', `Item ${item.id} has no decision of ${who} in force to undo.`);
  const later = item.stages.find((s) => s.stage > last.stage && s.decision !== null);
  if (later) throw new AttestError('CAMPAIGN_STATE', `Item ${item.id}: stage ${later.stage} was decided by ${later.reviewer} after ${who}'s decision; it cannot be undone now.`);
  const before = rows.find((r) => r.id === last.supersedes);
  const restored = before && (before.decision === 'keep' || before.decision === 'revoke') ? before.decision : null;
  const { decisionId } = ws.db.transaction(() =>
    appendDecision(ws.db, writer(ws.db), {
      campaignId, itemId: item.id, stage: last.stage, decision: restored ?? 'withdraw', reviewer: who,
      comment: restored === null ? `Undoes decision #${last.id}` : (before?.comment ?? null), channel, operator, secondsSpent: null,
    }),
  )();
  return { itemId: item.id, stage: last.stage, undone: last.id, decisionId, restored };
}
