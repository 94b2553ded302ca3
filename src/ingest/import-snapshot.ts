import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Progress } from '../api/result.js';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { chooseProfile, type Candidate } from './choose-profile.js';
import { sha256File } from './file-hash.js';
import type { ImportedFile, ImportPreview, ImportRequest, ImportResult } from './import-request.js';
import { resolveColumns } from './map-source.js';
import { parseDate } from './normalize/dates.js';
import { openSource } from './open-source.js';
import type { Profile, SnapshotContent, SourceDetails } from './profile.js';
import { runMapJob, type MapJob } from './map-files.js';
import type { ResolvedRecords } from './snapshot-output.js';
import { SnapshotStore } from './snapshot-store.js';
import { startMapWorker, type MapWorker } from './worker/run-in-worker.js';
import type { Source } from './source.js';

export interface ImportContext {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

interface PreparedFile {
  path: string;
  name: string;
  size: number;
  hash: Promise<string>;
  /** Set from `hash` once the mapping is done. */
  sha256: string;
  profile: Profile;
  candidates: Candidate[];
  source: Source;
  sheet: string | undefined;
}

/** Evidence files are kept whole inside the workspace: keep them reasonable. */
const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024;

function statFile(path: string, what: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new AttestError('FILE_NOT_FOUND', `There is no ${what} at ${path}. Check the path.`);
  }
  if (!stats.isFile()) throw new AttestError('IMPORT_REJECTED', `${path} is not a file. Name the export file itself.`);
  if (stats.size === 0) throw new AttestError('EMPTY_FILE', `${basename(path)} is empty. Export the data again and import the new file.`);
  return stats.size;
}

/**
 * Large text files are mapped in a worker thread while this one writes: the two halves overlap.
 * Small ones are not worth a worker's start-up. ATTEST_IMPORT_WORKER=always|never overrides.
 */
const WORKER_THRESHOLD_BYTES = 8 * 1024 * 1024;

/** Before the files are read: could they need the worker? (By size; it is stopped unused otherwise.) */
function mayUseWorker(request: ImportRequest): boolean {
  const forced = process.env.ATTEST_IMPORT_WORKER;
  if (forced === 'always' || forced === 'never') return forced === 'always';
  let total = 0;
  for (const file of request.files) {
    try {
      total += statSync(file.path).size;
    } catch {
      // a missing file is reported by prepare()
    }
  }
  return total > WORKER_THRESHOLD_BYTES;
}

function useWorker(files: readonly PreparedFile[]): boolean {
  const forced = process.env.ATTEST_IMPORT_WORKER;
  if (forced === 'always' || forced === 'never') return forced === 'always';
  // Text and sync files stream from the start in the worker; a spreadsheet or JSON document would be parsed a second time there.
  const streamed = (f: PreparedFile): boolean => f.source.kind === 'ldif' || f.source.kind === 'c1z' || (f.source.kind === 'table' && f.source.encoding !== null);
  return files.reduce((sum, f) => sum + (streamed(f) ? f.size : 0), 0) > WORKER_THRESHOLD_BYTES;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function progressFor(name: string, ctx: ImportContext): ((done: number, total: number) => void) | undefined {
  const report = ctx.onProgress;
  return report ? (done, total) => report({ phase: `Importing ${name}`, done, total }) : undefined;
}

async function prepare(request: ImportRequest, ctx: ImportContext): Promise<PreparedFile[]> {
  if (request.files.length === 0) throw new AttestError('USAGE', 'Name at least one file to import.');
  const prepared: PreparedFile[] = [];
  for (const file of request.files) {
    const size = statFile(file.path, 'file');
    const name = basename(file.path);
    // Hashed alongside the import, off its critical path; awaited before the sources are written.
    const hash = sha256File(file.path, ctx.signal);
    hash.catch(() => undefined);
    const { source } = await openSource(file.path, { sheet: file.sheet, signal: ctx.signal, onProgress: progressFor(name, ctx) });
    const { profile, candidates } = await chooseProfile(name, source, file.profile ?? request.profile);
    prepared.push({ path: file.path, name, size, hash, sha256: '', profile, candidates, source, sheet: file.sheet });
  }
  const contents = new Set<SnapshotContent>(prepared.map((p) => p.profile.content));
  if (contents.size > 1) {
    throw new AttestError('USAGE', 'An HR roster and a system’s access cannot be one snapshot. Import them with separate commands.');
  }
  return prepared;
}

function systemName(request: ImportRequest, files: readonly PreparedFile[]): string {
  const name = request.system?.trim() || files.map((f) => f.profile.defaultSystem).find((s) => s !== undefined);
  if (!name) {
    throw new AttestError('USAGE', `Name the system ${files.map((f) => f.name).join(', ')} comes from with --system (for example --system "Finance ERP").`);
  }
  return name;
}

function resolveAsOf(given: string | undefined, fromFiles: string | null, notes: string[]): string {
  if (given !== undefined) {
    const parsed = parseDate(given);
    if (!parsed) throw new AttestError('USAGE', `--as-of "${given}" is not a date. Use YYYY-MM-DD.`);
    return parsed;
  }
  if (fromFiles) return fromFiles;
  const today = new Date().toISOString().slice(0, 10);
  notes.push(`No as-of date was given and the file states none; the import date ${today} is used.`);
  return today;
}

function combinedSha256(files: readonly PreparedFile[]): string {
  const [only] = files;
  if (files.length === 1 && only) return only.sha256;
  return createHash('sha256').update(files.map((f) => f.sha256).join('\n')).digest('hex');
}

function mediaType(path: string): string {
  const types: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.pdf': 'application/pdf', '.txt': 'text/plain', '.sql': 'text/plain', '.ps1': 'text/plain', '.json': 'application/json', '.csv': 'text/csv' };
  return types[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The snapshot's files, with their provenance; and what the import report says of each. */
function writeSources(db: Workspace['db'], snapshotId: number, ids: readonly number[], files: readonly PreparedFile[], mapping: Readonly<Record<string, string>> | undefined, details: readonly (SourceDetails | null)[]): ImportedFile[] {
  const insert = db.prepare('INSERT INTO snapshot_sources (id, snapshot_id, ordinal, file_name, sha256, size_bytes, profile, encoding, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return files.map((file, index) => {
    const source = file.source;
    const encoding = source.kind === 'table' ? source.encoding : null;
    const sourceDetails = details[index] ?? null;
    insert.run(ids[index], snapshotId, index, file.name, file.sha256, file.size, file.profile.name, encoding, sourceDetails === null ? null : JSON.stringify(sourceDetails));
    const columns: Record<string, string> = {};
    if (file.profile.kind === 'table' && source.kind === 'table') {
      for (const [field, column] of resolveColumns(file.name, file.profile, source, mapping).columns) columns[field] = source.header[column] ?? '';
    }
    return {
      name: file.name, sha256: file.sha256, size: file.size, profile: file.profile.name, candidates: file.candidates, encoding,
      delimiter: source.kind === 'table' ? source.delimiter : null, sheet: source.kind === 'table' ? source.sheet : null, notes: [...source.notes], columns,
      details: sourceDetails,
    };
  });
}

/** What the import report says of sources that describe themselves (a sync file's sync). */
function sourceNotes(details: readonly (SourceDetails | null)[]): string[] {
  const notes: string[] = [];
  for (const d of details) {
    if (d?.format !== 'c1z') continue;
    if (d.complete === false) notes.push(`INCOMPLETE POPULATION: sync ${String(d.syncId)} never finished; this snapshot may lack accounts and access, and is marked incomplete.`);
    if (typeof d.otherSyncs === 'number' && d.otherSyncs > 0) notes.push(`The file holds ${plural(d.otherSyncs, 'other sync')}; only sync ${String(d.syncId)} was imported.`);
    if (typeof d.nonAccountGrants === 'number' && d.nonAccountGrants > 0) {
      notes.push(
        d.inheritedGrants === 0
          ? `${plural(d.nonAccountGrants, 'grant')} go to groups and other non-account principals, and the sync was not expanded: access held through those groups is not in this snapshot. Let the connector finish its grant expansion and import the new file.`
          : `${plural(d.nonAccountGrants, 'grant')} to groups and other non-account principals were not imported as such: their members' access is in the sync's expanded grants, marked as inherited.`,
      );
    }
  }
  return notes;
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

function systemId(ws: Workspace, name: string, content: SnapshotContent): number {
  const existing = ws.db.prepare('SELECT id FROM systems WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(ws.db.prepare('INSERT INTO systems (name, kind, created_at) VALUES (?, ?, ?)').run(name, content === 'identities' ? 'hr' : 'application', new Date().toISOString()).lastInsertRowid);
}

function savedMapping(ws: Workspace, system: string, profile: string): Record<string, string> | undefined {
  const json = ws.db.prepare('SELECT m.mapping FROM saved_mappings m JOIN systems s ON s.id = m.system_id WHERE s.name = ? AND m.profile = ?').pluck().get(system, profile) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
}

/**
 * Imports one snapshot of one system from one or more files: detects each file's profile,
 * maps every row, and lands the whole snapshot with its provenance, rejected rows and audit
 * event in one transaction, or nothing at all (error, cancellation, or a dry run).
 */
export async function importSnapshot(ws: Workspace, request: ImportRequest, ctx: ImportContext = {}): Promise<ImportResult> {
  const worker = mayUseWorker(request) ? startMapWorker() : null;
  // Temporary files (a sync file's database) live here, private to this import, and go with it.
  const scratchDir = mkdtempSync(join(tmpdir(), 'attest-import-'));
  try {
    return await importWith(ws, request, ctx, worker, scratchDir);
  } finally {
    await worker?.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

async function importWith(ws: Workspace, request: ImportRequest, ctx: ImportContext, worker: MapWorker | null, scratchDir: string): Promise<ImportResult> {
  const files = await prepare(request, ctx);
  const system = systemName(request, files);
  const content = files[0]!.profile.content;
  const mapping = request.mapping ?? savedMapping(ws, system, files[0]!.profile.name);
  const notes: string[] = [];
  const evidence = (request.evidence ?? []).map((path) => {
    const size = statFile(path, 'evidence file');
    if (size > MAX_EVIDENCE_BYTES) throw new AttestError('FILE_TOO_LARGE', `The evidence file ${basename(path)} is larger than 64 MB. Attach a smaller file (a cropped screenshot, the query text).`);
    const bytes = readFileSync(path);
    return { path, name: basename(path), size, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });

  const work = async (): Promise<ImportResult> => {
    const db = ws.db;
    db.pragma('defer_foreign_keys = ON');
    const sysId = systemId(ws, system, content);
    const snapshotId = ((db.prepare('SELECT max(id) FROM snapshots').pluck().get() as number | null) ?? 0) + 1;
    const firstSourceId = ((db.prepare('SELECT max(id) FROM snapshot_sources').pluck().get() as number | null) ?? 0) + 1;
    const sourceIds = files.map((_, index) => firstSourceId + index);
    const store = new SnapshotStore(db, snapshotId, sourceIds);
    const next = SnapshotStore.nextIds(db);
    const job: MapJob = {
      files: files.map((f) => ({ path: f.path, name: f.name, profile: f.profile.name, size: f.size, sheet: f.sheet })),
      mapping,
      dateOrder: request.dateOrder,
      nextAccountId: next.account,
      nextEntitlementId: next.entitlement,
      scratchDir,
      allowIncomplete: request.allowIncomplete,
    };
    const onProgress = (file: string, done: number, total: number): void => ctx.onProgress?.({ phase: `Importing ${file}`, done, total });
    const resolved: ResolvedRecords = worker && useWorker(files)
      ? await worker.run(job, store, { signal: ctx.signal, onProgress })
      : await runMapJob(job, store, { signal: ctx.signal, onProgress, opened: files.map((f) => f.source) });
    const counts = store.finish(resolved);
    for (const file of files) file.sha256 = await file.hash;
    const details = resolved.details ?? [];
    const imported = writeSources(db, snapshotId, sourceIds, files, mapping, details);
    const complete = details.every((d) => d?.complete !== false);
    notes.push(...sourceNotes(details));
    const rowsImported = counts.rowsRead - counts.rowsRejected;
    if (counts.rowsRead === 0) throw new AttestError('NO_DATA_ROWS', `${files.map((f) => f.name).join(', ')} has a header but no data rows. Export the data again, with its rows.`);
    if (rowsImported === 0) {
      const reasons = store.rejections.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`).join('; ');
      throw new AttestError('IMPORT_REJECTED', `Every row was rejected, so nothing was imported (${reasons}). Check the profile and the mapping with --dry-run.`);
    }
    if (counts.duplicateGrants > 0) notes.push(`${plural(counts.duplicateGrants, 'grant')} named more than once (in a repeated row, or from both sides of a membership); each imported once.`);
    if (counts.undescribedGrants > 0) notes.push(`${plural(counts.undescribedGrants, 'membership')} named members the files do not describe (nested groups, computers); skipped.`);
    if (counts.conflicts > 0) notes.push(`${plural(counts.conflicts, 'value')} disagreed between records of the same account or entitlement; the first was kept.`);
    const asOf = resolveAsOf(request.asOf, resolved.asOf, notes);
    const profile = [...new Set(files.map((f) => f.profile.name))].join('+');
    const sha256 = combinedSha256(files);
    db.prepare(`INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected, complete)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      snapshotId, sysId, content, profile, mapping ? JSON.stringify(mapping) : null, files.map((f) => f.name).join(', '), sha256,
      files.reduce((sum, f) => sum + f.size, 0), asOf, new Date().toISOString(), request.operator, counts.rowsRead, rowsImported, counts.rowsRejected, complete ? 1 : 0,
    );
    if (request.mapping) {
      db.prepare(`INSERT INTO saved_mappings (system_id, profile, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (system_id, profile) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at, saved_by = excluded.saved_by`).run(sysId, files[0]!.profile.name, JSON.stringify(request.mapping), new Date().toISOString(), request.operator);
    }
    const attach = db.prepare('INSERT INTO attachments (snapshot_id, file_name, media_type, sha256, size_bytes, content, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of evidence) attach.run(snapshotId, e.name, mediaType(e.path), e.sha256, e.size, e.bytes, 'extraction evidence', new Date().toISOString(), request.operator);
    const rejected = store.rejections.map((r) => ({ ...r, file: files[r.source]?.name ?? '' }));
    return {
      snapshotId, system, profile, sha256, asOf, dryRun: request.dryRun === true, complete, rowsRead: counts.rowsRead, rowsImported, rowsRejected: counts.rowsRejected, rejected,
      identities: counts.identities, accounts: counts.accounts, entitlements: counts.entitlements, grants: counts.grants, duplicateGrants: counts.duplicateGrants,
      files: imported, evidence: evidence.map(({ name, sha256: hash, size }) => ({ name, sha256: hash, size })), notes,
      preview: previewOf(ws, snapshotId),
    };
  };
  return ws.changeAsync(
    request.operator,
    'snapshot.imported',
    work,
    (r) => ({ snapshotId: r.snapshotId, system: r.system, profile: r.profile, sha256: r.sha256, asOf: r.asOf, complete: r.complete, files: r.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })), rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, evidence: r.evidence }),
    { dryRun: request.dryRun === true },
  );
}
