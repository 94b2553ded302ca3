import { AttestError } from '../errors.js';
import { correlateCurrentPicture } from '../identity/correlation-store.js';
import type { Workspace } from '../store/workspace.js';
import type { ImportPreview } from './import-request.js';
import { parseDate } from './normalize/dates.js';
import type { SnapshotContent } from './profile.js';
import type { ResolvedRecords } from './snapshot-output.js';
import { SnapshotStore, type Rejection } from './snapshot-store.js';

/** What the snapshot row says of where its data came from. */
export interface SnapshotProvenance {
  /** The profile(s) the records were mapped with, joined with `+`. */
  profile: string;
  mapping: Readonly<Record<string, string>> | undefined;
  /** The file names, or the server a connector read. */
  fileName: string;
  sha256: string;
  sizeBytes: number;
  /** False when the population may be incomplete (an unfinished sync imported on request). Default true. */
  complete?: boolean;
  /** What the sources say of themselves that the user should know. */
  notes?: readonly string[];
}

/**
 * How a snapshot lands, whatever produced its records: files (importSnapshot) or a live
 * connector. landSnapshot runs it inside the caller's transaction (Workspace.changeAsync).
 */
export interface LandingPlan {
  system: string;
  content: SnapshotContent;
  operator: string;
  /** Given by the user; else the date the records state; else today (with a note). */
  asOf: string | undefined;
  /** The sources (files, searches) in order: their snapshot_sources ids are reserved, rejected rows name them. */
  sourceNames: readonly string[];
  /** "the files", "the directory": what the notes call the sources. */
  sourceNoun: string;
  /** Maps every record into the store (through a RecordResolver given these first ids) and returns what was resolved. */
  records: (store: SnapshotStore, next: { account: number; entitlement: number }) => Promise<ResolvedRecords>;
  /** Once the records are in: writes the sources (and whatever else the caller keeps) and says the snapshot's provenance. */
  provenance: (ids: { snapshotId: number; systemId: number; sourceIds: readonly number[] }) => Promise<SnapshotProvenance> | SnapshotProvenance;
  /** The sentence for a source that held no records at all (NO_DATA_ROWS). */
  noRecordsMessage: string;
  /** What to do when every record was rejected (IMPORT_REJECTED). */
  allRejectedAdvice: string;
}

export interface LandedSnapshot {
  snapshotId: number;
  system: string;
  profile: string;
  sha256: string;
  asOf: string;
  complete: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejected: (Rejection & { file: string })[];
  identities: number;
  accounts: number;
  entitlements: number;
  grants: number;
  duplicateGrants: number;
  notes: string[];
  /** The first records as they landed (what a dry run shows before anything is saved). */
  preview: ImportPreview;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function resolveAsOf(given: string | undefined, fromRecords: string | null, notes: string[]): string {
  if (given !== undefined) {
    const parsed = parseDate(given);
    if (!parsed) throw new AttestError('USAGE', `--as-of "${given}" is not a date. Use YYYY-MM-DD.`);
    return parsed;
  }
  if (fromRecords) return fromRecords;
  const today = new Date().toISOString().slice(0, 10);
  notes.push(`No as-of date was given and the file states none; the import date ${today} is used.`);
  return today;
}

const PREVIEW_ROWS = 10;

/** The snapshot's first records as they landed, read back inside the transaction (so a dry run shows them too). */
function previewOf(ws: Workspace, snapshotId: number): ImportPreview {
  const db = ws.db;
  const identities = db
    .prepare(`SELECT employee_id AS employeeId, display_name AS displayName, email, status, manager_employee_id AS managerEmployeeId,
      termination_date AS terminationDate FROM identities WHERE snapshot_id = ? ORDER BY id LIMIT ${PREVIEW_ROWS}`)
    .all(snapshotId) as ImportPreview['identities'];
  const accounts = (
    db
      .prepare(`SELECT account_key AS key, login, email, status, account_type AS accountType, privileged, mfa, last_login AS lastLogin
        FROM accounts WHERE snapshot_id = ? ORDER BY id LIMIT ${PREVIEW_ROWS}`)
      .all(snapshotId) as (Omit<ImportPreview['accounts'][number], 'privileged' | 'mfa'> & { privileged: number; mfa: number | null })[]
  ).map((a) => ({ ...a, privileged: a.privileged === 1, mfa: a.mfa === null ? null : a.mfa === 1 }));
  const grants = db
    .prepare(`SELECT a.account_key AS account, e.entitlement_key AS entitlement, g.via FROM grants g
      JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id
      WHERE g.snapshot_id = ? ORDER BY g.account_id, g.entitlement_id LIMIT ${PREVIEW_ROWS}`)
    .all(snapshotId) as ImportPreview['grants'];
  return { identities, accounts, grants };
}

/** The system's id, created on first use. */
function systemId(ws: Workspace, name: string, content: SnapshotContent): number {
  const existing = ws.db.prepare('SELECT id FROM systems WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(ws.db.prepare('INSERT INTO systems (name, kind, created_at) VALUES (?, ?, ?)').run(name, content === 'identities' ? 'hr' : 'application', new Date().toISOString()).lastInsertRowid);
}

/**
 * Lands one snapshot in the caller's transaction: the system (created on first use), every
 * record, the rejected ones, the sources and the snapshot row with its provenance. Refuses a
 * snapshot with no records, or whose every record was rejected: it would become the system's
 * current picture.
 */
export async function landSnapshot(ws: Workspace, plan: LandingPlan): Promise<LandedSnapshot> {
  if (!ws.db.inTransaction) throw new Error('landSnapshot runs inside Workspace.changeAsync');
  const db = ws.db;
  const notes: string[] = [];
  db.pragma('defer_foreign_keys = ON');
  const sysId = systemId(ws, plan.system, plan.content);
  const snapshotId = ((db.prepare('SELECT max(id) FROM snapshots').pluck().get() as number | null) ?? 0) + 1;
  const firstSourceId = ((db.prepare('SELECT max(id) FROM snapshot_sources').pluck().get() as number | null) ?? 0) + 1;
  const sourceIds = plan.sourceNames.map((_, index) => firstSourceId + index);
  const store = new SnapshotStore(db, snapshotId, sourceIds);
  const resolved = await plan.records(store, SnapshotStore.nextIds(db));
  const counts = store.finish(resolved);
  const provenance = await plan.provenance({ snapshotId, systemId: sysId, sourceIds });
  const complete = provenance.complete !== false;
  notes.push(...(provenance.notes ?? []));
  const rowsImported = counts.rowsRead - counts.rowsRejected;
  if (counts.rowsRead === 0) throw new AttestError('NO_DATA_ROWS', plan.noRecordsMessage);
  if (rowsImported === 0) {
    const reasons = store.rejections.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`).join('; ');
    throw new AttestError('IMPORT_REJECTED', `Every row was rejected, so nothing was imported (${reasons}). ${plan.allRejectedAdvice}`);
  }
  if (counts.duplicateGrants > 0) notes.push(`${plural(counts.duplicateGrants, 'grant')} named more than once (in a repeated row, or from both sides of a membership); each imported once.`);
  if (counts.undescribedGrants > 0) notes.push(`${plural(counts.undescribedGrants, 'membership')} named members ${plan.sourceNoun} do not describe (nested groups, computers); skipped.`);
  if (counts.conflicts > 0) notes.push(`${plural(counts.conflicts, 'value')} disagreed between records of the same account or entitlement; the first was kept.`);
  const asOf = resolveAsOf(plan.asOf, resolved.asOf, notes);
  db.prepare(`INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected, complete)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    snapshotId, sysId, plan.content, provenance.profile, provenance.mapping ? JSON.stringify(provenance.mapping) : null, provenance.fileName, provenance.sha256,
    provenance.sizeBytes, asOf, new Date().toISOString(), plan.operator, counts.rowsRead, rowsImported, counts.rowsRejected, complete ? 1 : 0,
  );
  // Leaves the new current picture correlated, so analysis, SoD and campaigns need not recompute it.
  correlateCurrentPicture(db);
  return {
    snapshotId, system: plan.system, profile: provenance.profile, sha256: provenance.sha256, asOf, complete,
    rowsRead: counts.rowsRead, rowsImported, rowsRejected: counts.rowsRejected,
    rejected: store.rejections.map((r) => ({ ...r, file: plan.sourceNames[r.source] ?? '' })),
    identities: counts.identities, accounts: counts.accounts, entitlements: counts.entitlements, grants: counts.grants, duplicateGrants: counts.duplicateGrants,
    notes, preview: previewOf(ws, snapshotId),
  };
}
