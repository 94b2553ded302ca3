import { join } from 'node:path';
import { AuditChainCheck, auditEventLine, auditRows, type AuditVerification } from '../audit/audit-log.js';
import type Database from 'better-sqlite3-multiple-ciphers';
import { csvLine } from '../demo/csv-text.js';
import { neutraliseCell } from '../sod/rule-file-layout.js';
import type { CampaignDefinition, EvidenceItem } from './campaign-evidence.js';
import { MANIFEST_FORMAT, MANIFEST_NAME, type PackManifest } from './manifest.js';
import type { EvidencePackData } from './pack-data.js';
import type { PackSteps } from './pack-steps.js';
import { AttachmentWriter, type StagedAttachment } from './staged-attachment.js';

/** CSV for people to open in a spreadsheet: UTF-8 with a BOM, CRLF, cells neutralised against formulas. */
function csvRow(row: readonly Cell[]): string {
  return `${csvLine(row.map((v) => neutraliseCell(v === null ? '' : String(v))))}\r\n`;
}

/** Rows made when iterated (and again each time), never held as one array. */
function lazy<T>(make: () => Iterable<T>): Iterable<T> {
  return { [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

/** Columns modelled on Entra ID's access review history export (one row per item and stage). */
export const DECISION_COLUMNS = [
  'ReviewId', 'ReviewName', 'ReviewStartDate', 'ReviewEndDate', 'Stage', 'ItemId', 'ResourceType', 'ResourceDisplayName', 'ResourceId',
  'PrincipalId', 'PrincipalDisplayName', 'PrincipalUserPrincipalName', 'PrincipalAccount', 'Privileged', 'Decision', 'Justification',
  'ReviewedByUserPrincipalName', 'ReviewedDateTime', 'RoutedTo', 'RoutingRule', 'RoutingNote', 'Result',
] as const;

const ENTRA_DECISION: Record<string, string> = { keep: 'Approve', revoke: 'Deny' };

/** An item's decisions.csv rows, one per stage. */
function decisionRowsOf(c: CampaignDefinition, item: EvidenceItem): Cell[][] {
  return item.stages.map((s): Cell[] => [
      c.id, c.name, c.launchedAt, c.closedAt ?? c.dueOn, s.stage, item.id, item.system, item.entitlement, `${item.system}:${item.entitlement}`,
      item.identity?.employeeId ?? null, item.identity?.name ?? null, item.identity?.email ?? null, item.account, item.privileged ? 'Yes' : 'No',
      s.decision === null ? 'NotReviewed' : ENTRA_DECISION[s.decision]!, s.comment, s.decision === null ? null : s.reviewer,
        s.decision === null ? null : s.decidedAt, s.routedTo, s.rule, s.note, outcomeWord(item),
  ]);
}

function populationRowOf(i: EvidenceItem): Cell[] {
  return [
    i.id, i.ordinal, i.system, i.snapshotId, i.account, i.accountKey, i.entitlement, i.privileged ? 'Yes' : 'No', i.identity?.employeeId ?? null, i.identity?.name ?? null,
    i.identity?.email ?? null, i.identity?.department ?? null, i.identity?.title ?? null, i.identity?.manager ?? null, i.findings.join('; '), i.stages.map((s) => s.routedTo).join('; '),
  ];
}

/** A table with rows made per campaign item: its rows iterate the items (for the workpaper); the attachments make every such table in one pass. */
function itemTable(items: Iterable<EvidenceItem>, rowsOf: (item: EvidenceItem) => Cell[][]): Pick<PackTable, 'rows' | 'ofItem'> {
  return {
    rows: lazy(function* () {
      for (const item of items) yield* rowsOf(item);
    }),
    ofItem: rowsOf,
  };
}

function outcomeWord(item: EvidenceItem): string {
  return item.outcome === 'keep' ? 'Kept' : item.outcome === 'revoke' ? 'Revoked' : 'Pending';
}

export type Cell = string | number | null;

/** A table the pack attaches as CSV and the workpaper carries as a sheet. */
export interface PackTable {
  file: string;
  sheet: string;
  description: string;
  header: readonly string[];
  /** Iterable more than once; made as it is read. */
  rows: Iterable<Cell[]>;
  /** How many rows (for progress). */
  count: number;
  /** When the rows are made from the campaign's items: the rows of one item. */
  ofItem?: (item: EvidenceItem) => Cell[][];
}

function decisionTable(data: EvidencePackData): Pick<PackTable, 'rows' | 'ofItem'> {
  const campaign = data.campaign;
  return campaign ? itemTable(campaign.items, (item) => decisionRowsOf(campaign.campaign, item)) : { rows: [] };
}

/** decisions, population and findings: the tables behind the CSV attachments and the workpaper's sheets. */
export function packTables(data: EvidencePackData): PackTable[] {
  const population: PackTable = data.campaign
    ? {
        file: 'population.csv',
        sheet: 'Population',
        description: 'The frozen campaign population',
        header: ['ItemId', 'Ordinal', 'System', 'SnapshotId', 'Account', 'AccountKey', 'Entitlement', 'Privileged', 'EmployeeId', 'Name', 'Email', 'Department', 'Title', 'Manager', 'Findings', 'Reviewers'],
        ...itemTable(data.campaign.items, (i) => [populationRowOf(i)]),
        count: data.campaign.items.count,
      }
    : {
        file: 'population.csv',
        sheet: 'Population',
        description: 'The snapshots the pack rests on',
        header: ['SnapshotId', 'System', 'Content', 'Profile', 'FileName', 'Sha256', 'SizeBytes', 'AsOf', 'RowsRead', 'RowsImported', 'RowsRejected', 'Complete'],
        rows: data.snapshots.map((s) => [s.id, s.system, s.content, s.profile, s.fileName, s.sha256, s.sizeBytes, s.asOf, s.rowsRead, s.rowsImported, s.rowsRejected, s.complete ? 'Yes' : 'No']),
        count: data.snapshots.length,
      };
  return [
    { file: 'decisions.csv', sheet: 'Decisions', description: 'Every review item and stage with its decision (columns after Entra ID access review history)', header: DECISION_COLUMNS, count: data.campaign?.summary.stageRows ?? 0, ...decisionTable(data) },
    population,
    {
      file: 'findings.csv',
      sheet: 'Findings',
      description: 'Findings of the newest analysis run and their disposition',
      header: ['Type', 'System', 'Account', 'Identity', 'Detail', 'Disposition'],
      rows: (data.findings?.findings ?? []).map((f) => [f.type, f.system, f.account, f.identity, f.detail, f.disposition]),
      count: data.findings?.findings.length ?? 0,
    },
  ];
}

/** Writes the pack's files to `dir` as they are generated, the manifest last (it lists the SHA-256 of every other one). */
export async function stagePackAttachments(data: EvidencePackData, trail: StagedAttachment, dir: string, steps: PackSteps): Promise<StagedAttachment[]> {
  const tables = packTables(data);
  const total = tables.reduce((n, t) => n + t.count, 0);
  let done = 0;
  const files: StagedAttachment[] = [];
  const counted = async (): Promise<void> => {
    if ((++done & 2047) === 0) {
      steps.report('attachments', done, total);
      await steps.pause();
    }
  };
  let opened = 0;
  const open = (meta: { name: string; mediaType: string; description: string }): AttachmentWriter => new AttachmentWriter(meta, join(dir, `${opened++}.deflated`));
  const stage = async (meta: { name: string; mediaType: string; description: string }, lines: Iterable<string>): Promise<void> => {
    files.push(await writeLines(open(meta), lines, counted));
  };
  const csvMeta = (t: PackTable) => ({ name: t.file, mediaType: 'text/csv', description: t.description });
  // The tables made from the campaign's items are written side by side in one pass over the items.
  const perItem = data.campaign ? tables.filter((t) => t.ofItem !== undefined) : [];
  const together = new Map<PackTable, StagedAttachment>();
  if (data.campaign && perItem.length > 0) {
    const writers = perItem.map((t) => open(csvMeta(t)));
    try {
      for (const [k, t] of perItem.entries()) {
        await writers[k]!.write(csvHeader(t));
        await counted();
      }
      for (const item of data.campaign.items) {
        for (const [k, t] of perItem.entries()) {
          for (const row of t.ofItem!(item)) {
            await writers[k]!.write(csvRow(row));
            await counted();
          }
        }
      }
      for (const [k, t] of perItem.entries()) together.set(t, await writers[k]!.finish());
    } catch (error) {
      for (const w of writers) w.abandon();
      throw error;
    }
  }
  for (const t of tables) {
    const staged = together.get(t);
    if (staged) files.push(staged);
    else await stage(csvMeta(t), csvLines(t));
  }
  files.push(trail);
  steps.report('attachments', total, total);
  const manifest: PackManifest = {
    format: MANIFEST_FORMAT,
    generatedAt: data.generatedAt.toISOString(),
    org: data.org,
    workspaceId: data.workspaceId,
    campaign: data.campaign ? { id: data.campaign.campaign.id, name: data.campaign.campaign.name, populationSha256: data.campaign.launch?.populationSha256 ?? null } : null,
    signer: { fingerprintSha256: data.signer.fingerprintSha256, subject: data.signer.subject },
    attachments: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256 })),
    snapshots: data.snapshots.map((s) => ({ id: s.id, system: s.system, fileName: s.fileName, sha256: s.sha256, sizeBytes: s.sizeBytes, asOf: s.asOf, sources: s.sources })),
    audit: { events: data.audit.events, head: data.audit.head, ok: data.audit.ok },
  };
  await stage({ name: MANIFEST_NAME, mediaType: 'application/json', description: 'SHA-256 of every attachment and every source snapshot' }, [`${JSON.stringify(manifest, null, 2)}\n`]);
  return files;
}

function csvHeader(table: PackTable): string {
  return `\uFEFF${csvLine(table.header)}\r\n`;
}

function* csvLines(table: PackTable): Generator<string> {
  yield csvHeader(table);
  for (const row of table.rows) yield csvRow(row);
}

/** Writes `lines` through `writer`, calling `each` after every line; a failure leaves no file. */
async function writeLines(writer: AttachmentWriter, lines: Iterable<string>, each: () => Promise<void>): Promise<StagedAttachment> {
  try {
    for (const line of lines) {
      await writer.write(line);
      await each();
    }
    return await writer.finish();
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/**
 * Stages audit-log.jsonl and checks the chain in the same pass over the trail: the pack reports
 * the verdict of the very events it attaches. Progress: phase "audit", events of the total.
 */
export async function stageAuditTrail(db: Database.Database, dir: string, steps: PackSteps): Promise<{ file: StagedAttachment; chain: AuditVerification }> {
  const total = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
  const check = new AuditChainCheck();
  let done = 0;
  function* lines(): Generator<string> {
    for (const row of auditRows(db)) {
      check.add(row);
      yield auditEventLine(row);
    }
  }
  const meta = { name: 'audit-log.jsonl', mediaType: 'application/jsonl', description: 'The audit trail, one hash-chained event per line' };
  const file = await writeLines(new AttachmentWriter(meta, join(dir, 'audit-log.deflated')), lines(), async () => {
    if ((++done & 2047) === 0) {
      steps.report('audit', done, total);
      await steps.pause();
    }
  });
  steps.report('audit', total, total);
  return { file, chain: check.finish(db) };
}
