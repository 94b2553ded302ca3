/**
 * The CSV reader: `openCsv` decides the encoding and delimiter, reads the header, and hands back a
 * TableSource whose rows stream from the file in constant memory.
 */
import { basename } from 'node:path';
import type { TableRow, TableSource, TextEncodingName } from '../../source.js';
import { createChunkDecoder } from './chunk-decoder.js';
import { cancelled, changedWhileReading, emptyFile, notAFile, notText } from './csv-errors.js';
import { binaryReason, SNIFF_BYTES } from './detect-binary.js';
import type { CsvDelimiter } from './detect-delimiter.js';
import { delimiterNote, detectDelimiter } from './detect-delimiter.js';
import { detectEncoding } from './detect-encoding.js';
import type { RecordBatch, RecordReadPlan } from './read-records.js';
import { openForReading, readRecordBatches } from './read-records.js';

export interface CsvOptions {
  /** Default: detected from the first records. */
  delimiter?: CsvDelimiter;
  /** Default: detected (byte-order mark, else UTF-8 if the whole file is valid UTF-8, else Windows-1252). */
  encoding?: TextEncodingName;
  /** Aborting makes openCsv, or the rows iterator at its next chunk, throw AttestError('CANCELLED'). */
  signal?: AbortSignal;
  /** Called after each ~1 MB chunk is parsed, with the bytes consumed; the last call has bytesRead === totalBytes. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

interface CsvPlan extends RecordReadPlan {
  delimiter: CsvDelimiter;
  notes: string[];
  header: readonly string[];
  headerLine: number;
}

/** Everything but the rows: encoding, delimiter, notes and the header (the first non-blank record). */
async function planCsv(path: string, options: CsvOptions): Promise<CsvPlan> {
  const fileName = basename(path);
  const { signal } = options;
  if (signal?.aborted) throw cancelled(fileName);
  const handle = await openForReading(path);
  let encoding: TextEncodingName;
  let delimiter: CsvDelimiter;
  let notes: string[];
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw notAFile(path);
    if (stat.size === 0) throw emptyFile(fileName);
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    ({ encoding, notes } = await detectEncoding(handle, start, fileName, options.encoding, signal));
    const sample = createChunkDecoder(encoding).decode(start);
    const reason = binaryReason(sample);
    if (reason !== null) throw notText(fileName, reason);
    if (options.delimiter !== undefined) {
      delimiter = options.delimiter;
    } else {
      delimiter = detectDelimiter(sample, bytesRead >= stat.size);
      if (delimiter !== ',') notes.push(delimiterNote(delimiter));
    }
  } finally {
    await handle.close();
  }
  const plan: RecordReadPlan = { path, fileName, encoding, delimiter, signal };
  for await (const batch of readRecordBatches(plan)) {
    const first = batch.rows[0];
    if (first !== undefined) return { ...plan, delimiter, notes, header: first.cells, headerLine: first.line };
  }
  throw emptyFile(fileName);
}

/**
 * Hands out a batch's rows synchronously (one resolved promise per row, no generator machinery) and
 * reads the next chunk when the batch runs out. The first record, the header, is skipped.
 */
class RowIterator implements AsyncIterator<TableRow> {
  private readonly batches: AsyncGenerator<RecordBatch, void, undefined>;
  private rows: TableRow[] = [];
  private index = 0;
  private headerSeen = false;
  private reportedBytes = -1;
  private refilling: Promise<IteratorResult<TableRow>> | null = null;

  constructor(
    private readonly plan: CsvPlan,
    private readonly onProgress: CsvOptions['onProgress'],
  ) {
    this.batches = readRecordBatches(plan);
  }

  next(): Promise<IteratorResult<TableRow>> {
    if (this.refilling !== null) return this.refilling.then(() => this.next());
    const row = this.rows[this.index];
    if (row !== undefined) {
      this.index++;
      return Promise.resolve({ done: false, value: row });
    }
    this.refilling = this.refill().finally(() => {
      this.refilling = null;
    });
    return this.refilling;
  }

  async return(): Promise<IteratorResult<TableRow>> {
    this.rows = [];
    await this.batches.return(undefined);
    return { done: true, value: undefined };
  }

  private async refill(): Promise<IteratorResult<TableRow>> {
    for (;;) {
      const result = await this.batches.next();
      if (result.done === true) {
        this.rows = [];
        return { done: true, value: undefined };
      }
      const batch = result.value;
      this.rows = batch.rows;
      this.index = 0;
      if (!this.headerSeen && batch.rows.length > 0) {
        this.headerSeen = true;
        const header = batch.rows[0]!;
        if (header.line !== this.plan.headerLine || !sameCells(header.cells, this.plan.header)) throw changedWhileReading(this.plan.fileName);
        this.index = 1;
      }
      if (batch.bytesRead !== this.reportedBytes) {
        this.reportedBytes = batch.bytesRead;
        this.onProgress?.(batch.bytesRead, batch.totalBytes);
      }
      const row = this.rows[this.index];
      if (row !== undefined) {
        this.index++;
        return { done: false, value: row };
      }
    }
  }
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/**
 * Opens a CSV file for import. Throws AttestError EMPTY_FILE, NOT_TEXT, NOT_FOUND, USAGE (a folder),
 * CANCELLED, and CORRUPT_FILE / CELL_TOO_LARGE / TOO_MANY_COLUMNS when the header itself is broken;
 * the rows iterator throws the same codes for problems further into the file.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<TableSource> {
  const plan = await planCsv(path, options);
  return {
    kind: 'table',
    header: plan.header,
    headerLine: plan.headerLine,
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    sheet: null,
    notes: plan.notes,
    rows: () => ({ [Symbol.asyncIterator]: () => new RowIterator(plan, options.onProgress) }),
  };
}

/** The number of data rows (records after the header): the parse alone, as a benchmark floor. */
export async function countCsvRows(path: string, options: CsvOptions = {}): Promise<number> {
  const plan = await planCsv(path, options);
  let records = 0;
  let reported = -1;
  for await (const batch of readRecordBatches(plan)) {
    records += batch.rows.length;
    if (batch.bytesRead !== reported) {
      reported = batch.bytesRead;
      options.onProgress?.(batch.bytesRead, batch.totalBytes);
    }
  }
  return Math.max(0, records - 1);
}
