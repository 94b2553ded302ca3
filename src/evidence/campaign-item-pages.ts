import type Database from 'better-sqlite3-multiple-ciphers';
import { CampaignItemPages, type CampaignItem, type ItemOutcomeRow } from '../campaigns/campaign-read.js';
import type { EvidenceItem, ItemSource } from './campaign-evidence.js';

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

/** The read model's item as the pack's (in place: every pass makes a campaign's worth of them), with the time of the decision that settled it. */
function toEvidenceItem(i: CampaignItem): EvidenceItem {
  let settledAt: string | null = null;
  for (const s of i.stages) if (s.decision !== null) settledAt = s.decidedAt;
  return Object.assign(i, { decidedAt: i.outcome === 'pending' ? null : settledAt });
}

/**
 * Pages through a campaign in population order (keyset on the ordinal; each page read whole, so
 * no statement stays open across the awaits of a pass), up to the bounds' last ordinal.
 */
function* paged<T extends { ordinal: number }>(bounds: ItemBounds, pageSize: number, read: (after: number, limit: number) => T[]): Generator<T> {
  for (let after = Number.MIN_SAFE_INTEGER; after < bounds.lastOrdinal; ) {
    const items = read(after, Math.min(pageSize, bounds.count));
    if (items.length === 0) return;
    after = items[items.length - 1]!.ordinal;
    for (const item of items) if (item.ordinal <= bounds.lastOrdinal) yield item;
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
      return paged(bounds, pageSize, (after, limit) => reader.page(after, limit).map(toEvidenceItem));
    },
  };
}

/** Where each item of the campaign stands, in population order, read narrow (the figures pass). */
export function* campaignOutcomes(db: Database.Database, bounds: ItemBounds, pageSize = ITEM_PAGE): Generator<ItemOutcomeRow> {
  const reader = new CampaignItemPages(db, bounds.campaignId, bounds.upToDecision);
  yield* paged(bounds, pageSize, (after, limit) => reader.outcomePage(after, limit));
}
