import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingSink } from '../../ingest/profile.js';
import { decompressV1 } from './c1z-file.js';
import { mapSync, type SyncFacts } from './map-sync.js';
import { chooseSync, listSyncRuns, openSyncDatabase, unreadable } from './sync-database.js';

export interface ReadSyncOptions {
  /** A private folder for the decompressed database; the caller removes it, also after a crash of this thread. */
  scratchDir: string;
  allowIncomplete?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number, step?: string) => void) | undefined;
}

/**
 * Reads a v1 `.c1z` into the sink: decompresses it to a temporary database (streamed; memory stays
 * bounded), picks the latest finished full sync, maps its records, and removes the database.
 */
export function readSyncFile(path: string, name: string, index: number, sink: RecordingSink, options: ReadSyncOptions): SyncFacts {
  const database = join(options.scratchDir, `sync-${index}.sqlite`);
  try {
    decompressV1(path, database, { signal: options.signal, onProgress: (done, total) => options.onProgress?.(done, total, 'decompressing') });
    const db = openSyncDatabase(database, name);
    try {
      const runs = listSyncRuns(db);
      const { run, complete } = chooseSync(runs, name, options.allowIncomplete === true);
      // The data is as of the sync's end; an unfinished sync's, as of its start.
      sink.asOf((complete && run.endedAt ? run.endedAt : run.startedAt).slice(0, 10));
      return mapSync(db, name, index, run, complete, runs.length - 1, sink, { signal: options.signal, onProgress: options.onProgress });
    } catch (error) {
      throw unreadable(name, error);
    } finally {
      db.close();
    }
  } finally {
    rmSync(database, { force: true });
  }
}
