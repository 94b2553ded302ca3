import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import zstd from 'zstd-napi/binding.js';
import { AttestError } from '../../errors.js';
import { ProtobufError, ProtobufReader } from './protobuf-reader.js';

/** `C1ZF\0`: v1, one zstd frame holding a SQLite database. */
export const C1Z_V1_MAGIC = Buffer.from('C1ZF\0', 'latin1');
/** `C1Z3\0`: v3, a manifest and Pebble tables, which no JavaScript reader understands. */
export const C1Z_V3_MAGIC = Buffer.from('C1Z3\0', 'latin1');

/**
 * The decompressed database may be at most this large. One snapshot is one transaction; a sync
 * of ~4M grants fits. Beyond it the file is refused before the disk fills.
 */
export const MAX_SYNC_DATABASE_BYTES = 4 * 1024 ** 3;

const CHUNK = 1024 * 1024;

function timestampText(reader: ProtobufReader): string {
  let seconds = 0;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) seconds = reader.varint();
    else reader.skip();
  }
  return seconds === 0 ? 'unfinished' : new Date(seconds * 1000).toISOString();
}

/** What a v3 manifest says of its syncs (field 40), for the refusal message. */
function describeV3Manifest(manifest: Buffer): string[] {
  const runs: string[] = [];
  const reader = new ProtobufReader(manifest);
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field !== 40) {
      reader.skip();
      continue;
    }
    const run = reader.message();
    let id = '?';
    let ended = 'unfinished';
    const counts = { resources: 0, entitlements: 0, grants: 0 };
    for (let f = run.next(); f !== 0; f = run.next()) {
      if (f === 1) id = run.string();
      else if (f === 4) ended = timestampText(run.message());
      else if (f === 6) {
        const stats = run.message();
        for (let s = stats.next(); s !== 0; s = stats.next()) {
          if (s === 3) counts.resources = stats.varint();
          else if (s === 4) counts.entitlements = stats.varint();
          else if (s === 5) counts.grants = stats.varint();
          else stats.skip();
        }
      } else run.skip();
    }
    const count = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}`;
    runs.push(`sync ${id} (${ended === 'unfinished' ? 'unfinished' : `ended ${ended}`}: ${count(counts.resources, 'resources')}, ${count(counts.entitlements, 'entitlements')}, ${count(counts.grants, 'grants')})`);
  }
  return runs;
}

/** Refuses a v3 (Pebble) file with the remedy and what its manifest says. */
export function refuseV3(path: string): never {
  const fd = openSync(path, 'r');
  let runs: string[] = [];
  try {
    const head = Buffer.alloc(9);
    readSync(fd, head, 0, 9, 0);
    const length = head.readUInt32BE(5);
    if (length > 0 && length < 16 * 1024 * 1024) {
      const manifest = Buffer.alloc(length);
      readSync(fd, manifest, 0, length, 9);
      runs = describeV3Manifest(manifest);
    }
  } catch (error) {
    if (!(error instanceof ProtobufError || error instanceof RangeError)) throw error;
  } finally {
    closeSync(fd);
  }
  const says = runs.length > 0 ? ` Its manifest lists ${runs.join('; ')}.` : '';
  throw new AttestError(
    'UNSUPPORTED_FORMAT',
    `${basename(path)} is a baton .c1z in the v3 (Pebble) format, which Attest cannot read.${says} Re-run the connector with --storage-engine sqlite (or BATON_STORAGE_ENGINE=sqlite) and import the new file.`,
  );
}

/**
 * Decompresses a v1 file's zstd frame into `target` in 1 MB steps (memory stays bounded), and
 * marks the database as not in WAL mode (header bytes 18-19), so it opens without -wal/-shm files.
 * zstd itself (zstd-napi, a Node-API binding: the same build loads in Node and in Electron) does the
 * work: a JavaScript decoder took four times as long on a 600 MB database.
 * Throws CORRUPT_FILE on a broken or cut-short frame, FILE_TOO_LARGE past the size limit, CANCELLED on abort.
 */
export function decompressV1(path: string, target: string, options: { signal?: AbortSignal | undefined; onProgress?: ((done: number, total: number) => void) | undefined } = {}): number {
  const name = basename(path);
  const damaged = (why: string): AttestError => new AttestError('CORRUPT_FILE', `${name} is damaged: ${why}. Copy or export the file again.`);
  const input = openSync(path, 'r');
  const output = openSync(target, 'wx', 0o600);
  let written = 0;
  const write = (chunk: Buffer): void => {
    if (written + chunk.length > MAX_SYNC_DATABASE_BYTES) {
      throw new AttestError('FILE_TOO_LARGE', `${name} expands to more than ${MAX_SYNC_DATABASE_BYTES / 1024 ** 3} GB, more than one import takes. Sync fewer resource types per file.`);
    }
    let bytes = chunk;
    if (written === 0) {
      if (chunk.length < 20) throw damaged('it holds no database');
      bytes = Buffer.from(chunk);
      bytes[18] = 1;
      bytes[19] = 1;
    }
    writeSync(output, bytes);
    written += chunk.length;
  };
  try {
    const size = fstatSync(input).size;
    const context = new zstd.DCtx();
    const compressed = Buffer.allocUnsafe(CHUNK);
    const decompressed = Buffer.allocUnsafe(CHUNK);
    // What zstd still expects of the frame: 0 once it is complete.
    let pending = 1;
    for (let position = C1Z_V1_MAGIC.length; position < size; ) {
      if (options.signal?.aborted) throw new AttestError('CANCELLED', 'The import was cancelled; nothing was imported.');
      const read = readSync(input, compressed, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      let source = compressed.subarray(0, read);
      // Until zstd has taken all of this read and has nothing more to give out of it.
      for (let produced = -1; source.length > 0 || produced === decompressed.length; ) {
        let consumed: number;
        try {
          [pending, produced, consumed] = context.decompressStream(decompressed, source);
        } catch (error) {
          throw damaged(`its compressed data does not decode (${(error as Error).message})`);
        }
        if (produced > 0) write(decompressed.subarray(0, produced));
        source = source.subarray(consumed);
      }
      options.onProgress?.(Math.min(position, size), size);
    }
    if (pending !== 0) throw damaged('its compressed data ends before the database does (the file was cut short)');
  } finally {
    closeSync(input);
    closeSync(output);
  }
  if (written === 0) throw damaged('it holds no database');
  return written;
}
