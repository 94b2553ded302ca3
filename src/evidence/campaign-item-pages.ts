import type Database from 'better-sqlite3-multiple-ciphers';
import { CampaignItemPages, type CampaignItem } from '../campaigns/campaign-read.js';
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

/**
 * The read model's item as the pack's: its stages get their decision times; the item and its
 * identity are used as they are (no copies: every pass makes a campaign's worth of them).
 */
function toEvidenceItem(i: CampaignItem, decidedAt: ReadonlyMap<string, string>): EvidenceItem {
  let settled: string | null = null;
  const stages = i.stages.map((s) => {
    const stage = Object.assign(s, { decidedAt: decidedAt.get(`${i.id}:${s.stage}`) ?? null });
    if (stage.decision !== null) settled = stage.decidedAt;
    return stage;
  });
  return Object.assign(i, { stages, decidedAt: i.outcome === 'pending' ? null : settled });
}

/**
 * A campaign's items from the store, in population order, a page at a time (keyset on the
 * ordinal; each page read whole, so no statement stays open across the awaits of a pass). Every
 * pass sees the same state: the items are frozen at launch, and decisions newer than the bound
 * are left out.
 */
export function campaignItemPages(db: Database.Database, bounds: ItemBounds, pageSize = ITEM_PAGE): ItemSource {
  function* pages(): Generator<EvidenceItem> {
    const reader = new CampaignItemPages(db, bounds.campaignId, bounds.upToDecision);
    for (let after = Number.MIN_SAFE_INTEGER; after < bounds.lastOrdinal; ) {
      const { items, decisions } = reader.page(after, Math.min(pageSize, bounds.count));
      if (items.length === 0) return;
      after = items[items.length - 1]!.ordinal;
      const decidedAt = new Map<string, string>();
      for (const d of decisions) if (d.decision === 'keep' || d.decision === 'revoke') decidedAt.set(`${d.itemId}:${d.stage}`, d.decidedAt);
      for (const item of items) if (item.ordinal <= bounds.lastOrdinal) yield toEvidenceItem(item, decidedAt);
    }
  }
  return { count: bounds.count, [Symbol.iterator]: pages };
}
