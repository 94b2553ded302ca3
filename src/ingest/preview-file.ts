import { findProfile } from './choose-profile.js';
import { statFile } from './import-snapshot.js';
import { openSource } from './open-source.js';

export interface FilePreview {
  /** What the file is read as: a table (CSV, sheet), or a structured source (JSON, LDIF, a sync file). */
  kind: string;
  /** Table files: the header cells as written; null for other kinds. */
  header: string[] | null;
  /** Table files: the first data rows as read (not trimmed; a ragged row keeps its cell count). */
  rows: { line: number; cells: string[] }[];
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  notes: string[];
  /** The fields the named table profile reads, for a column mapping; empty for other profiles. */
  fields: { name: string; required: boolean }[];
}

/**
 * The first rows of a file as they are written, and the fields a profile reads: what a person
 * needs to map columns by hand. Reads only as far as it shows (a streamed table stops early).
 */
export async function previewFile(path: string, options: { sheet?: string | undefined; profile?: string | undefined; rows: number; signal?: AbortSignal | undefined }): Promise<FilePreview> {
  statFile(path, 'file');
  const profile = options.profile === undefined ? null : findProfile(options.profile);
  const fields = profile?.kind === 'table' ? profile.fields.map((f) => ({ name: f.name, required: f.required })) : [];
  const { kind, source } = await openSource(path, { sheet: options.sheet, signal: options.signal });
  if (source.kind !== 'table') return { kind, header: null, rows: [], encoding: null, delimiter: null, sheet: null, notes: [...source.notes], fields };
  const rows: FilePreview['rows'] = [];
  for await (const row of source.rows()) {
    if (rows.length >= options.rows) break;
    rows.push({ line: row.line, cells: [...row.cells] });
  }
  return { kind, header: [...source.header], rows, encoding: source.encoding, delimiter: source.delimiter, sheet: source.sheet, notes: [...source.notes], fields };
}
