import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { reviewerKey, type Decision, type DecisionChannel } from './campaign-model.js';
import { readDecisions } from './campaign-read.js';
import { campaignIn } from './campaign-store.js';
import { appendDecision, loadItem, writer } from './record-decisions.js';
import { isDecision, latestUndoable, undoTargetOn, type UndoTarget } from './undoable.js';

export interface Undone {
  itemId: number;
  stage: number;
  /** The decision row taken back, and what it was. */
  undone: number;
  decision: Decision;
  /** The new row that supersedes it. */
  decisionId: number;
  /** The decision in force again, or null: the stage waits for the reviewer again. */
  restored: Decision | null;
  /** The access the decision was about (so a screen can say what was undone). */
  account: string;
  system: string;
  entitlement: string;
}

function takeBack(ws: Workspace, campaignId: number, target: UndoTarget, channel: DecisionChannel, operator: string): Undone {
  const { item, row, before } = target;
  const restored = isDecision(before) ? before.decision : null;
  const { decisionId } = ws.db.transaction(() =>
    appendDecision(ws.db, writer(ws.db), {
      campaignId, itemId: item.id, stage: row.stage, decision: restored ?? 'withdraw', reviewer: row.reviewer,
      comment: restored === null ? `Undoes decision #${row.id}` : (before?.comment ?? null), channel, operator, secondsSpent: null, undoes: row.id,
    }),
  )();
  return { itemId: item.id, stage: row.stage, undone: row.id, decision: row.decision, decisionId, restored, account: item.account, system: item.system, entitlement: item.entitlement };
}

/**
 * Takes back a reviewer's decision: a new row supersedes it and restores what was in force before
 * (the reviewer's earlier keep or revoke, or a `withdraw` that puts the stage back to waiting).
 * With an item: their newest decision on it. Without: their most recent decision in the campaign
 * that can still be taken back (`latestUndoable`), so an undo works after a reload or from
 * another host. Nothing is deleted; the undo has its audit event like any decision. Refused when
 * there is no such decision, a later stage has decided since, or the campaign is not launched.
 */
export function undoDecision(ws: Workspace, campaignId: number, request: { itemId?: number | undefined; reviewer: string }, channel: DecisionChannel, operator: string): Undone {
  campaignIn(ws.db, campaignId, 'launched', 'undo a decision');
  const who = reviewerKey(request.reviewer);
  if (request.itemId === undefined) {
    const target = latestUndoable(ws.db, campaignId, who);
    if (!target) throw new AttestError('CAMPAIGN_STATE', `${who} has no decision in campaign ${campaignId} that can still be undone.`);
    return takeBack(ws, campaignId, target, channel, operator);
  }
  const item = loadItem(ws.db, campaignId, request.itemId);
  const target = undoTargetOn(item, readDecisions(ws.db, { campaignId, itemIds: [item.id] }), who);
  if (typeof target === 'string') throw new AttestError('CAMPAIGN_STATE', target);
  return takeBack(ws, campaignId, target, channel, operator);
}
