/**
 * A zip read in place: its directory is read and checked (zip-guard: declared sizes, ratios,
 * encryption, methods) without loading the file, and each part is streamed on demand, inflated
 * chunk by chunk from the compressed bytes read through a file handle. Real sizes are checked as
 * the part inflates: one inflating past its declared size is refused at that point, so a lying
 * directory costs at most the size it declares.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AttestError } from '../../../../errors.js';
import { cancelled, changedWhileReading, fileError } from '../../csv/csv-errors.js';
import type { ZipEntry } from '../zip-guard.js';
import { cannotInflate, checkEntries, fileBytes, inflatesPastDeclared, inflatesShort, readZipDirectory } from '../zip-guard.js';

/** Compressed bytes read per file read, and inflated bytes per chunk handed on. */
const READ_BYTES = 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

type ZipSource = { kind: 'file'; path: string; size: number; mtimeMs: number } | { kind: 'buffer'; bytes: Buffer };

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    /** The file's name, for messages. */
    readonly file: string,
    private readonly source: ZipSource,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  /**
   * Reads and checks the directory of the zip at `path` (which must not change while it is read:
   * each stream checks its size and time). Throws NOT_FOUND, USAGE, CORRUPT_FILE, FILE_TOO_LARGE.
   */
  static open(path: string, file: string): ZipArchive {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw fileError(error, path);
    }
    try {
      const info = fstatSync(fd);
      const entries = readZipDirectory(fileBytes(fd, info.size), file);
      checkEntries(entries, file);
      return new ZipArchive(file, { kind: 'file', path, size: info.size, mtimeMs: info.mtimeMs }, entries);
    } finally {
      closeSync(fd);
    }
  }

  /** A zip already in memory whose entries were read and checked (zip-guard). */
  static fromBuffer(bytes: Buffer, file: string, entries: readonly ZipEntry[]): ZipArchive {
    return new ZipArchive(file, { kind: 'buffer', bytes }, entries);
  }

  /** The part named so (zip names, no leading slash), case-insensitively as OPC part names are. */
  find(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * The part's bytes, inflated, in chunks. Throws (from the iteration) CORRUPT_FILE when the part
   * is damaged or inflates to other than its declared size, CANCELLED when `signal` aborts (checked
   * per chunk). Breaking out of the iteration stops reading and closes the file.
   */
  async *chunks(entry: ZipEntry, signal?: AbortSignal): AsyncGenerator<Buffer> {
    if (signal?.aborted) throw cancelled(this.file);
    if (entry.compressedSize === 0) {
      if (entry.uncompressedSize !== 0 && entry.method === 8) throw inflatesShort(this.file, entry, 0);
      return;
    }
    const handle = this.source.kind === 'file' ? await this.reopen(this.source) : undefined;
    try {
      const start = entry.dataOffset;
      const end = entry.dataOffset + entry.compressedSize;
      const compressed =
        handle === undefined
          ? Readable.from([(this.source as { bytes: Buffer }).bytes.subarray(start, end)])
          : handle.createReadStream({ start, end: end - 1, highWaterMark: READ_BYTES, autoClose: false });
      let stream: Readable = compressed;
      if (entry.method === 8) {
        const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
        pipeline(compressed, inflate, () => {
          // Errors reach the iteration below through the inflate stream.
        });
        stream = inflate;
      }
      let produced = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          produced += chunk.length;
          if (produced > entry.uncompressedSize) throw inflatesPastDeclared(this.file, entry);
          if (signal?.aborted) throw cancelled(this.file);
          yield chunk;
        }
      } catch (error) {
        if (error instanceof AttestError) throw error;
        if (isZlibError(error)) throw cannotInflate(this.file, entry, error.message);
        throw error;
      } finally {
        stream.destroy();
        compressed.destroy();
      }
      if (produced !== entry.uncompressedSize) throw inflatesShort(this.file, entry, produced);
    } finally {
      await handle?.close();
    }
  }

  /** Opens the file again for one stream, refusing it if it changed since its directory was read. */
  private async reopen(source: { path: string; size: number; mtimeMs: number }): ReturnType<typeof open> {
    const handle = await open(source.path, 'r').catch((error: unknown) => {
      throw fileError(error, source.path);
    });
    const info = await handle.stat();
    if (info.size !== source.size || info.mtimeMs !== source.mtimeMs) {
      await handle.close();
      throw changedWhileReading(this.file);
    }
    return handle;
  }
}

function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}
