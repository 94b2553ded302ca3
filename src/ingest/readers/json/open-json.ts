/**
 * The JSON reader: one document parsed whole, refused by its size before it is read. JSON.parse
 * makes `__proto__` an own property (it never sets a prototype), so a hostile document pollutes
 * nothing; code that copies its objects must not use Object.assign or `obj[key] = …` on `{}`.
 */
import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AttestError } from '../../../errors.js';
import type { JsonSource } from '../../source.js';
import { READ_LIMITS } from '../../source.js';
import { cancelled, fileError, notAFile } from '../csv/csv-errors.js';
import { jsonErrorOffset } from './json-error-offset.js';

export interface JsonOptions {
  /** Aborting makes openJson throw AttestError('CANCELLED'). */
  signal?: AbortSignal;
}

const megabytes = (bytes: number, digits = 0): string => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} MB`;

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** V8's reason without the place (found here instead) or the copy of the document it may quote. */
function parserReason(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/\.$/, '');
}

function notJson(file: string, text: string, error: unknown): AttestError {
  const reason = parserReason(error instanceof Error ? error.message : String(error));
  const offset = jsonErrorOffset(text);
  const { line, column } = lineAndColumn(text, offset < 0 ? text.length : offset);
  const place = offset >= text.length || offset < 0 ? `at the end of the file (line ${line}), so it looks cut short` : `at line ${line}, column ${column}`;
  return new AttestError('CORRUPT_FILE', `"${file}" is not valid JSON: ${reason} ${place}; export it again, complete, and import the new file.`, { cause: error });
}

/**
 * Opens a JSON document. Throws AttestError NOT_FOUND, USAGE (a folder), EMPTY_FILE, FILE_TOO_LARGE
 * (over READ_LIMITS.maxWholeFileBytes, refused before reading), NOT_TEXT (not UTF-8),
 * CORRUPT_FILE (not valid JSON, with the line and column), CANCELLED.
 */
export async function openJson(path: string, options: JsonOptions = {}): Promise<JsonSource> {
  const file = basename(path);
  const { signal } = options;
  if (signal?.aborted) throw cancelled(file);
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (info.isDirectory()) throw notAFile(path);
  const empty = (): AttestError => new AttestError('EMPTY_FILE', `"${file}" is empty; export the JSON again and import the new file.`);
  if (info.size === 0) throw empty();
  if (info.size > READ_LIMITS.maxWholeFileBytes) {
    throw new AttestError(
      'FILE_TOO_LARGE',
      `"${file}" is ${megabytes(info.size, 1)}, more than the ${megabytes(READ_LIMITS.maxWholeFileBytes)} Attest reads from one JSON file; export it in parts (for example with --max-items and the NextToken/Marker it returns) and import each part.`,
    );
  }
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (signal?.aborted) throw cancelled(file);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) throw new AttestError('NOT_TEXT', `"${file}" is not UTF-8 text, so it is not a JSON export; export it again as JSON (UTF-8) and import the new file.`);
  let text: string;
  try {
    text = body.toString('utf8');
  } catch (error) {
    // V8's longest string is 2^29 - 24 characters, a few bytes under the size limit.
    throw new AttestError('FILE_TOO_LARGE', `"${file}" is too large to read as one JSON document; export it in parts and import each part.`, { cause: error });
  }
  if (text.trim() === '') throw empty();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw notJson(file, text, error);
  }
  return { kind: 'json', notes: [], document };
}
