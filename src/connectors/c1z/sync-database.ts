import Database from 'better-sqlite3-multiple-ciphers';
import { nativeBindingOption } from '../../store/native-binding.js';
import { AttestError } from '../../errors.js';

/** One sync of a v1 file, as `v1_sync_runs` records it. */
export interface SyncRun {
  syncId: string;
  /** `full`, `partial`, `resources_only`…; files written before sync types existed: `full`. */
  type: string;
  /** As written: local time of the writer, no zone (`2025-12-17 16:31:25.057185`). */
  startedAt: string;
  endedAt: string | null;
}

const TABLES = ['v1_sync_runs', 'v1_resource_types', 'v1_resources', 'v1_entitlements', 'v1_grants'] as const;

/** Opens the decompressed database read-only and checks that it is a baton sync. */
export function openSyncDatabase(path: string, name: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new AttestError('CORRUPT_FILE', `${name} is not a baton sync: its database lacks ${missing.join(', ')}. Import the .c1z file a baton connector wrote.`);
    }
    return db;
  } catch (error) {
    db?.close();
    throw unreadable(name, error);
  }
}

/**
 * A database error while reading a sync is a damaged file (a truncated database opens, and
 * fails on the first page that is missing). Other errors pass through.
 */
export function unreadable(name: string, error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    return new AttestError('CORRUPT_FILE', `${name} is damaged: the database inside it cannot be read (${error.message}). Copy the file again, or re-run the connector.`);
  }
  return error;
}

export function listSyncRuns(db: Database.Database): SyncRun[] {
  // Files written before sync types existed have no sync_type column: every run there is full.
  const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('v1_sync_runs')").pluck().all() as string[]);
  const type = columns.has('sync_type') ? "coalesce(nullif(sync_type, ''), 'full')" : "'full'";
  return db
    .prepare(`SELECT sync_id AS syncId, ${type} AS type, started_at AS startedAt, ended_at AS endedAt FROM v1_sync_runs ORDER BY started_at, id`)
    .all() as SyncRun[];
}

/**
 * The sync to import: the latest finished full sync. With `allowIncomplete`, a file with none
 * gives its latest full sync, unfinished (the snapshot is then marked incomplete).
 */
export function chooseSync(runs: readonly SyncRun[], name: string, allowIncomplete: boolean): { run: SyncRun; complete: boolean } {
  const full = runs.filter((r) => r.type === 'full');
  const finished = full.filter((r) => r.endedAt !== null && r.endedAt !== '');
  const latest = (list: readonly SyncRun[]): SyncRun | undefined =>
    [...list].sort((a, b) => (a.endedAt ?? a.startedAt).localeCompare(b.endedAt ?? b.startedAt) || a.syncId.localeCompare(b.syncId)).at(-1);
  const done = latest(finished);
  if (done) return { run: done, complete: true };
  const unfinished = latest(full);
  if (unfinished && allowIncomplete) return { run: unfinished, complete: false };
  if (unfinished) {
    throw new AttestError(
      'INCOMPLETE_SYNC',
      `${name} holds no finished sync: sync ${unfinished.syncId} started ${unfinished.startedAt} and never ended, so its population is incomplete. Re-run the connector until it finishes, or import it anyway with --allow-incomplete (the snapshot is then marked incomplete).`,
    );
  }
  throw new AttestError('INCOMPLETE_SYNC', `${name} holds no full sync (${runs.length} partial or other runs). Re-run the connector for a full sync.`);
}
