import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';
import { neutraliseCell } from '../sod/rule-file-layout.js';
import type { CampaignItem } from './campaign-read.js';

/**
 * The reviewer workbook (docs/campaigns.md "Workbook integrity"): sheet `Items` with one row per
 * item, its context columns, the two columns the reviewer fills (Decision, Comment) and a row
 * token; sheet `Integrity` with the campaign, the reviewer, the items it holds and the workbook
 * token. Tokens are HMAC-SHA256 under the campaign's own key, which never leaves the workspace.
 */
export const ITEMS_SHEET = 'Items';
export const INTEGRITY_SHEET = 'Integrity';
export const INSTRUCTIONS_SHEET = 'Instructions';

/** Columns the reviewer must leave as they are; every one is covered by the row token. */
export const CONTEXT_COLUMNS = [
  'Item', 'Stage', 'System', 'Account', 'Entitlement', 'Entitlement Description', 'Privileged', 'Person', 'Employee ID', 'Title', 'Department', 'Manager',
  'HR Status', 'Account Status', 'Last Login', 'Findings', 'Previous Decision',
] as const;
export const DECISION_COLUMN = 'Decision';
export const COMMENT_COLUMN = 'Comment';
export const TOKEN_COLUMN = 'Row Token';
export const ITEM_COLUMNS = [...CONTEXT_COLUMNS, DECISION_COLUMN, COMMENT_COLUMN, TOKEN_COLUMN] as const;

export const INTEGRITY_FIELDS = { campaign: 'Campaign', reviewer: 'Reviewer', items: 'Items', token: 'Workbook Token' } as const;

/** The context cells of an item's row, as written (neutralised against formulas). */
export function contextCells(item: CampaignItem, stage: number): string[] {
  const p = item.identity;
  return [
    String(item.id), String(stage), item.system, item.account, item.entitlement, item.entitlementDescription ?? '', item.privileged ? 'yes' : 'no', p?.name ?? '', p?.employeeId ?? '',
    p?.title ?? '', p?.department ?? '', p?.manager ?? '', p?.status ?? '', item.accountStatus, item.lastLogin ?? '', item.findings.join(', '), item.previousDecision ?? '',
  ].map(neutraliseCell);
}

function mac(key: Buffer, value: unknown, length: number): string {
  return createHmac('sha256', key).update(canonicalJson(value)).digest('hex').slice(0, length);
}

/** A row's token: the campaign, the reviewer and every context cell; 128 bits. */
export function rowToken(key: Buffer, campaignId: number, reviewer: string, cells: readonly string[]): string {
  return mac(key, ['row', campaignId, reviewer, cells], 32);
}

/** The workbook's token: the campaign, the reviewer and the list of item:stage it holds, in order. */
export function workbookToken(key: Buffer, campaignId: number, reviewer: string, items: string): string {
  return mac(key, ['workbook', campaignId, reviewer, items], 64);
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A spreadsheet cell holds at most 32,767 characters: the item list is spread over rows of this many. */
const LIST_CELL_CHARS = 30_000;

/** The item list in cells of at most LIST_CELL_CHARS, split at spaces; read back by joining them with a space. */
export function listCells(list: string): string[] {
  const cells: string[] = [];
  let rest = list;
  while (rest.length > LIST_CELL_CHARS) {
    const cut = rest.lastIndexOf(' ', LIST_CELL_CHARS);
    cells.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  cells.push(rest);
  return cells;
}

/** How the Integrity sheet lists a workbook's items: `id:stage` joined by spaces. */
export function itemList(entries: readonly { id: number; stage: number }[]): string {
  return entries.map((e) => `${e.id}:${e.stage}`).join(' ');
}

export function parseItemList(text: string): { id: number; stage: number }[] | null {
  const out: { id: number; stage: number }[] = [];
  for (const part of text.trim().split(/\s+/).filter((p) => p !== '')) {
    const m = /^(\d{1,15}):([1-3])$/.exec(part);
    if (!m) return null;
    out.push({ id: Number(m[1]), stage: Number(m[2]) });
  }
  return out;
}
