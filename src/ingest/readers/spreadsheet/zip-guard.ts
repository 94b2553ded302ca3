/**
 * Checks a zip-based workbook (xlsx, xlsm, ods) before it is read. A zip bomb must be refused from
 * the zip's own directory (declared sizes and compression ratios). SheetJS inflates every part of
 * a zip into memory at once, so before it sees one, a zip whose parts inflate to more than it
 * declares must be refused by inflating each part once, streamed and discarded, in constant
 * memory (guardZip). The streaming xlsx reader checks real sizes as it inflates instead.
 */
import { readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; SheetJS reads no other method. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start (after its local header). */
  dataOffset: number;
}

/**
 * Random access to a zip's bytes: a buffer in memory, or a file read through its descriptor.
 * `read` may return fewer bytes than asked for past the end; every offset is checked against
 * `length` before it is read, and a short read fails as a RangeError, reported as damage.
 */
export interface ZipBytes {
  readonly length: number;
  read(at: number, length: number): Buffer;
}

export function bufferBytes(bytes: Buffer): ZipBytes {
  return { length: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/** A file's bytes through an open descriptor, read as they are asked for (the directory is small). */
export function fileBytes(fd: number, length: number): ZipBytes {
  return {
    length,
    read: (at, wanted) => {
      const out = Buffer.allocUnsafe(Math.max(0, Math.min(wanted, length - at)));
      let filled = 0;
      while (filled < out.length) {
        const got = readSync(fd, out, filled, out.length - filled, at + filled);
        if (got === 0) break;
        filled += got;
      }
      return out.subarray(0, filled);
    },
  };
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** An entry inflating more than this many times its compressed size, past 1 MB, is a bomb. */
const MAX_RATIO = 1000;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
/** Real workbooks have tens to a few thousand parts; SheetJS keeps an object per part. */
const MAX_ENTRIES = 100_000;

const count = (n: number): string => n.toLocaleString('en-US');

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${count(bytes)} bytes`;
}

export function corrupt(file: string, what: string): AttestError {
  return new AttestError('CORRUPT_FILE', `"${file}" is damaged or incomplete (${what}); open it in Excel or LibreOffice, save it again, and import the saved copy.`);
}

export function tooLarge(file: string, what: string): AttestError {
  return new AttestError('FILE_TOO_LARGE', `"${file}" was refused before unpacking because ${what}; export the sheet you need as CSV (or split the workbook) and import that.`);
}

function u16(bytes: Buffer, at: number): number {
  return bytes.readUInt16LE(at);
}

function u32(bytes: Buffer, at: number): number {
  return bytes.readUInt32LE(at);
}

function u64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** The End Of Central Directory record: the last one in the file whose comment fits (-1: none). */
function findEndOfCentralDirectory(bytes: ZipBytes): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  const tail = bytes.read(lowest, bytes.length - lowest);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (u32(tail, at) === EOCD_SIGNATURE && lowest + at + EOCD_SIZE + u16(tail, at + 20) <= bytes.length) return lowest + at;
  }
  return -1;
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
  /** Where the directory must end: the ZIP64 end record or the classic one. */
  end: number;
}

function readDirectoryLocation(bytes: ZipBytes, file: string): Directory {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt(file, 'its zip directory is missing: the file is cut short or is not a whole workbook');
  const end = bytes.read(eocd, EOCD_SIZE);
  if (u16(end, 4) !== 0 || u16(end, 6) !== 0) throw corrupt(file, 'it is one part of a multi-part zip');
  const directory: Directory = { entries: u16(end, 10), size: u32(end, 12), offset: u32(end, 16), end: eocd };
  const zip64 = directory.entries === 0xffff || directory.size === 0xffffffff || directory.offset === 0xffffffff;
  const locator = eocd - 20;
  if (zip64 && locator >= 0 && u32(bytes.read(locator, 4), 0) === ZIP64_LOCATOR_SIGNATURE) {
    const record = u64(bytes.read(locator + 8, 8), 0);
    if (record + 56 > locator) throw corrupt(file, 'its ZIP64 directory record is missing');
    const body = bytes.read(record, 56);
    if (u32(body, 0) !== ZIP64_EOCD_SIGNATURE) throw corrupt(file, 'its ZIP64 directory record is missing');
    return { entries: u64(body, 32), size: u64(body, 40), offset: u64(body, 48), end: record };
  }
  return directory;
}

/** The ZIP64 extended-information extra field replaces whichever 32-bit sizes are 0xFFFFFFFF. */
function applyZip64Extra(extra: Buffer, sizes: { uncompressed: number; compressed: number; localOffset: number }): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = u16(extra, at);
    const length = u16(extra, at + 2);
    const body = at + 4;
    if (id === 0x0001) {
      let field = body;
      const next = (): number | undefined => {
        if (field + 8 > body + length || field + 8 > extra.length) return undefined;
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (sizes.uncompressed === 0xffffffff) sizes.uncompressed = next() ?? sizes.uncompressed;
      if (sizes.compressed === 0xffffffff) sizes.compressed = next() ?? sizes.compressed;
      if (sizes.localOffset === 0xffffffff) sizes.localOffset = next() ?? sizes.localOffset;
      return;
    }
    at = body + length;
  }
}

/**
 * The zip's directory, every offset checked against the file's length. Throws CORRUPT_FILE,
 * FILE_TOO_LARGE (too many parts). Checks nothing about sizes: see checkEntries.
 */
export function readZipDirectory(bytes: ZipBytes, file: string): ZipEntry[] {
  try {
    return readEntries(bytes, file);
  } catch (error) {
    // Every offset is checked before it is read; a RangeError here would be a check missed.
    if (error instanceof RangeError) throw corrupt(file, 'its zip directory is unreadable');
    throw error;
  }
}

function readEntries(bytes: ZipBytes, file: string): ZipEntry[] {
  const directory = readDirectoryLocation(bytes, file);
  if (directory.offset + directory.size > directory.end) throw corrupt(file, 'its zip directory points past the end of the file, so the file is cut short');
  if (directory.entries > MAX_ENTRIES) throw tooLarge(file, `its zip holds ${count(directory.entries)} parts (a workbook has at most a few thousand)`);
  const entries: ZipEntry[] = [];
  const central = bytes.read(directory.offset, directory.size);
  let at = 0;
  for (let index = 0; index < directory.entries; index++) {
    if (at + 46 > central.length || u32(central, at) !== CENTRAL_SIGNATURE) throw corrupt(file, `zip directory entry ${index + 1} is unreadable`);
    const flags = u16(central, at + 8);
    const method = u16(central, at + 10);
    const nameLength = u16(central, at + 28);
    const extraLength = u16(central, at + 30);
    const commentLength = u16(central, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > central.length) throw corrupt(file, `zip directory entry ${index + 1} runs past the directory`);
    const name = central.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const sizes = { compressed: u32(central, at + 20), uncompressed: u32(central, at + 24), localOffset: u32(central, at + 42) };
    applyZip64Extra(central.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);

    const local = sizes.localOffset;
    if (local + 30 > directory.offset) throw corrupt(file, `the part "${name}" is missing from the zip`);
    const header = bytes.read(local, 30);
    if (u32(header, 0) !== LOCAL_SIGNATURE) throw corrupt(file, `the part "${name}" is missing from the zip`);
    const dataOffset = local + 30 + u16(header, 26) + u16(header, 28);
    if (dataOffset + sizes.compressed > directory.offset) throw corrupt(file, `the part "${name}" is cut short`);
    entries.push({ name, method, flags, compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed, dataOffset });
    at = next;
  }
  return entries;
}

/**
 * What the directory alone tells, nothing inflated: FILE_TOO_LARGE for a zip bomb (declared total
 * over the limit, or an absurd ratio), CORRUPT_FILE for an encrypted or unknown-method part or a
 * stored part whose two sizes differ.
 */
export function checkEntries(entries: readonly ZipEntry[], file: string): void {
  checkDeclaredSizes(entries, file);
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) throw corrupt(file, `its part "${entry.name}" is encrypted`);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(file, `the stored part "${entry.name}" declares two different sizes`);
    } else if (entry.method !== 8) {
      throw corrupt(file, `its part "${entry.name}" uses zip compression method ${entry.method}, which Attest cannot read`);
    }
  }
}

/** A part that inflates past its declared size: CORRUPT_FILE (the directory lies, or the part is damaged). */
export function inflatesPastDeclared(file: string, entry: ZipEntry): AttestError {
  return corrupt(file, `its part "${entry.name}" inflates to more than the ${count(entry.uncompressedSize)} bytes its zip directory declares`);
}

/** A part that inflates to less than its declared size. */
export function inflatesShort(file: string, entry: ZipEntry, produced: number): AttestError {
  return corrupt(file, `its part "${entry.name}" inflates to ${count(produced)} bytes, not the ${count(entry.uncompressedSize)} its zip directory declares`);
}

/** A part whose deflate stream is damaged. */
export function cannotInflate(file: string, entry: ZipEntry, reason: string): AttestError {
  return corrupt(file, `its part "${entry.name}" cannot be inflated: ${reason}`);
}

/** Refuses a zip bomb from the directory's declared sizes alone: nothing is inflated. */
function checkDeclaredSizes(entries: readonly ZipEntry[], file: string): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > MAX_RATIO) {
      throw tooLarge(file, `its part "${entry.name}" would inflate ${count(Math.round(ratio))} times, to ${size(entry.uncompressedSize)}, which only a zip bomb does`);
    }
  }
  if (total > READ_LIMITS.maxSpreadsheetUncompressedBytes) {
    throw tooLarge(file, `it would unpack to ${size(total)}, more than the ${size(READ_LIMITS.maxSpreadsheetUncompressedBytes)} Attest reads from one workbook`);
  }
}

/** Inflates one deflated part, counting and discarding the output; stops as soon as it exceeds the declared size. */
function inflatedSize(bytes: Buffer, entry: ZipEntry, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    let settled = false;
    const fail = (error: AttestError): void => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) fail(inflatesPastDeclared(file, entry));
    });
    inflate.on('error', (error: Error) => fail(cannotInflate(file, entry, error.message)));
    inflate.on('end', () => {
      if (produced !== entry.uncompressedSize) fail(inflatesShort(file, entry, produced));
      else if (!settled) {
        settled = true;
        resolve();
      }
    });
    inflate.end(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
  });
}

/**
 * Inflates every deflated part once (streamed, discarded) and refuses one inflating to other than
 * its declared size: CORRUPT_FILE. Stops early, without a word, when `signal` aborts.
 */
export async function verifyInflatedSizes(bytes: Buffer, entries: readonly ZipEntry[], file: string, signal?: AbortSignal): Promise<void> {
  for (const entry of entries) {
    if (entry.method === 8) await inflatedSize(bytes, entry, file);
    if (signal?.aborted) break;
  }
}

/** Refuses a zip-based workbook SheetJS must not inflate: readZipDirectory, checkEntries, verifyInflatedSizes. */
export async function guardZip(bytes: Buffer, file: string, signal?: AbortSignal): Promise<ZipEntry[]> {
  const entries = readZipDirectory(bufferBytes(bytes), file);
  checkEntries(entries, file);
  await verifyInflatedSizes(bytes, entries, file, signal);
  return entries;
}
