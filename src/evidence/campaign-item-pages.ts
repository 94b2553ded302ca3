import type Database from 'better-sqlite3-multiple-ciphers';
import { CampaignItemPages, type CampaignItem, type StageDecision, type ItemOutcomeRow, type StageReviewer as ReadStage } from '../campaigns/campaign-read.js';
import type { EvidenceItem, ItemSource, StageReviewer } from './campaign-evidence.js';

/** Items per page: a page's items, reviewers and decisions are all a pass holds. */
export const ITEM_PAGE = 256;

/** Where a campaign's items stand for a pack: how many, the last ordinal, the newest decision in force. */
export interface ItemBounds {
  campaignId: number;
  count: number;
  lastOrdinal: number;
  upToDecision: number;
}

export function itemBounds(db: Database.Database, campaignId: number): ItemBounds {
  const items = db.prepare('SELECT count(*) AS count, coalesce(max(ordinal), 0) AS lastOrdinal FROM campaign_items WHERE campaign_id = ?').get(campaignId) as { count: number; lastOrdinal: number };
  const upToDecision = (db.prepare('SELECT coalesce(max(id), 0) FROM campaign_decisions').pluck().get() as number) ?? 0;
  return { campaignId, ...items, upToDecision };
}

/** When each stage's newest keep or revoke of a page was recorded, by `itemId:stage`. */
function decisionTimes(decisions: readonly StageDecision[]): Map<string, string> {
  const at = new Map<string, string>();
  for (const d of decisions) if (d.decision === 'keep' || d.decision === 'revoke') at.set(`${d.itemId}:${d.stage}`, d.decidedAt);
  return at;
}

/**
 * An item's stages get their decision times (in place: every pass makes a campaign's worth of
 * them, so no copies), and the time of the decision that settled the item.
 */
function timed(id: number, stages: ReadStage[], decidedAt: ReadonlyMap<string, string>): { stages: StageReviewer[]; settledAt: string | null } {
  let settledAt: string | null = null;
  const withTimes = stages.map((s) => {
    const stage = Object.assign(s, { decidedAt: decidedAt.get(`${id}:${s.stage}`) ?? null });
    if (stage.decision !== null) settledAt = stage.decidedAt;
    return stage;
  });
  return { stages: withTimes, settledAt };
}

function toEvidenceItem(i: CampaignItem, decidedAt: ReadonlyMap<string, string>): EvidenceItem {
  const { stages, settledAt } = timed(i.id, i.stages, decidedAt);
  return Object.assign(i, { stages, decidedAt: i.outcome === 'pending' ? null : settledAt });
}

/** Where an item stands, with its stages' decision times: what the figures pass reads. */
export type OutcomeItem = Omit<ItemOutcomeRow, 'stages'> & { stages: StageReviewer[] };

/**
 * Pages through a campaign in population order (keyset on the ordinal; each page read whole, so
 * no statement stays open across the awaits of a pass), up to the bounds' last ordinal.
 */
function* paged<T extends { ordinal: number }, R>(bounds: ItemBounds, pageSize: number, read: (after: number, limit: number) => { items: T[]; decisions: StageDecision[] }, each: (item: T, decidedAt: ReadonlyMap<string, string>) => R): Generator<R> {
  for (let after = Number.MIN_SAFE_INTEGER; after < bounds.lastOrdinal; ) {
    const { items, decisions } = read(after, Math.min(pageSize, bounds.count));
    if (items.length === 0) return;
    after = items[items.length - 1]!.ordinal;
    const decidedAt = decisionTimes(decisions);
    for (const item of items) if (item.ordinal <= bounds.lastOrdinal) yield each(item, decidedAt);
  }
}

/**
 * A campaign's items from the store, in population order, a page at a time. Every pass sees the
 * same state: the items are frozen at launch, and decisions newer than the bound are left out.
 */
export function campaignItemPages(db: Database.Database, bounds: ItemBounds, pageSize = ITEM_PAGE): ItemSource {
  return {
    count: bounds.count,
    [Symbol.iterator]: () => {
      const reader = new CampaignItemPages(db, bounds.campaignId, bounds.upToDecision);
      return paged(bounds, pageSize, (after, limit) => reader.page(after, limit), toEvidenceItem);
    },
  };
}

/** Where each item of the campaign stands, in population order, read narrow (the figures pass). */
export function* campaignOutcomes(db: Database.Database, bounds: ItemBounds, pageSize = ITEM_PAGE): Generator<OutcomeItem> {
  const reader = new CampaignItemPages(db, bounds.campaignId, bounds.upToDecision);
  yield* paged(bounds, pageSize, (after, limit) => reader.outcomePage(after, limit), (item, decidedAt): OutcomeItem => Object.assign(item, { stages: timed(item.id, item.stages, decidedAt).stages }));
}
