/**
 * Which of , ; tab | separates the columns, from the first records of the file: the candidate that
 * splits the header into the most consistent shape wins. Quote-aware: a delimiter inside a quoted
 * cell does not count, and a quoted cell may span lines.
 */

export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** In order of preference when two candidates fit equally well. */
export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** How many records after the header are checked for consistency. */
const SAMPLE_RECORDS = 10;

/**
 * The number of fields in each of the first records of `text` when split on `delimiter` (blank lines
 * skipped). A record cut off by the end of the sample counts only when it is the first one (a long
 * header), unless the sample is the whole file.
 */
export function fieldCounts(text: string, delimiter: CsvDelimiter, maxRecords: number, wholeFile: boolean): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  const n = text.length;
  let fields = 1;
  let content = false; // the record has something besides spaces and tabs (a blank line is skipped)
  let atFieldStart = true;
  let quoted = false;
  for (let i = 0; i < n && counts.length < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === d) {
      fields++;
      if (d !== TAB) content = true;
      atFieldStart = true;
    } else if (c === LF || c === CR) {
      if (content) counts.push(fields);
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      fields = 1;
      content = false;
      atFieldStart = true;
    } else {
      if (c === QUOTE && atFieldStart) quoted = true;
      if (c !== 0x20 && c !== 0x09) content = true;
      atFieldStart = false;
    }
  }
  if (content && counts.length < maxRecords && (wholeFile || counts.length === 0)) counts.push(fields);
  return counts;
}

/**
 * The delimiter for a file whose decoded start is `sample`. Candidates must split the header into at
 * least two columns; the best is the one most following records agree with, then the one giving more
 * columns, then the first in `DELIMITERS`. A file with none of them is one column: comma.
 */
export function detectDelimiter(sample: string, wholeFile: boolean): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestAgreement = -1;
  let bestColumns = 0;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, SAMPLE_RECORDS + 1, wholeFile);
    const columns = counts[0] ?? 0;
    if (columns < 2) continue;
    const rest = counts.slice(1);
    const agreement = rest.length === 0 ? 1 : rest.filter((count) => count === columns).length / rest.length;
    if (agreement > bestAgreement || (agreement === bestAgreement && columns > bestColumns)) {
      best = delimiter;
      bestAgreement = agreement;
      bestColumns = columns;
    }
  }
  return best;
}

const NAMES: Record<CsvDelimiter, string> = { ',': 'commas', ';': 'semicolons (;)', '\t': 'tabs', '|': 'vertical bars (|)' };

/** The note for a delimiter that is not a comma. */
export function delimiterNote(delimiter: CsvDelimiter): string {
  return `The columns are separated by ${NAMES[delimiter]}.`;
}
