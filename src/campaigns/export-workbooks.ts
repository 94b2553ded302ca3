import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeNewFile } from '../files/write-new-file.js';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { Progress } from '../api/result.js';
import { AttestError } from '../errors.js';
import { readItems, type CampaignItem } from './campaign-read.js';
import { campaignIn, type CampaignRecord } from './campaign-store.js';
import type { Workspace } from '../store/workspace.js';
import {
  contextCells, INSTRUCTIONS_SHEET, INTEGRITY_FIELDS, INTEGRITY_SHEET, ITEM_COLUMNS, ITEMS_SHEET, itemList, listCells, rowToken, workbookToken,
} from './workbook-layout.js';

/** A file name from a reviewer's address: letters, digits, dot, dash and underscore only. */
export function reviewerFileName(campaignId: number, reviewer: string, extension: string): string {
  return `campaign-${campaignId}-${reviewer.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.${extension}`;
}

/** Pending items by the reviewer they wait for. */
export function pendingByReviewer(items: readonly CampaignItem[]): Map<string, CampaignItem[]> {
  const out = new Map<string, CampaignItem[]>();
  for (const item of items) {
    if (item.outcome !== 'pending') continue;
    const list = out.get(item.reviewer) ?? [];
    list.push(item);
    out.set(item.reviewer, list);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function instructions(campaign: CampaignRecord, reviewer: string, count: number): string[][] {
  const justify = campaign.options.justify.length > 0 ? `A comment is required for each ${campaign.options.justify.join(' and each ')} decision.` : 'A comment is optional.';
  return [
    [`Access review: ${campaign.name}`],
    [`Reviewer: ${reviewer}`],
    [`Items to review: ${count}${campaign.dueOn ? `, due ${campaign.dueOn}` : ''}`],
    [''],
    [`On the "${ITEMS_SHEET}" sheet, for each row type Keep or Revoke in the Decision column, and a comment in the Comment column. ${justify}`],
    ['Leave a Decision empty to decide it later. Change nothing else: do not edit, add, remove, sort or move rows or other columns.'],
    ['Each row carries an integrity token, and the workbook another: a row edited outside Decision and Comment, added, removed or taken from another workbook is rejected on return.'],
    ['Save the workbook as .xlsx and send it back to the review coordinator.'],
  ];
}

function workbookBytes(campaign: CampaignRecord, reviewer: string, items: readonly CampaignItem[]): Buffer {
  const rows: string[][] = [[...ITEM_COLUMNS]];
  for (const item of items) {
    const stage = item.stage ?? 1;
    const cells = contextCells(item, stage);
    rows.push([...cells, '', '', rowToken(campaign.hmacKey, campaign.id, reviewer, cells)]);
  }
  const list = itemList(items.map((i) => ({ id: i.id, stage: i.stage ?? 1 })));
  const integrity = [
    ['Field', 'Value'],
    [INTEGRITY_FIELDS.campaign, String(campaign.id)],
    [INTEGRITY_FIELDS.reviewer, reviewer],
    ...listCells(list).map((cell) => [INTEGRITY_FIELDS.items, cell]),
    [INTEGRITY_FIELDS.token, workbookToken(campaign.hmacKey, campaign.id, reviewer, list)],
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(instructions(campaign, reviewer, items.length)), INSTRUCTIONS_SHEET);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: ITEM_COLUMNS.length - 1 } }) };
  XLSX.utils.book_append_sheet(book, sheet, ITEMS_SHEET);
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(integrity), INTEGRITY_SHEET);
  book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** One workbook per reviewer who still owes decisions, written to new files in `dir`. */
export function exportWorkbooks(
  ws: Workspace,
  campaignId: number,
  dir: string,
  operator: string,
  options: { onProgress?: ((p: Progress) => void) | undefined; signal?: AbortSignal | undefined } = {},
): { files: string[]; workbooks: { reviewer: string; path: string; items: number; sha256: string }[] } {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'export reviewer workbooks');
  const byReviewer = pendingByReviewer(readItems(ws.db, { campaignId }));
  mkdirSync(dir, { recursive: true });
  const workbooks: { reviewer: string; path: string; items: number; sha256: string }[] = [];
  let done = 0;
  for (const [reviewer, items] of byReviewer) {
    if (options.signal?.aborted) throw new AttestError('CANCELLED', `Workbook export cancelled after ${done} of ${byReviewer.size} workbooks; the files written so far are in ${dir}.`);
    const path = join(dir, reviewerFileName(campaignId, reviewer, 'xlsx'));
    const bytes = workbookBytes(campaign, reviewer, items);
    writeNewFile(path, bytes, 'Export to an empty folder');
    workbooks.push({ reviewer, path, items: items.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    options.onProgress?.({ phase: 'workbooks', done: ++done, total: byReviewer.size });
  }
  // What went out, and its hashes: a returned workbook can be traced to this export.
  ws.change(operator, 'campaign.workbooks.exported', () => null, () => ({ campaignId, workbooks: workbooks.map(({ reviewer, items, sha256 }) => ({ reviewer, items, sha256 })) }));
  return { files: workbooks.map((w) => w.path), workbooks };
}
