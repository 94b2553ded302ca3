import { listAuditEvents } from '../audit/audit-log.js';
import type Database from 'better-sqlite3-multiple-ciphers';
import { csvLine } from '../demo/csv-text.js';
import { ByteSink } from './byte-sink.js';
import { neutraliseCell } from '../sod/rule-file-layout.js';
import type { EvidenceItem } from './campaign-evidence.js';
import { MANIFEST_FORMAT, MANIFEST_NAME, sha256Hex, type PackManifest } from './manifest.js';
import type { EvidencePackData } from './pack-data.js';

export interface PackAttachment {
  name: string;
  mediaType: string;
  description: string;
  bytes: Buffer;
}

/** CSV for people to open in a spreadsheet: UTF-8 with a BOM, CRLF, cells neutralised against formulas. */
function csv(header: readonly string[], rows: Iterable<readonly Cell[]>): Buffer {
  const sink = new ByteSink();
  sink.write(`\uFEFF${csvLine(header)}\r\n`);
  for (const row of rows) sink.write(`${csvLine(row.map((v) => neutraliseCell(v === null ? '' : String(v))))}\r\n`);
  return sink.toBuffer();
}

/** Columns modelled on Entra ID's access review history export (one row per item and stage). */
export const DECISION_COLUMNS = [
  'ReviewId', 'ReviewName', 'ReviewStartDate', 'ReviewEndDate', 'Stage', 'ItemId', 'ResourceType', 'ResourceDisplayName', 'ResourceId',
  'PrincipalId', 'PrincipalDisplayName', 'PrincipalUserPrincipalName', 'PrincipalAccount', 'Privileged', 'Decision', 'Justification',
  'ReviewedByUserPrincipalName', 'ReviewedDateTime', 'RoutedTo', 'RoutingRule', 'RoutingNote', 'Result',
] as const;

const ENTRA_DECISION: Record<string, string> = { keep: 'Approve', revoke: 'Deny' };

function decisionRows(data: EvidencePackData): Cell[][] {
  const campaign = data.campaign;
  if (!campaign) return [];
  const decidedAt = new Map<string, string>();
  for (const d of campaign.decisions) if (d.decision === 'keep' || d.decision === 'revoke') decidedAt.set(`${d.itemId}:${d.stage}`, d.decidedAt);
  const c = campaign.campaign;
  return campaign.items.flatMap((item) =>
    item.stages.map((s) => [
      c.id, c.name, c.launchedAt, c.closedAt ?? c.dueOn, s.stage, item.id, item.system, item.entitlement, `${item.system}:${item.entitlement}`,
      item.identity?.employeeId ?? null, item.identity?.name ?? null, item.identity?.email ?? null, item.account, item.privileged ? 'Yes' : 'No',
      s.decision === null ? 'NotReviewed' : ENTRA_DECISION[s.decision]!, s.comment, s.decision === null ? null : s.reviewer,
      s.decision === null ? null : (decidedAt.get(`${item.id}:${s.stage}`) ?? null), s.routedTo, s.rule, s.note, outcomeWord(item),
    ]),
  );
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
  rows: Cell[][];
}

/** decisions, population and findings: the tables behind the CSV attachments and the workpaper's sheets. */
export function packTables(data: EvidencePackData): PackTable[] {
  const population: PackTable = data.campaign
    ? {
        file: 'population.csv',
        sheet: 'Population',
        description: 'The frozen campaign population',
        header: ['ItemId', 'Ordinal', 'System', 'SnapshotId', 'Account', 'AccountKey', 'Entitlement', 'Privileged', 'EmployeeId', 'Name', 'Email', 'Department', 'Title', 'Manager', 'Findings', 'Reviewers'],
        rows: data.campaign.items.map((i) => [
          i.id, i.ordinal, i.system, i.snapshotId, i.account, i.accountKey, i.entitlement, i.privileged ? 'Yes' : 'No', i.identity?.employeeId ?? null, i.identity?.name ?? null,
          i.identity?.email ?? null, i.identity?.department ?? null, i.identity?.title ?? null, i.identity?.manager ?? null, i.findings.join('; '), i.stages.map((s) => s.routedTo).join('; '),
        ]),
      }
    : {
        file: 'population.csv',
        sheet: 'Population',
        description: 'The snapshots the pack rests on',
        header: ['SnapshotId', 'System', 'Content', 'Profile', 'FileName', 'Sha256', 'SizeBytes', 'AsOf', 'RowsRead', 'RowsImported', 'RowsRejected', 'Complete'],
        rows: data.snapshots.map((s) => [s.id, s.system, s.content, s.profile, s.fileName, s.sha256, s.sizeBytes, s.asOf, s.rowsRead, s.rowsImported, s.rowsRejected, s.complete ? 'Yes' : 'No']),
      };
  return [
    { file: 'decisions.csv', sheet: 'Decisions', description: 'Every review item and stage with its decision (columns after Entra ID access review history)', header: DECISION_COLUMNS, rows: decisionRows(data) },
    population,
    {
      file: 'findings.csv',
      sheet: 'Findings',
      description: 'Findings of the newest analysis run and their disposition',
      header: ['Type', 'System', 'Account', 'Identity', 'Detail', 'Disposition'],
      rows: (data.findings?.findings ?? []).map((f) => [f.type, f.system, f.account, f.identity, f.detail, f.disposition]),
    },
  ];
}

function auditLogFile(db: Database.Database): Buffer {
  const sink = new ByteSink();
  for (let after = 0; ; ) {
    const page = listAuditEvents(db, { afterSeq: after, limit: 5000 });
    if (page.length === 0) break;
    for (const e of page) sink.write(`${JSON.stringify(e)}\n`);
    after = page[page.length - 1]!.seq;
  }
  return sink.toBuffer();
}

/** The files embedded in the pack, the manifest last (it lists the SHA-256 of every other one). */
export function packAttachments(db: Database.Database, data: EvidencePackData): PackAttachment[] {
  const files: PackAttachment[] = [
    ...packTables(data).map((t) => ({ name: t.file, mediaType: 'text/csv', description: t.description, bytes: csv(t.header, t.rows) })),
    { name: 'audit-log.jsonl', mediaType: 'application/jsonl', description: 'The audit trail, one hash-chained event per line', bytes: auditLogFile(db) },
  ];
  const manifest: PackManifest = {
    format: MANIFEST_FORMAT,
    generatedAt: data.generatedAt.toISOString(),
    org: data.org,
    workspaceId: data.workspaceId,
    campaign: data.campaign ? { id: data.campaign.campaign.id, name: data.campaign.campaign.name, populationSha256: data.campaign.launch?.populationSha256 ?? null } : null,
    signer: { fingerprintSha256: data.signer.fingerprintSha256, subject: data.signer.subject },
    attachments: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) })),
    snapshots: data.snapshots.map((s) => ({ id: s.id, system: s.system, fileName: s.fileName, sha256: s.sha256, sizeBytes: s.sizeBytes, asOf: s.asOf, sources: s.sources })),
    audit: { events: data.audit.events, head: data.audit.head, ok: data.audit.ok },
  };
  files.push({ name: MANIFEST_NAME, mediaType: 'application/json', description: 'SHA-256 of every attachment and every source snapshot', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });
  return files;
}
