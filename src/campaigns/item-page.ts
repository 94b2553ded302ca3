import type Database from 'better-sqlite3-multiple-ciphers';
import { containsPattern, type Page, type PageRequest } from '../store/paging.js';
import { reviewerKey, type ItemOutcome } from './campaign-model.js';
import { itemIdsOfReviewer, readItems, readStages, settle, type CampaignItem } from './campaign-read.js';

export interface ItemPageQuery extends PageRequest {
  campaignId: number;
  /** The reviewer the item waits for now, or who settled it. */
  reviewer?: string | undefined;
  outcome?: ItemOutcome | undefined;
  system?: string | undefined;
  /** Anywhere in the account, its key, the entitlement, the person's name, employee id or e-mail. */
  text?: string | undefined;
}

/**
 * One page of a campaign's items in ordinal order, filtered, with the count of all that match:
 * the frozen columns are filtered in SQL; reviewer and outcome (which follow from the decision
 * rows) from the stages alone; only the page's items are read whole. A reviewer's page reads only
 * the items ever routed or reassigned to them, so it does not grow with the campaign.
 */
export function itemPage(db: Database.Database, query: ItemPageQuery): Page<CampaignItem> {
  const search = query.text?.trim() ? containsPattern(query.text) : null;
  const columns = ['i.account', 'i.account_key', 'i.entitlement', 'ifnull(i.identity_name, \'\')', 'ifnull(i.employee_id, \'\')', 'ifnull(i.identity_email, \'\')'];
  let ids = db
    .prepare(
      `SELECT i.id FROM campaign_items i WHERE i.campaign_id = @campaign
         AND (@system IS NULL OR i.system = @system COLLATE NOCASE)
         AND (@search IS NULL OR ${columns.map((c) => `lower(${c}) LIKE @search ESCAPE '\\'`).join(' OR ')})
       ORDER BY i.ordinal`,
    )
    .pluck()
    .all({ campaign: query.campaignId, system: query.system ?? null, search }) as number[];
  const who = query.reviewer === undefined ? undefined : reviewerKey(query.reviewer);
  if (who !== undefined) {
    const theirs = new Set(itemIdsOfReviewer(db, query.campaignId, who));
    ids = ids.filter((id) => theirs.has(id));
  }
  if (who !== undefined || query.outcome !== undefined) {
    const stages = readStages(db, { campaignId: query.campaignId, itemIds: who === undefined ? undefined : ids });
    ids = ids.filter((id) => {
      const state = settle(stages.get(id) ?? []);
      return (who === undefined || state.reviewer === who) && (query.outcome === undefined || state.outcome === query.outcome);
    });
  }
  const pageIds = ids.slice(query.offset, query.offset + query.limit);
  return { total: ids.length, offset: query.offset, rows: pageIds.length === 0 ? [] : readItems(db, { campaignId: query.campaignId, itemIds: pageIds }) };
}
