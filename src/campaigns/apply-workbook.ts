import { basename } from 'node:path';
import { AttestError } from '../errors.js';
import { listSheets, openSpreadsheet } from '../ingest/readers/spreadsheet/open-spreadsheet.js';
import type { TableRow, TableSource } from '../ingest/source.js';
import type { Workspace } from '../store/workspace.js';
import { reviewerKey, type Decision } from './campaign-model.js';
import { readItems, type CampaignItem } from './campaign-read.js';
import { campaignIn, type CampaignRecord } from './campaign-store.js';
import { checkJustification, decideMany } from './record-decisions.js';
import {
  COMMENT_COLUMN, CONTEXT_COLUMNS, contextCells, DECISION_COLUMN, INTEGRITY_FIELDS, INTEGRITY_SHEET, ITEM_COLUMNS, ITEMS_SHEET, parseItemList, rowToken, sameToken, TOKEN_COLUMN, workbookToken,
} from './workbook-layout.js';

export interface WorkbookReport {
  reviewer: string;
  applied: number;
  /** Rows whose decision was already recorded as it stands (a re-import). */
  unchanged: number;
  /** Rows left without a decision. */
  blank: number;
  appliedItems: { row: number; itemId: number; decision: Decision }[];
  rejected: { row: number; itemId: number | null; reason: string }[];
}

const MAX_COMMENT = 4000;

async function readAll(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

function tampered(file: string, what: string): AttestError {
  return new AttestError('WORKBOOK_TAMPERED', `"${file}" ${what}. Nothing was applied; export the reviewer's workbook again ("attest campaign workbooks") and have the decisions entered there.`);
}

interface Integrity {
  reviewer: string;
  entries: { id: number; stage: number }[];
}

async function readIntegrity(path: string, file: string, campaign: CampaignRecord, signal: AbortSignal | undefined): Promise<Integrity> {
  const sheets = await listSheets(path);
  if (!sheets.includes(INTEGRITY_SHEET) || !sheets.includes(ITEMS_SHEET)) throw tampered(file, `is not a reviewer workbook from Attest (it has no "${ITEMS_SHEET}" and "${INTEGRITY_SHEET}" sheets)`);
  const source = await openSpreadsheet(path, { sheet: INTEGRITY_SHEET, signal });
  const rows = await readAll(source);
  const fields = new Map(rows.map((r) => [r.cells[0] ?? '', r.cells[1] ?? '']));
  const id = fields.get(INTEGRITY_FIELDS.campaign) ?? '';
  if (!/^\d+$/.test(id)) throw tampered(file, 'has no campaign id in its Integrity sheet');
  if (Number(id) !== campaign.id) {
    throw new AttestError('WORKBOOK_WRONG_CAMPAIGN', `"${file}" is a reviewer workbook of campaign ${id}, not of campaign ${campaign.id}. Apply it to campaign ${id}, or choose this campaign's workbook.`);
  }
  const reviewer = reviewerKey(fields.get(INTEGRITY_FIELDS.reviewer) ?? '');
  const list = rows.filter((r) => r.cells[0] === INTEGRITY_FIELDS.items).map((r) => r.cells[1] ?? '').join(' ');
  const entries = parseItemList(list);
  const token = fields.get(INTEGRITY_FIELDS.token) ?? '';
  if (entries === null || !sameToken(token, workbookToken(campaign.hmacKey, campaign.id, reviewer, list))) {
    throw tampered(file, "has an Integrity sheet whose workbook token does not verify (its reviewer or item list was changed, or it was not exported by this workspace)");
  }
  return { reviewer, entries };
}

function columnIndexes(file: string, header: readonly string[]): Map<string, number> {
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = ITEM_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0 || header.length !== ITEM_COLUMNS.length || ITEM_COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    throw tampered(file, `has had its "${ITEMS_SHEET}" columns changed${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ' (added, removed or moved)'}`);
  }
  return index;
}

/** Where a row's context differs from what was exported: the first edited column, by name. */
function editedColumn(cells: readonly string[], expected: readonly string[]): string | null {
  const at = CONTEXT_COLUMNS.findIndex((_, i) => (cells[i] ?? '') !== expected[i]);
  return at < 0 ? null : (CONTEXT_COLUMNS[at] ?? null);
}

type Verdict = { kind: 'reject'; reason: string } | { kind: 'blank' } | { kind: 'unchanged' } | { kind: 'apply'; decision: Decision; comment: string | null };

function decisionOf(text: string): Decision | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'keep') return 'keep';
  if (t === 'revoke') return 'revoke';
  return undefined;
}

/**
 * Applies a returned reviewer workbook. The workbook as a whole must verify (its campaign, its
 * Integrity sheet's token, its columns): otherwise nothing is applied (WORKBOOK_WRONG_CAMPAIGN,
 * WORKBOOK_TAMPERED). Then each row on its own: a row added, removed, duplicated, edited outside
 * Decision and Comment, or taken from another reviewer's workbook is rejected with its row number
 * and why; valid decisions are recorded (channel `workbook`) in one audited transaction. A decision
 * already recorded as it stands counts as unchanged, so re-importing the same workbook changes nothing.
 */
export async function applyWorkbook(ws: Workspace, campaignId: number, path: string, operator: string, signal?: AbortSignal): Promise<WorkbookReport> {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'apply a reviewer workbook');
  const file = basename(path);
  const integrity = await readIntegrity(path, file, campaign, signal);
  const source = await openSpreadsheet(path, { sheet: ITEMS_SHEET, signal });
  const col = columnIndexes(file, source.header);
  const rows = await readAll(source);
  const signed = new Map(integrity.entries.map((e, i) => [e.id, { stage: e.stage, exportedRow: i + source.headerLine + 1 }]));
  const items = new Map(readItems(ws.db, { campaignId, itemIds: [...new Set([...signed.keys(), ...rows.map((r) => Number(r.cells[0])).filter(Number.isSafeInteger)])] }).map((i) => [i.id, i]));

  const report: WorkbookReport = { reviewer: integrity.reviewer, applied: 0, unchanged: 0, blank: 0, appliedItems: [], rejected: [] };
  const seen = new Set<number>();
  const toApply: { row: number; item: CampaignItem; stage: number; decision: Decision; comment: string | null }[] = [];
  for (const row of rows) {
    const cells = row.cells;
    const itemId = /^\d{1,15}$/.test(cells[0] ?? '') ? Number(cells[0]) : null;
    const verdict = judgeRow(campaign, integrity, cells, col, itemId === null ? undefined : items.get(itemId), itemId === null ? undefined : signed.get(itemId), seen);
    if (itemId !== null) seen.add(itemId);
    if (verdict.kind === 'reject') report.rejected.push({ row: row.line, itemId, reason: verdict.reason });
    else if (verdict.kind === 'blank') report.blank += 1;
    else if (verdict.kind === 'unchanged') report.unchanged += 1;
    else toApply.push({ row: row.line, item: items.get(itemId ?? 0)!, stage: signed.get(itemId ?? 0)!.stage, decision: verdict.decision, comment: verdict.comment });
  }
  for (const [id, { exportedRow }] of signed) {
    if (!seen.has(id)) report.rejected.push({ row: exportedRow, itemId: id, reason: `the row of item ${id} (row ${exportedRow} when exported) was removed` });
  }
  report.rejected.sort((a, b) => a.row - b.row || (a.itemId ?? 0) - (b.itemId ?? 0));
  if (toApply.length > 0) {
    ws.change(
      operator,
      'campaign.workbook.applied',
      () => decideMany(ws, campaign, toApply.map((r) => ({ ...r, reviewer: integrity.reviewer })), 'workbook', operator),
      (recorded) => ({ campaignId, file, reviewer: integrity.reviewer, applied: recorded.length, rejected: report.rejected.length }),
    );
  }
  report.appliedItems = toApply.map((r) => ({ row: r.row, itemId: r.item.id, decision: r.decision }));
  report.applied = toApply.length;
  return report;
}

function judgeRow(
  campaign: CampaignRecord,
  integrity: Integrity,
  cells: readonly string[],
  col: ReadonlyMap<string, number>,
  item: CampaignItem | undefined,
  signed: { stage: number } | undefined,
  seen: ReadonlySet<number>,
): Verdict {
  const context = CONTEXT_COLUMNS.map((_, i) => cells[i] ?? '');
  const token = cells[col.get(TOKEN_COLUMN) ?? -1] ?? '';
  if (item === undefined) return { kind: 'reject', reason: 'the row was added: it names no item of this campaign' };
  if (signed === undefined) {
    const owner = item.stages.find((s) => sameToken(token, rowToken(campaign.hmacKey, campaign.id, s.routedTo, context)) || sameToken(token, rowToken(campaign.hmacKey, campaign.id, s.reviewer, context)));
    return { kind: 'reject', reason: owner ? `the row is item ${item.id} from ${owner.reviewer}'s workbook, not ${integrity.reviewer}'s` : `the row was added: item ${item.id} is not in this workbook` };
  }
  if (seen.has(item.id)) return { kind: 'reject', reason: `the row repeats item ${item.id}` };
  const expected = contextCells(item, signed.stage);
  const edited = editedColumn(context, expected);
  if (edited !== null) return { kind: 'reject', reason: `the row's "${edited}" cell was edited; only Decision and Comment may change` };
  if (!sameToken(token, rowToken(campaign.hmacKey, campaign.id, integrity.reviewer, expected))) return { kind: 'reject', reason: "the row's integrity token does not verify (it was edited or copied)" };

  const rawDecision = cells[col.get(DECISION_COLUMN) ?? -1] ?? '';
  const rawComment = cells[col.get(COMMENT_COLUMN) ?? -1] ?? '';
  if (rawDecision.startsWith('=') || rawComment.startsWith('=')) return { kind: 'reject', reason: 'the Decision or Comment cell holds a formula; type the text itself' };
  const decision = decisionOf(rawDecision);
  if (decision === undefined) return { kind: 'reject', reason: `the Decision "${rawDecision.slice(0, 40)}" is neither Keep nor Revoke` };
  if (rawComment.length > MAX_COMMENT) return { kind: 'reject', reason: `the Comment is longer than ${MAX_COMMENT} characters` };
  const comment = rawComment.trim() || null;
  if (decision === null) return { kind: 'blank' };
  const stage = item.stages[signed.stage - 1];
  if (stage?.decision === decision && stage.comment === comment && stage.reviewer === integrity.reviewer) return { kind: 'unchanged' };
  if (stage?.reviewer !== integrity.reviewer) return { kind: 'reject', reason: `item ${item.id} was reassigned to ${stage?.reviewer ?? 'another reviewer'} since the workbook was exported` };
  if (item.stage !== null && item.stage < signed.stage) return { kind: 'reject', reason: `item ${item.id} waits for stage ${item.stage} first` };
  try {
    checkJustification(campaign, decision, comment ?? undefined, `Item ${item.id}`);
  } catch (error) {
    if (error instanceof AttestError) return { kind: 'reject', reason: `a comment is required for ${decision}` };
    throw error;
  }
  return { kind: 'apply', decision, comment };
}
