import { AttestError } from '../errors.js';
import { matchHeader } from './normalize/header-match.js';
import { createRowMapper } from './normalize/mapped-row.js';
import type { DateOrder } from './normalize/dates.js';
import { RowRejected, type Profile, type RecordingSink, type SourceDetails, type TableProfile } from './profile.js';
import { READ_LIMITS, type Source, type TableRow, type TableSource } from './source.js';


export interface MapOptions {
  mapping?: Readonly<Record<string, string>> | undefined;
  dateOrder?: DateOrder | undefined;
  signal?: AbortSignal | undefined;
  /** Stop after this many rows (a preview). */
  limit?: number | undefined;
  /** Sync files: a private folder for their temporary database, and whether an unfinished sync may be read. */
  scratchDir?: string | undefined;
  allowIncomplete?: boolean | undefined;
  /** Sync files: progress of a step before the records (`step` names it, e.g. "decompressing"). */
  onProgress?: ((done: number, total: number, step?: string) => void) | undefined;
}

function rejectReason(error: unknown): string {
  if (error instanceof RowRejected) return error.message;
  throw error;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AttestError('CANCELLED', 'The import was cancelled; nothing was imported.');
}

/** The header's columns for a table profile; a missing required column refuses the file. */
export function resolveColumns(fileName: string, profile: TableProfile, source: TableSource, mapping?: Readonly<Record<string, string>>) {
  const match = matchHeader(source.header, profile.fields, mapping);
  if (match.missing.length > 0) {
    const found = source.header.slice(0, 30).map((h) => `"${h}"`).join(', ');
    throw new AttestError(
      'MISSING_COLUMNS',
      `${fileName} lacks the column${match.missing.length > 1 ? 's' : ''} ${match.missing.map((m) => `"${m}"`).join(', ')} that the ${profile.name} profile needs (found ${found}). Map them with --mapping, or choose another profile.`,
    );
  }
  return match;
}

function rowProblem(row: TableRow, header: readonly string[]): string | null {
  const width = header.length;
  const long = row.cells.findIndex((cell) => cell.length > READ_LIMITS.maxValueChars);
  if (long >= 0) {
    return `The value in column "${header[long] ?? long + 1}" is ${row.cells[long]?.length.toLocaleString('en-US')} characters long; values over ${READ_LIMITS.maxValueChars.toLocaleString('en-US')} characters are refused.`;
  }
  if (row.cells.length === width) return null;
  if (row.cells.length > width && row.cells.slice(width).every((c) => c.trim() === '')) return null;
  return `The row has ${row.cells.length} fields; the header has ${width}.`;
}

async function mapTable(fileName: string, index: number, profile: TableProfile, source: TableSource, sink: RecordingSink, options: MapOptions): Promise<void> {
  const toRow = createRowMapper(resolveColumns(fileName, profile, source, options.mapping), options.dateOrder ? { dateOrder: options.dateOrder } : {});
  let count = 0;
  for await (const row of source.rows()) {
    if ((++count & 1023) === 0) checkCancelled(options.signal);
    sink.beginRecord(index, row.line);
    const problem = rowProblem(row, source.header);
    if (problem) sink.reject(problem);
    else {
      try {
        profile.mapRow(toRow(row), sink);
      } catch (error) {
        sink.reject(rejectReason(error));
      }
    }
    sink.endRecord();
    if (options.limit !== undefined && count >= options.limit) return;
  }
}

/**
 * Runs one opened file through its profile into the sink, a row (or entry, or element) at a time.
 * Returns what the source says of itself beyond its bytes (a sync file's sync), if anything.
 */
export async function mapSource(fileName: string, index: number, profile: Profile, source: Source, sink: RecordingSink, options: MapOptions = {}): Promise<SourceDetails | undefined> {
  checkCancelled(options.signal);
  if (profile.kind === 'c1z' && source.kind === 'c1z') {
    if (options.scratchDir === undefined) throw new Error('a sync file needs a scratch folder');
    return profile.mapSync(source, fileName, index, sink, { scratchDir: options.scratchDir, allowIncomplete: options.allowIncomplete, signal: options.signal, onProgress: options.onProgress });
  }
  if (profile.kind === 'table' && source.kind === 'table') {
    await mapTable(fileName, index, profile, source, sink, options);
    return undefined;
  }
  if (profile.kind === 'ldif' && source.kind === 'ldif') {
    let count = 0;
    const mapEntry = profile.mapper();
    for await (const entry of source.entries()) {
      if ((++count & 1023) === 0) checkCancelled(options.signal);
      sink.beginRecord(index, entry.line);
      try {
        mapEntry(entry, sink);
      } catch (error) {
        sink.reject(rejectReason(error));
      }
      sink.endRecord();
      if (options.limit !== undefined && count >= options.limit) return undefined;
    }
    return undefined;
  }
  if (profile.kind === 'json' && source.kind === 'json') {
    let open = false;
    const setLine = (line: number): void => {
      if (open) sink.endRecord();
      sink.beginRecord(index, line);
      open = true;
    };
    sink.beginRecord(index, 0);
    try {
      profile.mapDocument(source.document, sink, setLine);
    } catch (error) {
      open = true;
      sink.reject(rejectReason(error));
    }
    if (open) sink.endRecord();
    return undefined;
  }
  throw new AttestError('IMPORT_REJECTED', `The profile ${profile.name} cannot read ${fileName}.`);
}
