/**
 * The streaming pipeline: file → ~1 MB byte chunks → decoded text → parsed records, one batch per
 * chunk. Memory is one chunk, its records, and the record being read, whatever the file's size.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { TableRow, TextEncodingName } from '../../source.js';
import { createChunkDecoder } from './chunk-decoder.js';
import { cancelled, fileError } from './csv-errors.js';
import { CsvParser } from './csv-parser.js';

export const CHUNK_BYTES = 1024 * 1024;
/** Bytes decoded and parsed per batch. */
const PARSE_BYTES = 64 * 1024;

export interface RecordReadPlan {
  path: string;
  /** Named in error messages. */
  fileName: string;
  encoding: TextEncodingName;
  delimiter: string;
  signal?: AbortSignal | undefined;
  /** Bytes per read; tests use tiny chunks to put chunk boundaries everywhere. */
  chunkBytes?: number;
}

export interface RecordBatch {
  /** The records completed by this chunk (the header is the first record of the first non-empty batch). */
  rows: TableRow[];
  /** Bytes of the file consumed so far. */
  bytesRead: number;
  /** The file's size when it was opened (or the bytes read, if it grew). */
  totalBytes: number;
}

export async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
}

/** Every record of the file, header included, in batches. The abort signal is checked before each batch. */
export async function* readRecordBatches(plan: RecordReadPlan): AsyncGenerator<RecordBatch, void, undefined> {
  const handle = await openForReading(plan.path);
  try {
    const size = (await handle.stat()).size;
    const chunkBytes = plan.chunkBytes ?? CHUNK_BYTES;
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = createChunkDecoder(plan.encoding);
    const parser = new CsvParser({ delimiter: plan.delimiter, fileName: plan.fileName });
    let bytesRead = 0;
    const batchOf = (rows: TableRow[]): RecordBatch => ({ rows, bytesRead, totalBytes: Math.max(size, bytesRead) });
    for (;;) {
      if (plan.signal?.aborted) throw cancelled(plan.fileName);
      let got: number;
      try {
        ({ bytesRead: got } = await handle.read(buffer, 0, chunkBytes, null));
      } catch (error) {
        throw fileError(error, plan.path);
      }
      if (got === 0) break;
      // Parsed and handed out in slices of PARSE_BYTES: small batches keep few rows alive at once, which
      // keeps the young-generation GC cheap (a 1 MB batch made scavenges copy ~8,000 live rows each).
      for (let offset = 0; offset < got; offset += PARSE_BYTES) {
        if (offset > 0 && plan.signal?.aborted) throw cancelled(plan.fileName);
        const end = Math.min(offset + PARSE_BYTES, got);
        bytesRead += end - offset;
        const rows: TableRow[] = [];
        try {
          parser.push(decoder.decode(buffer.subarray(offset, end)), rows);
        } catch (error) {
          // A broken record (too many columns, a huge cell): hand out the good records before it first.
          if (rows.length > 0) yield batchOf(rows);
          throw error;
        }
        yield batchOf(rows);
      }
    }
    const rows: TableRow[] = [];
    try {
      parser.push(decoder.end(), rows);
      parser.end(rows);
    } catch (error) {
      if (rows.length > 0) yield batchOf(rows);
      throw error;
    }
    yield batchOf(rows);
  } finally {
    await handle.close();
  }
}
