import type Database from 'better-sqlite3-multiple-ciphers';
import type { Decision } from './campaign-model.js';
import { itemIdsOfReviewer, readDecisions, type CampaignItem, type DecisionRecord } from './campaign-read.js';
import { loadItem } from './record-decisions.js';

/** A decision of a reviewer that can be taken back now, and the row whose state taking it back restores. */
export interface UndoTarget {
  item: CampaignItem;
  row: DecisionRecord & { decision: Decision };
  before: DecisionRecord | undefined;
}

export function isDecision(row: DecisionRecord | undefined): row is DecisionRecord & { decision: Decision } {
  return row !== undefined && (row.decision === 'keep' || row.decision === 'revoke');
}

/** The reviewer's newest keep or revoke in force on an item (a stage they hold); why not, when a later stage has decided since or there is none. */
export function undoTargetOn(item: CampaignItem, rows: readonly DecisionRecord[], who: string): UndoTarget | string {
  const newest = new Map(rows.map((r) => [r.stage, r]));
  const last = rows.findLast((r): r is UndoTarget['row'] => r.reviewer === who && isDecision(r) && newest.get(r.stage) === r && item.stages[r.stage - 1]?.reviewer === who);
  if (!last) return `Item ${item.id} has no decision of ${who} in force to undo.`;
  const later = item.stages.find((s) => s.stage > last.stage && s.decision !== null);
  if (later) return `Item ${item.id}: stage ${later.stage} was decided by ${later.reviewer} after ${who}'s decision; it cannot be undone now.`;
  return { item, row: last, before: rows.find((r) => r.id === last.supersedes) };
}

/**
 * The decision a row in force stands for: itself, or (when it is an undo's restoration of the
 * decision before the one it undoes) the decision it restored. So undoing again goes further back
 * instead of redoing what was undone.
 */
function origin(row: DecisionRecord, byId: ReadonlyMap<number, DecisionRecord>): DecisionRecord {
  for (let x = row; ; ) {
    const undone = x.undoes === null ? undefined : byId.get(x.undoes);
    const restored = undone?.supersedes == null ? undefined : byId.get(undone.supersedes);
    if (!isDecision(restored)) return x;
    x = restored;
  }
}

/**
 * The reviewer's most recent decision in the campaign that can still be taken back: among their
 * keep and revoke rows in force, the one decided last (an undo's restoration counts as the decision
 * it restored), skipping those a later stage has decided since. Taking it back restores what was
 * before that decision. Null when there is none. Reads only the reviewer's items' decisions.
 */
export function latestUndoable(db: Database.Database, campaignId: number, who: string): UndoTarget | null {
  const ids = itemIdsOfReviewer(db, campaignId, who);
  if (ids.length === 0) return null;
  const rows = readDecisions(db, { campaignId, itemIds: ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const newest = new Map(rows.map((r) => [`${r.itemId}:${r.stage}`, r]));
  // Those a later stage decided since are skipped here already (a campaign has at most 3 stages).
  const candidates = [...newest.values()]
    .filter((r) => r.reviewer === who && isDecision(r) && ![1, 2].some((n) => isDecision(newest.get(`${r.itemId}:${r.stage + n}`))))
    .map((r) => ({ row: r, origin: origin(r, byId) }))
    .sort((a, b) => b.origin.id - a.origin.id);
  for (const { row, origin: first } of candidates) {
    const item = loadItem(db, campaignId, row.itemId);
    const target = undoTargetOn(item, rows.filter((r) => r.itemId === row.itemId), who);
    if (typeof target !== 'string') return { ...target, before: first === target.row ? target.before : byId.get(first.supersedes ?? -1) };
  }
  return null;
}
