/**
 * Which encoding a CSV file is in: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one the
 * whole file is validated as UTF-8 in a streaming pre-pass, and a file that is not valid UTF-8 is
 * read as Windows-1252 (what Excel on Windows writes for "CSV"), with a note saying so.
 */
import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import type { TextEncodingName } from '../../source.js';
import { cancelled, notText } from './csv-errors.js';
import { hasNulByte } from './detect-binary.js';

const VALIDATE_CHUNK_BYTES = 1024 * 1024;

export interface EncodingDecision {
  encoding: TextEncodingName;
  /** What the user should know about the choice (empty for a plain UTF-8 or BOM-marked file). */
  notes: string[];
}

export function bomEncoding(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte-order mark, recognised by its zero bytes: mostly-ASCII text in UTF-16 LE has a
 * zero at (nearly) every odd offset and almost none at even offsets; BE the other way round.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.7 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.7 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs, surrogates
 * and code points above U+10FFFF are ill-formed), or -1. A sequence cut off by the end counts as bad.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Unicode's table of well-formed sequences: the second byte's range depends on the lead byte.
    let need = 3;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** How many leading bytes end on a character boundary (a multi-byte sequence cut by the end is left out). */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

/**
 * Streams the file from `start` and returns the offset of its first invalid UTF-8 byte, or -1 when the
 * whole file is valid. Stops at the first bad sequence; memory is one chunk.
 */
export async function findInvalidUtf8(handle: FileHandle, start: number, file: string, signal?: AbortSignal): Promise<number> {
  const buffer = Buffer.allocUnsafe(VALIDATE_CHUNK_BYTES + 4);
  let carried = 0;
  let position = start;
  for (;;) {
    if (signal?.aborted) throw cancelled(file);
    const { bytesRead } = await handle.read(buffer, carried, VALIDATE_CHUNK_BYTES, position);
    const dataStart = position - carried;
    if (bytesRead === 0) {
      return carried === 0 ? -1 : dataStart;
    }
    position += bytesRead;
    const data = buffer.subarray(0, carried + bytesRead);
    const complete = completeLength(data);
    const whole = data.subarray(0, complete);
    if (!isUtf8(whole)) {
      const bad = firstInvalidUtf8(whole);
      return dataStart + (bad === -1 ? complete : bad);
    }
    carried = data.length - complete;
    buffer.copyWithin(0, complete, data.length);
  }
}

/** Windows-1252 note, as the user reads it. */
export function windows1252Note(offset: number): string {
  return `The file is not valid UTF-8 (first bad byte at offset ${offset}); it was read as Windows-1252.`;
}

/**
 * Decides the encoding from the first bytes (`head`) and, without a byte-order mark, a UTF-8 pass
 * over the whole file. Refuses binary files (NUL bytes in a file that is not UTF-16).
 */
export async function detectEncoding(
  handle: FileHandle,
  head: Uint8Array,
  file: string,
  given: TextEncodingName | undefined,
  signal?: AbortSignal,
): Promise<EncodingDecision> {
  const bom = bomEncoding(head);
  const wide = given === 'utf-16le' || given === 'utf-16be' || (given === undefined && (bom === 'utf-16le' || bom === 'utf-16be'));
  let bomless: 'utf-16le' | 'utf-16be' | null = null;
  if (!wide && hasNulByte(head)) {
    bomless = given === undefined ? utf16WithoutBom(head) : null;
    if (bomless === null) throw notText(file, 'it contains NUL bytes');
  }
  if (given !== undefined) return { encoding: given, notes: [] };
  if (bom === 'utf-16le' || bom === 'utf-16be') return { encoding: bom, notes: [] };
  if (bomless !== null) {
    const name = bomless === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    return { encoding: bomless, notes: [`The file has no byte-order mark but looks like ${name}; it was read as ${name}.`] };
  }
  const bad = await findInvalidUtf8(handle, bom === 'utf-8' ? 3 : 0, file, signal);
  if (bad === -1) return { encoding: 'utf-8', notes: [] };
  if (bom === 'utf-8') {
    return {
      encoding: 'utf-8',
      notes: [`The file is marked as UTF-8 but is not valid UTF-8 (first bad byte at offset ${bad}); the invalid bytes were read as the replacement character �.`],
    };
  }
  return { encoding: 'windows-1252', notes: [windows1252Note(bad)] };
}
