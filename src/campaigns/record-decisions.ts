import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAuditEvent } from '../audit/audit-log.js';
import { AttestError } from '../errors.js';
import { compileGlob } from '../sod/glob.js';
import type { Workspace } from '../store/workspace.js';
import { reviewerKey, type Decision, type DecisionChannel } from './campaign-model.js';
import { itemIdsOfReviewer, readItems, type CampaignItem } from './campaign-read.js';
import { campaignIn, type CampaignRecord } from './campaign-store.js';
import { checkReviewerEmail } from './review-owners.js';

export interface DecisionInput {
  itemId: number;
  decision: Decision;
  reviewer: string;
  comment?: string | undefined;
  secondsSpent?: number | undefined;
}

export interface Recorded {
  itemId: number;
  stage: number;
  decision: Decision;
  decisionId: number;
  supersedes: number | null;
}

/**
 * The stage a reviewer may decide: the one waiting for them, or (to change their mind) one they
 * already decided, as long as no earlier stage is still waiting. NOT_ITEM_REVIEWER otherwise.
 */
function stageFor(item: CampaignItem, reviewer: string): number {
  const who = reviewerKey(reviewer);
  const waiting = item.stage ?? Number.MAX_SAFE_INTEGER;
  const mine = item.stages.find((s) => s.reviewer === who && s.stage <= waiting);
  if (mine) return mine.stage;
  const now = item.stage === null ? 'is decided' : `is waiting for ${item.reviewer} (stage ${item.stage})`;
  throw new AttestError('NOT_ITEM_REVIEWER', `Item ${item.id} ${now}; ${who} is not its reviewer at that stage. Name the item's reviewer with --reviewer, or reassign the item.`);
}

export function checkJustification(campaign: CampaignRecord, decision: Decision, comment: string | undefined, where: string): void {
  if (campaign.options.justify.includes(decision) && !comment?.trim()) {
    throw new AttestError('JUSTIFICATION_REQUIRED', `${where}: campaign ${campaign.id} requires a comment for each ${decision} decision. Add one (--comment TEXT, or the Comment column).`);
  }
}

interface Writer {
  insert: Database.Statement;
  latest: Database.Statement;
}

export function writer(db: Database.Database): Writer {
  return {
    insert: db.prepare(
      'INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, reassigned_to, comment, channel, recorded_by, decided_at, seconds_spent, supersedes, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    latest: db.prepare('SELECT max(id) FROM campaign_decisions WHERE item_id = ? AND stage = ?').pluck(),
  };
}

/** Appends one decision row (superseding the newest of its item and stage) and its audit event. Call inside a transaction. */
export function appendDecision(
  db: Database.Database,
  w: Writer,
  row: { campaignId: number; itemId: number; stage: number; decision: Decision | 'reassign' | 'withdraw'; reviewer: string; reassignedTo?: string | null; comment: string | null; channel: DecisionChannel; operator: string; secondsSpent: number | null; undoes?: number },
): { decisionId: number; supersedes: number | null } {
  const supersedes = (w.latest.get(row.itemId, row.stage) as number | null) ?? null;
  const at = new Date();
  const decisionId = Number(
    w.insert.run(row.itemId, row.stage, row.decision, row.reviewer, row.reassignedTo ?? null, row.comment, row.channel, row.operator, at.toISOString(), row.secondsSpent, supersedes, row.undoes ?? null).lastInsertRowid,
  );
  appendAuditEvent(
    db,
    row.operator,
    row.decision === 'reassign' ? 'campaign.reassigned' : 'campaign.decided',
    { campaignId: row.campaignId, itemId: row.itemId, stage: row.stage, decision: row.decision, reviewer: row.reviewer, reassignedTo: row.reassignedTo ?? undefined, channel: row.channel, decisionId, supersedes, undoes: row.undoes, comment: row.comment ?? undefined },
    at,
  );
  return { decisionId, supersedes };
}

export function loadItem(db: Database.Database, campaignId: number, itemId: number): CampaignItem {
  const item = readItems(db, { campaignId, itemIds: [itemId] })[0];
  if (!item) throw new AttestError('UNKNOWN_ITEM', `Campaign ${campaignId} has no item ${itemId}. List its items with "attest campaign items ${campaignId}".`);
  return item;
}

/** Records keep or revoke on one item, by its reviewer, audited in the same transaction. */
export function decideItem(ws: Workspace, campaignId: number, input: DecisionInput, channel: DecisionChannel, operator: string): Recorded {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'record a decision');
  const item = loadItem(ws.db, campaignId, input.itemId);
  const stage = stageFor(item, input.reviewer);
  checkJustification(campaign, input.decision, input.comment, `Item ${item.id}`);
  const w = writer(ws.db);
  const result = ws.db.transaction(() =>
    appendDecision(ws.db, w, { campaignId, itemId: item.id, stage, decision: input.decision, reviewer: reviewerKey(input.reviewer), comment: input.comment?.trim() || null, channel, operator, secondsSpent: input.secondsSpent ?? null }),
  )();
  return { itemId: item.id, stage, decision: input.decision, ...result };
}

/** Several decisions in one transaction (a workbook, a bulk decision); each row and its audit event. */
export function decideMany(ws: Workspace, campaign: CampaignRecord, rows: readonly { item: CampaignItem; stage: number; decision: Decision; reviewer: string; comment: string | null }[], channel: DecisionChannel, operator: string): Recorded[] {
  const w = writer(ws.db);
  return ws.db.transaction(() =>
    rows.map((r) => ({ itemId: r.item.id, stage: r.stage, decision: r.decision, ...appendDecision(ws.db, w, { campaignId: campaign.id, itemId: r.item.id, stage: r.stage, decision: r.decision, reviewer: r.reviewer, comment: r.comment, channel, operator, secondsSpent: null }) })),
  )();
}

export interface ItemFilter {
  reviewer?: string | undefined;
  system?: string | undefined;
  entitlement?: string | undefined;
  finding?: string | undefined;
  outcome?: 'pending' | 'keep' | 'revoke' | undefined;
}

/** Items matching a filter (reviewer: the one they wait for, or who decided them). */
export function filterItems(items: readonly CampaignItem[], filter: ItemFilter): CampaignItem[] {
  const who = filter.reviewer === undefined ? undefined : reviewerKey(filter.reviewer);
  const entitlement = filter.entitlement === undefined ? undefined : compileGlob(filter.entitlement);
  return items.filter(
    (i) =>
      (who === undefined || i.reviewer === who) &&
      (filter.system === undefined || i.system.toLowerCase() === filter.system.toLowerCase()) &&
      (entitlement === undefined || entitlement(i.entitlement) || entitlement(i.entitlementKey)) &&
      (filter.finding === undefined || i.findings.some((f) => f === filter.finding || f.startsWith(`${filter.finding}:`))) &&
      (filter.outcome === undefined || i.outcome === filter.outcome),
  );
}

/**
 * One decision over every pending item a reviewer owes that matches the filter. `expectedCount`
 * is the confirmation: without it nothing is recorded and the count is returned; with a count that
 * differs from what the filter selects now, COUNT_MISMATCH.
 */
export function bulkDecide(
  ws: Workspace,
  campaignId: number,
  request: { reviewer: string; filter: Omit<ItemFilter, 'reviewer' | 'outcome'>; decision: Decision; comment?: string | undefined; expectedCount?: number | undefined },
  channel: DecisionChannel,
  operator: string,
): { matched: number; applied: number } {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'record decisions');
  const reviewer = checkReviewerEmail(request.reviewer, 'The reviewer');
  const selected = filterItems(readItems(ws.db, { campaignId, itemIds: itemIdsOfReviewer(ws.db, campaignId, reviewer) }), { ...request.filter, reviewer, outcome: 'pending' });
  if (request.expectedCount === undefined) return { matched: selected.length, applied: 0 };
  if (request.expectedCount !== selected.length) {
    throw new AttestError('COUNT_MISMATCH', `The filter selects ${selected.length} pending items of ${reviewer}, not ${request.expectedCount}: nothing was recorded. Check the selection and confirm with the count ${selected.length}.`);
  }
  checkJustification(campaign, request.decision, request.comment, 'Bulk decision');
  const comment = request.comment?.trim() || null;
  decideMany(ws, campaign, selected.map((item) => ({ item, stage: item.stage ?? 1, decision: request.decision, reviewer, comment })), channel, operator);
  return { matched: selected.length, applied: selected.length };
}

/**
 * Hands an item's waiting stage to another reviewer, with the reason; the new reviewer may not be
 * the item's subject nor another stage's reviewer.
 */
export function reassignItem(
  ws: Workspace,
  campaignId: number,
  request: { itemId: number; reviewer: string; to: string; reason: string },
  channel: DecisionChannel,
  operator: string,
): { itemId: number; stage: number; reviewer: string } {
  campaignIn(ws.db, campaignId, 'launched', 'reassign an item');
  const item = loadItem(ws.db, campaignId, request.itemId);
  if (item.stage === null) throw new AttestError('CAMPAIGN_STATE', `Item ${item.id} is already decided (${item.outcome}); only a waiting item can be reassigned.`);
  const from = checkReviewerEmail(request.reviewer, 'The reviewer');
  if (from !== item.reviewer) throw new AttestError('NOT_ITEM_REVIEWER', `Item ${item.id} is waiting for ${item.reviewer}, not ${from}; only its reviewer's item can be reassigned by them.`);
  const to = checkReviewerEmail(request.to, 'The new reviewer');
  if (to === item.identity?.email?.toLowerCase()) throw new AttestError('SELF_REVIEW', `${to} is the subject of item ${item.id}: nobody reviews their own access. Choose another reviewer.`);
  const other = item.stages.find((s) => s.stage !== item.stage && s.reviewer === to);
  if (other) throw new AttestError('SELF_REVIEW', `${to} reviews item ${item.id} at stage ${other.stage}; each stage needs a different reviewer.`);
  if (!request.reason.trim()) throw new AttestError('USAGE', 'A reassignment needs a reason (--reason TEXT).');
  const stage = item.stage;
  ws.db.transaction(() => appendDecision(ws.db, writer(ws.db), { campaignId, itemId: item.id, stage, decision: 'reassign', reviewer: from, reassignedTo: to, comment: request.reason.trim(), channel, operator, secondsSpent: null }))();
  return { itemId: item.id, stage, reviewer: to };
}
