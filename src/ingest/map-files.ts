import type { DateOrder } from './normalize/dates.js';
import { findProfile } from './choose-profile.js';
import { mapSource } from './map-source.js';
import { openSource } from './open-source.js';
import type { SourceDetails } from './profile.js';
import { RecordResolver } from './record-resolver.js';
import type { ResolvedRecords, SnapshotOutput } from './snapshot-output.js';
import type { Source } from './source.js';

export interface MapFileSpec {
  path: string;
  name: string;
  profile: string;
  size: number;
  sheet?: string | undefined;
}

/** Everything needed to map a snapshot's files, in this thread or in a worker (plain data). */
export interface MapJob {
  files: MapFileSpec[];
  mapping?: Readonly<Record<string, string>> | undefined;
  dateOrder?: DateOrder | undefined;
  nextAccountId: number;
  nextEntitlementId: number;
  /** A private folder for temporary files (a sync file's database); the importer removes it. */
  scratchDir: string;
  allowIncomplete?: boolean | undefined;
}

export interface MapHooks {
  signal?: AbortSignal | undefined;
  onProgress?: ((file: string, done: number, total: number) => void) | undefined;
  /** Sources already opened by the caller (this thread only), by file index. */
  opened?: readonly (Source | undefined)[] | undefined;
}

/** Maps every file of the job into one resolver writing to `output`; returns the merged records. */
export async function runMapJob(job: MapJob, output: SnapshotOutput, hooks: MapHooks = {}): Promise<ResolvedRecords> {
  const resolver = new RecordResolver(output, job.nextAccountId, job.nextEntitlementId);
  const details: (SourceDetails | null)[] = [];
  for (const [index, file] of job.files.entries()) {
    const onProgress = hooks.onProgress ? (done: number, total: number, step?: string) => hooks.onProgress?.(step ? `${file.name} (${step})` : file.name, done, total) : undefined;
    const reusable = hooks.opened?.[index];
    // An LDIF source's first entry was read to detect it: read it again from the start.
    const source = reusable && reusable.kind !== 'ldif' ? reusable : (await openSource(file.path, { sheet: file.sheet, signal: hooks.signal, onProgress })).source;
    const options = { mapping: job.mapping, dateOrder: job.dateOrder, signal: hooks.signal, scratchDir: job.scratchDir, allowIncomplete: job.allowIncomplete, onProgress };
    details[index] = (await mapSource(file.name, index, findProfile(file.profile), source, resolver, options)) ?? null;
    // Sources that describe themselves (sync files) count records, not bytes, and have reported their end.
    if (details[index] === null) onProgress?.(file.size, file.size);
  }
  return { ...resolver.finish(), details };
}
