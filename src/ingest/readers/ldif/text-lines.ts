/**
 * A text file as batches of physical lines, streamed in constant memory: UTF-8 (BOM stripped,
 * validated, with the line of the first invalid byte) or UTF-16 with a byte-order mark.
 * Line ends are LF or CRLF; the CR is dropped.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';
import { cancelled } from '../csv/csv-errors.js';

const CHUNK_BYTES = 1 << 20;
const LF = 0x0a;
/** A physical line this long (in bytes) cannot hold a value under the cell limit, even base64-encoded. */
const MAX_LINE_BYTES = READ_LIMITS.maxCellChars * 4;

export interface LineBatch {
  /** Physical lines, in order, without their line ends. */
  lines: string[];
  /** The 1-based line number of lines[0]. */
  firstLine: number;
}

export interface TextLineOptions {
  file: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  totalBytes: number;
}

function notUtf8(file: string, line: number): AttestError {
  return new AttestError(
    'NOT_TEXT',
    `"${file}", line ${line}: the bytes are not valid UTF-8 text; LDIF must be UTF-8 (binary values base64-encoded after "::"), so export it again as UTF-8 and import the new file.`,
  );
}

function lineTooLong(file: string, line: number): AttestError {
  return new AttestError(
    'CELL_TOO_LARGE',
    `"${file}", line ${line} is longer than ${READ_LIMITS.maxCellChars.toLocaleString('en-US')} characters, more than any value Attest reads; check that the file is an LDIF export (not a binary file) and export it again.`,
  );
}

/** The line (counting from `firstLine`) that holds the first byte sequence that is not UTF-8. */
function firstInvalidLine(bytes: Buffer, firstLine: number): number {
  let line = firstLine;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(LF, start);
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line;
    if (end < 0) return line;
    start = end + 1;
    line++;
  }
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function byteOrderMark(chunk: Buffer): { encoding: Encoding; skip: number } {
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

/** Streams the file's physical lines in batches (one per ~1 MB read). */
export async function* readTextLines(path: string, options: TextLineOptions): AsyncGenerator<LineBatch> {
  const { file, signal, onProgress } = options;
  let encoding: Encoding | undefined;
  let decoder: TextDecoder | undefined;
  let carryBytes: Buffer = Buffer.alloc(0);
  let carryText = '';
  let nextLine = 1;
  let bytesRead = 0;

  const emit = (lines: string[]): LineBatch => {
    const batch = { lines, firstLine: nextLine };
    nextLine += lines.length;
    return batch;
  };

  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  for await (const read of stream as AsyncIterable<Buffer>) {
    if (signal?.aborted) throw cancelled(file);
    bytesRead += read.length;
    let chunk = read;
    if (encoding === undefined) {
      const bom = byteOrderMark(chunk);
      encoding = bom.encoding;
      chunk = chunk.subarray(bom.skip);
      if (encoding !== 'utf-8') decoder = new TextDecoder(encoding, { fatal: true });
    }

    if (decoder !== undefined) {
      let text: string;
      try {
        text = carryText + decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf16(file, nextLine);
      }
      const lines = splitLines(text);
      carryText = lines.pop() ?? '';
      if (carryText.length > MAX_LINE_BYTES) throw lineTooLong(file, nextLine + lines.length);
      if (lines.length > 0) yield emit(lines);
    } else {
      const bytes = carryBytes.length === 0 ? chunk : Buffer.concat([carryBytes, chunk]);
      const lastLf = bytes.lastIndexOf(LF);
      if (lastLf < 0) {
        carryBytes = bytes;
        if (carryBytes.length > MAX_LINE_BYTES) throw lineTooLong(file, nextLine);
      } else {
        const whole = bytes.subarray(0, lastLf);
        carryBytes = Buffer.from(bytes.subarray(lastLf + 1));
        if (!isUtf8(whole)) throw notUtf8(file, firstInvalidLine(whole, nextLine));
        yield emit(splitLines(whole.toString('utf8')));
      }
    }
    onProgress?.(bytesRead, options.totalBytes);
  }

  if (decoder !== undefined) {
    let text: string;
    try {
      text = carryText + decoder.decode();
    } catch {
      throw notUtf16(file, nextLine);
    }
    if (text !== '') yield emit(splitLines(text));
  } else if (carryBytes.length > 0) {
    if (!isUtf8(carryBytes)) throw notUtf8(file, nextLine);
    yield emit(splitLines(carryBytes.toString('utf8')));
  }
}

function notUtf16(file: string, line: number): AttestError {
  return new AttestError('NOT_TEXT', `"${file}" starts with a UTF-16 byte-order mark but is not valid UTF-16 near line ${line}; export it again as UTF-8 and import the new file.`);
}
