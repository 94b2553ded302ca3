/**
 * Variants of the real baton sample files for tests: unpack a `.c1z` to its SQLite database,
 * change it with SQL, and pack it again as a valid zstd frame (raw blocks: zstd without
 * compression, which every decoder must read). Also the few protobuf bytes tests append.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decompress } from 'zstd-napi';

export const C1Z_FIXTURES = new URL('../fixtures/c1z/', import.meta.url).pathname;
export const EXPANDED = join(C1Z_FIXTURES, 'sync.36zfOAoWMxQdISbixanQCRBiX7E.expanded.c1z');
export const UNEXPANDED = join(C1Z_FIXTURES, 'sync.36zfOAoWMxQdISbixanQCRBiX7E.unexpanded.c1z');
export const IN_PROGRESS = join(C1Z_FIXTURES, 'sync-in-progress.c1z');
export const PEBBLE = join(C1Z_FIXTURES, 'sync.36zGvJw3uxU1QMJKU2yPVQ1hBOC.unexpanded.pebble.c1z');

const V1_MAGIC = Buffer.from('C1ZF\0', 'latin1');
const RAW_BLOCK_MAX = 128 * 1024;

/** A zstd frame of raw blocks: magic, a header with a 128 KB window, 3-byte block headers. */
export function zstdRawFrame(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3])];
  for (let offset = 0; offset < data.length || offset === 0; offset += RAW_BLOCK_MAX) {
    const block = data.subarray(offset, offset + RAW_BLOCK_MAX);
    const last = offset + RAW_BLOCK_MAX >= data.length ? 1 : 0;
    const header = (block.length << 3) | last; // block type 0: raw
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), block);
    if (last) break;
  }
  return Buffer.concat(parts);
}

export function packC1z(database: Buffer): Buffer {
  return Buffer.concat([V1_MAGIC, zstdRawFrame(database)]);
}

/** The SQLite bytes inside a v1 file. */
export function unpackC1z(path: string): Buffer {
  return Buffer.from(decompress(readFileSync(path).subarray(V1_MAGIC.length)));
}

/** A copy of a v1 file in `dir` whose database `change` has edited. */
export function editC1z(source: string, dir: string, name: string, change: (db: Database.Database) => void): string {
  const databasePath = join(dir, `${name}.sqlite`);
  writeFileSync(databasePath, unpackC1z(source));
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = DELETE');
    change(db);
  } finally {
    db.close();
  }
  const out = join(dir, name);
  writeFileSync(out, packC1z(readFileSync(databasePath)));
  return out;
}

/** A protobuf varint. */
export function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** One varint protobuf field (an integer, an enum, a boolean). */
export function varintField(field: number, value: number): Buffer {
  return Buffer.concat([varint(field << 3), varint(value)]);
}

/** One length-delimited protobuf field. */
export function bytesField(field: number, value: Buffer | string): Buffer {
  const bytes = Buffer.from(value);
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}
