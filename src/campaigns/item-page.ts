import type Database from 'better-sqlite3-multiple-ciphers';
import { containsPattern, type Page, type PageRequest } from '../store/paging.js';
import { reviewerKey, type ItemOutcome } from './campaign-model.js';
import { itemIdsOfReviewer, readItems, readStages, settle, type CampaignItem, type StageReviewer } from './campaign-read.js';

/**
 * Where an item stands for the review screen's filter. With a reviewer: `pending` waits for them,
 * `decided` carries a decision of theirs in force (at a stage they hold), `all` is either. Without
 * one: the item's outcome is pending, or decided (kept or revoked).
 */
export type ItemStateFilter = 'pending' | 'decided' | 'all';

export interface ItemPageQuery extends PageRequest {
  campaignId: number;
  /** The reviewer the item waits for now, or who settled it. */
  reviewer?: string | undefined;
  outcome?: ItemOutcome | undefined;
  system?: string | undefined;
  /** Anywhere in the account, its key, the entitlement, the person's name, employee id or e-mail. */
  text?: string | undefined;
  state?: ItemStateFilter | undefined;
  /** One item only (a screen refreshing the item it just changed). */
  itemId?: number | undefined;
}

/** A page, and with a state filter the count of matching items in each state (the other filters applied). */
export interface ItemPage extends Page<CampaignItem> {
  counts: { pending: number; decided: number } | null;
}

function stateOf(stages: readonly StageReviewer[], who: string | undefined): 'pending' | 'decided' | null {
  const now = settle(stages);
  if (who === undefined) return now.outcome === 'pending' ? 'pending' : 'decided';
  if (now.outcome === 'pending' && now.reviewer === who) return 'pending';
  return stages.some((s) => s.reviewer === who && s.decision !== null) ? 'decided' : null;
}

/**
 * One page of a campaign's items in ordinal order, filtered, with the count of all that match:
 * the frozen columns are filtered in SQL; reviewer, outcome and state (which follow from the
 * decision rows) from the stages alone; only the page's items are read whole. A reviewer's page
 * reads only the items ever routed or reassigned to them, so it does not grow with the campaign.
 */
export function itemPage(db: Database.Database, query: ItemPageQuery): ItemPage {
  const search = query.text?.trim() ? containsPattern(query.text) : null;
  const columns = ['i.account', 'i.account_key', 'i.entitlement', 'ifnull(i.identity_name, \'\')', 'ifnull(i.employee_id, \'\')', 'ifnull(i.identity_email, \'\')'];
  let ids = db
    .prepare(
      `SELECT i.id FROM campaign_items i WHERE i.campaign_id = @campaign
         AND (@item IS NULL OR i.id = @item)
         AND (@system IS NULL OR i.system = @system COLLATE NOCASE)
         AND (@search IS NULL OR ${columns.map((c) => `lower(${c}) LIKE @search ESCAPE '\\'`).join(' OR ')})
       ORDER BY i.ordinal`,
    )
    .pluck()
    .all({ campaign: query.campaignId, item: query.itemId ?? null, system: query.system ?? null, search }) as number[];
  const who = query.reviewer === undefined ? undefined : reviewerKey(query.reviewer);
  if (who !== undefined) {
    const theirs = new Set(itemIdsOfReviewer(db, query.campaignId, who));
    ids = ids.filter((id) => theirs.has(id));
  }
  let counts: ItemPage['counts'] = null;
  if (who !== undefined || query.outcome !== undefined || query.state !== undefined) {
    const stages = readStages(db, { campaignId: query.campaignId, itemIds: who === undefined ? undefined : ids });
    const tally = (counts = query.state === undefined ? null : { pending: 0, decided: 0 });
    ids = ids.filter((id) => {
      const list = stages.get(id) ?? [];
      const now = settle(list);
      if (query.outcome !== undefined && now.outcome !== query.outcome) return false;
      if (tally === null) return who === undefined || now.reviewer === who;
      const state = stateOf(list, who);
      if (state === null) return false;
      tally[state] += 1;
      return query.state === 'all' || query.state === state;
    });
  }
  const pageIds = ids.slice(query.offset, query.offset + query.limit);
  return { total: ids.length, offset: query.offset, counts, rows: pageIds.length === 0 ? [] : readItems(db, { campaignId: query.campaignId, itemIds: pageIds }) };
}
