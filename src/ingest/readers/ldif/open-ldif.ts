/**
 * The LDIF reader: directory entries streamed from an RFC 2849 file of any size in constant
 * memory (one entry at a time). openLdif reads the first entry to refuse a file that is not
 * LDIF at once; entries() reads the file again from the start on every call.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AttestError } from '../../../errors.js';
import type { LdifEntry, LdifSource } from '../../source.js';
import { cancelled, fileError, notAFile } from '../csv/csv-errors.js';
import { LdifNotes, LdifParser } from './ldif-parser.js';
import { readTextLines } from './text-lines.js';

export interface LdifOptions {
  /** Aborting makes openLdif, or the entries iterator at its next chunk, throw AttestError('CANCELLED'). */
  signal?: AbortSignal;
  /** Called after each ~1 MB read while iterating entries; the last call has bytesRead === totalBytes. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

async function* readEntries(path: string, file: string, totalBytes: number, notes: LdifNotes, options: LdifOptions): AsyncGenerator<LdifEntry> {
  const parser = new LdifParser(file, notes);
  for await (const batch of readTextLines(path, { file, totalBytes, signal: options.signal, onProgress: options.onProgress })) {
    let number = batch.firstLine;
    for (const line of batch.lines) {
      const entry = parser.line(line, number++);
      if (entry !== undefined) yield entry;
    }
  }
  const last = parser.end();
  if (last !== undefined) yield last;
}

/**
 * Opens an LDIF export. Throws AttestError NOT_FOUND, USAGE (a folder), EMPTY_FILE (no bytes, or no
 * entry), NOT_TEXT (not UTF-8), CORRUPT_FILE (not LDIF, a change file, a malformed line),
 * CELL_TOO_LARGE, CANCELLED; the entries iterator throws the same for later entries. `notes` grows
 * while the entries are read (binary values kept as base64, URL values skipped).
 */
export async function openLdif(path: string, options: LdifOptions = {}): Promise<LdifSource> {
  const file = basename(path);
  if (options.signal?.aborted) throw cancelled(file);
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (info.isDirectory()) throw notAFile(path);
  const empty = (what: string): AttestError => new AttestError('EMPTY_FILE', `"${file}" ${what}; export the directory entries again and import the new file.`);
  if (info.size === 0) throw empty('is empty (0 bytes)');

  const notes = new LdifNotes();
  // The first entry, read now, refuses binary files, CSVs and change files before an import starts.
  const probe = readEntries(path, file, info.size, notes, { ...(options.signal ? { signal: options.signal } : {}) });
  try {
    const first = await probe.next();
    if (first.done === true) throw empty('has no entries (only comments, blank lines or a version line)');
  } finally {
    await probe.return(undefined);
  }

  return {
    kind: 'ldif',
    notes: notes.list,
    entries: () => readEntries(path, file, info.size, notes, options),
  };
}
