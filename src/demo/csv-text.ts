/**
 * CSV text the way spreadsheet-style exports write it (RFC 4180): a header row, one line per
 * record, fields quoted only when they contain a comma, a double quote, CR or LF (quotes doubled).
 * Rows are records keyed by the header's column names, so the compiler checks that a writer fills
 * every column, and the column order is the header's.
 */

export type CsvRecord<H extends readonly string[]> = Record<H[number], string>;

export interface CsvLayout {
  eol: '\r\n' | '\n';
  /** Whether the last record is followed by a line break too. */
  finalEol: boolean;
}

export const SPREADSHEET_LAYOUT: CsvLayout = { eol: '\r\n', finalEol: true };

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

export function csvText<const H extends readonly string[]>(header: H, records: readonly CsvRecord<H>[], layout: CsvLayout = SPREADSHEET_LAYOUT): string {
  const lines = [csvLine(header), ...records.map((r) => csvLine(header.map((column: H[number]) => r[column])))];
  return lines.join(layout.eol) + (layout.finalEol ? layout.eol : '');
}

/** A record with every column empty, to spread and fill the columns an export uses. */
export function blankRecord<const H extends readonly string[]>(header: H): CsvRecord<H> {
  return Object.fromEntries(header.map((column) => [column, ''])) as CsvRecord<H>;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
export const trueFalse = (value: boolean): string => (value ? 'True' : 'False');
