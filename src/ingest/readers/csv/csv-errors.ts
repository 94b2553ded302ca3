/**
 * The CSV reader's error sentences, in one place: each says what happened (with the line where it
 * matters) and what to do about it.
 */
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';

const count = (n: number): string => n.toLocaleString('en-US');

export function emptyFile(file: string): AttestError {
  return new AttestError('EMPTY_FILE', `"${file}" is empty: it has no header row and no data. Export the data again (with its header row) and import that file.`);
}

export function notText(file: string, why: string): AttestError {
  return new AttestError('NOT_TEXT', `"${file}" does not look like a text file (${why}); export it as CSV and try again.`);
}

export function unterminatedQuote(file: string, line: number): AttestError {
  return new AttestError(
    'CORRUPT_FILE',
    `"${file}": the quoted cell that opens on line ${line} is never closed, so the file ends inside it. Close the quote (or remove the stray ") on that line, or export the file again.`,
  );
}

export function cellTooLarge(file: string, line: number): AttestError {
  return new AttestError(
    'CELL_TOO_LARGE',
    `"${file}": the cell that starts on line ${line} is longer than ${count(READ_LIMITS.maxCellChars)} characters. Look for an unclosed quote near that line, or shorten the cell, and try again.`,
  );
}

export function tooManyColumns(file: string, line: number): AttestError {
  return new AttestError(
    'TOO_MANY_COLUMNS',
    `"${file}": line ${line} has more than ${count(READ_LIMITS.maxColumns)} columns. Check that the file uses the delimiter you expect (or choose the delimiter yourself) and try again.`,
  );
}

export function cancelled(file: string): AttestError {
  return new AttestError('CANCELLED', `Reading "${file}" was cancelled; start the import again to read it.`);
}

/** fs errors a user can cause (wrong path, a folder, no permission) as coded sentences; others pass through. */
export function fileError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new AttestError('NOT_FOUND', `"${path}" was not found; check the path and try again.`, { cause: error });
  if (code === 'EISDIR') return notAFile(path);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AttestError('USAGE', `"${path}" cannot be read (permission denied); copy it somewhere you can read it, or fix its permissions, and try again.`, { cause: error });
  }
  return error;
}

export function changedWhileReading(file: string): AttestError {
  return new AttestError('CORRUPT_FILE', `"${file}" changed while it was being read; wait until it is completely written (or copy it first) and import it again.`);
}

export function notAFile(path: string): AttestError {
  return new AttestError('USAGE', `"${path}" is a folder, not a file; choose the CSV file inside it.`);
}
