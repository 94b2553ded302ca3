import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Progress } from '../api/result.js';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { chooseProfile, type Candidate } from './choose-profile.js';
import { sha256File } from './file-hash.js';
import type { ImportedFile, ImportRequest, ImportResult } from './import-request.js';
import { landSnapshot, plural } from './land-snapshot.js';
import { resolveColumns } from './map-source.js';
import { openSource } from './open-source.js';
import type { Profile, SnapshotContent, SourceDetails } from './profile.js';
import { runMapJob, type MapJob } from './map-files.js';
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

export function statFile(path: string, what: string): number {
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
  const evidence = (request.evidence ?? []).map((path) => {
    const size = statFile(path, 'evidence file');
    if (size > MAX_EVIDENCE_BYTES) throw new AttestError('FILE_TOO_LARGE', `The evidence file ${basename(path)} is larger than 64 MB. Attach a smaller file (a cropped screenshot, the query text).`);
    const bytes = readFileSync(path);
    return { path, name: basename(path), size, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });

  const work = async (): Promise<ImportResult> => {
    let imported: ImportedFile[] = [];
    let details: (SourceDetails | null)[] = [];
    const landed = await landSnapshot(ws, {
      system,
      content,
      operator: request.operator,
      asOf: request.asOf,
      sourceNames: files.map((f) => f.name),
      sourceNoun: 'the files',
      records: async (store, next) => {
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
        const resolved = await (worker && useWorker(files)
          ? worker.run(job, store, { signal: ctx.signal, onProgress })
          : runMapJob(job, store, { signal: ctx.signal, onProgress, opened: files.map((f) => f.source) }));
        details = resolved.details ?? [];
        return resolved;
      },
      provenance: async ({ snapshotId, systemId, sourceIds }) => {
        for (const file of files) file.sha256 = await file.hash;
        imported = writeSources(ws.db, snapshotId, sourceIds, files, mapping, details);
        if (request.mapping) {
          ws.db.prepare(`INSERT INTO saved_mappings (system_id, profile, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (system_id, profile) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at, saved_by = excluded.saved_by`).run(systemId, files[0]!.profile.name, JSON.stringify(request.mapping), new Date().toISOString(), request.operator);
        }
        const attach = ws.db.prepare('INSERT INTO attachments (snapshot_id, file_name, media_type, sha256, size_bytes, content, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const e of evidence) attach.run(snapshotId, e.name, mediaType(e.path), e.sha256, e.size, e.bytes, 'extraction evidence', new Date().toISOString(), request.operator);
        return {
          profile: [...new Set(files.map((f) => f.profile.name))].join('+'),
          mapping,
          fileName: files.map((f) => f.name).join(', '),
          sha256: combinedSha256(files),
          sizeBytes: files.reduce((sum, f) => sum + f.size, 0),
          complete: details.every((d) => d?.complete !== false),
          notes: sourceNotes(details),
        };
      },
      noRecordsMessage: `${files.map((f) => f.name).join(', ')} has a header but no data rows. Export the data again, with its rows.`,
      allRejectedAdvice: 'Check the profile and the mapping with --dry-run.',
    });
    return { ...landed, dryRun: request.dryRun === true, files: imported, evidence: evidence.map(({ name, sha256: hash, size }) => ({ name, sha256: hash, size })) };
  };
  return ws.changeAsync(
    request.operator,
    'snapshot.imported',
    work,
    (r) => ({ snapshotId: r.snapshotId, system: r.system, profile: r.profile, sha256: r.sha256, asOf: r.asOf, complete: r.complete, files: r.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })), rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, evidence: r.evidence }),
    { dryRun: request.dryRun === true },
  );
}
