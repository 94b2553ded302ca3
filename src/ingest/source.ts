/**
 * What the readers hand to the profiles. Readers know bytes and syntax (encodings, quoting,
 * sheets, LDIF folding); profiles know meaning. Every reader streams or is bounded in memory.
 */

/** How a text file's bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One data row of a table: raw cell text in header order, and the line (or sheet row) it starts on. */
export interface TableRow {
  /** 1-based: the physical line a CSV record starts on, or the spreadsheet row number. */
  line: number;
  /** As read: not trimmed, possibly more or fewer cells than the header (a ragged row). */
  cells: readonly string[];
}

export interface TableSource {
  kind: 'table';
  /** Header cells as written in the file (not trimmed or folded). */
  header: readonly string[];
  /** The line (CSV) or row (sheet) of the header. */
  headerLine: number;
  /** Text files: the encoding used; spreadsheets: null. */
  encoding: TextEncodingName | null;
  /** CSV: the delimiter detected or given; spreadsheets: null. */
  delimiter: string | null;
  /** Spreadsheets: the sheet read; CSV: null. */
  sheet: string | null;
  /** Things the user should know about how the file was read (e.g. "not UTF-8: read as Windows-1252"). */
  notes: readonly string[];
  /** The data rows, streamed; iterate once. Throws an AttestError on a fatal problem mid-file. */
  rows: () => AsyncIterable<TableRow>;
}

/** One LDIF entry. Attribute names are lower-cased; values are decoded (base64 `::` resolved, folding undone). */
export interface LdifEntry {
  /** The line the entry's `dn:` starts on. */
  line: number;
  dn: string;
  attributes: ReadonlyMap<string, readonly string[]>;
}

export interface LdifSource {
  kind: 'ldif';
  notes: readonly string[];
  entries: () => AsyncIterable<LdifEntry>;
}

/** A JSON document, parsed whole (JSON exports are bounded by the reader's size limit). */
export interface JsonSource {
  kind: 'json';
  notes: readonly string[];
  document: unknown;
}

/** A baton `.c1z` sync file (v1): read by its profile straight from the file, through a temporary database. */
export interface SyncSource {
  kind: 'c1z';
  path: string;
  notes: readonly string[];
}

export type Source = TableSource | LdifSource | JsonSource | SyncSource;

/** Limits every reader enforces; each breach is a coded AttestError, never an out-of-memory crash. */
export const READ_LIMITS = {
  /** A JSON file larger than this is refused (FILE_TOO_LARGE): it is parsed whole. */
  maxWholeFileBytes: 512 * 1024 * 1024,
  /**
   * CSV and LDIF stream in constant memory, but one snapshot is one transaction: a text file
   * larger than this (about 9M grant rows) is refused with a request to split it.
   */
  maxTextFileBytes: 1024 * 1024 * 1024,
  /** A single value longer than this is refused (the row is rejected): no name, login or role is this long. */
  maxValueChars: 4096,
  /** Spreadsheets: compressed file size, and the total uncompressed size its zip declares. */
  maxSpreadsheetBytes: 256 * 1024 * 1024,
  maxSpreadsheetUncompressedBytes: 1024 * 1024 * 1024,
  /** One cell (CSV field) longer than this: CELL_TOO_LARGE. */
  maxCellChars: 1_000_000,
  /** A header or row with more cells than this: TOO_MANY_COLUMNS. */
  maxColumns: 16_384,
} as const;
