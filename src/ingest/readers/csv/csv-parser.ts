/**
 * RFC 4180 parsing as a char-code state machine over decoded text chunks. Records may span chunks;
 * a field cut by a chunk's end is carried as text, completed fields are kept, nothing is re-parsed.
 *
 * - Quoted fields: `""` is a quote; delimiters and CR, LF, CRLF newlines inside quotes are text.
 * - Records end at CRLF, LF or a lone CR. Blank lines (empty, or only spaces and tabs) are skipped.
 * - Lenient where files in the wild are: a quote inside an unquoted field is kept as written, and
 *   text after a closing quote (`"ab"c`) continues the field (`abc`), as spreadsheet programs do.
 * - `line` is the 1-based physical line a record starts on; newlines inside quoted cells count.
 * - Limits are checked while parsing: a record never grows past maxColumns + 1 fields and a field
 *   never past maxCellChars + one chunk.
 */
import type { TableRow } from '../../source.js';
import { READ_LIMITS } from '../../source.js';
import { cellTooLarge, tooManyColumns, unterminatedQuote } from './csv-errors.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** Between fields: the next character starts a field. */
const FIELD_START = 0;
/** Inside an unquoted field (or the unquoted tail after a closing quote). */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** A quote inside a quoted field was the last character of a chunk: the next one decides what it was. */
const QUOTE_AT_CHUNK_END = 3;

export interface CsvParserOptions {
  delimiter: string;
  /** Named in error messages. */
  fileName: string;
  maxColumns?: number;
  maxCellChars?: number;
}

function allBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** The index of `char` in `text` at or after `from`, or text.length when there is none. */
function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly delimiterChar: string;
  private readonly fileName: string;
  private readonly maxColumns: number;
  private readonly maxCellChars: number;

  private state = FIELD_START;
  /** Fields of the current record completed so far. */
  private fields: string[] = [];
  /** The current field's text from earlier chunks (quoted content already unescaped). */
  private partial = '';
  /** The current record has a quoted field (so `""` alone on a line is not a blank line). */
  private recordQuoted = false;
  /** The physical line being read (1-based). */
  private line = 1;
  /** The line the current record started on. */
  private recordLine = 1;
  /** The line the current field started on. */
  private fieldLine = 1;
  /** The previous chunk ended with a CR that ended a record: an LF at the start of this one belongs to it. */
  private skipLf = false;
  /** The previous chunk's last character was a CR (inside a quoted field a following LF is the same newline). */
  private lastWasCr = false;

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1 || options.delimiter === '"' || options.delimiter === '\r' || options.delimiter === '\n') {
      throw new RangeError(`A CSV delimiter must be one character other than a quote or a newline, not ${JSON.stringify(options.delimiter)}.`);
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.delimiterChar = options.delimiter;
    this.fileName = options.fileName;
    this.maxColumns = options.maxColumns ?? READ_LIMITS.maxColumns;
    this.maxCellChars = options.maxCellChars ?? READ_LIMITS.maxCellChars;
  }

  /** Parses the next chunk of text, appending the records it completes to `out`. */
  push(text: string, out: TableRow[]): void {
    const n = text.length;
    if (n === 0) return;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    if (this.state === QUOTE_AT_CHUNK_END) {
      if (text.charCodeAt(i) === QUOTE) {
        // The quote that ended the previous chunk and this one are "": a literal quote, still quoted.
        this.carry('"');
        this.state = QUOTED;
        i++;
      } else {
        i = this.afterClosingQuote(text, i, out);
      }
    }

    // Where the next delimiter, LF and CR are (n: none left in this chunk), found with indexOf (native,
    // several times faster than a charCodeAt loop) and looked up again only once parsing has passed them.
    const delimiter = this.delimiterChar;
    let nextDelimiter = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (i < n) {
      if (this.state === QUOTED) {
        i = this.scanQuoted(text, i, out);
        continue;
      }
      if (this.state === FIELD_START) {
        this.fieldLine = this.line;
        if (text.charCodeAt(i) === QUOTE) {
          this.recordQuoted = true;
          i = this.scanQuoted(text, i + 1, out);
          continue;
        }
        this.state = UNQUOTED;
      }
      // UNQUOTED: the field runs to the nearest delimiter or newline (a quote here is just text).
      if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
      if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
      if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
      let j = nextDelimiter;
      if (nextLf < j) j = nextLf;
      if (nextCr < j) j = nextCr;
      if (j === n) {
        this.carry(text.slice(i, n));
        i = n;
        break;
      }
      const value = this.partial === '' ? text.slice(i, j) : this.partial + text.slice(i, j);
      this.partial = '';
      this.addField(value);
      if (j === nextDelimiter) {
        // A delimiter at the very end of the chunk leaves the next (maybe empty) field pending.
        this.state = FIELD_START;
        i = j + 1;
      } else {
        i = this.endRecord(text, j, out);
      }
    }
    this.lastWasCr = text.charCodeAt(n - 1) === CR;
  }

  /** The end of the input: completes the last record, or throws if it ends inside a quoted field. */
  end(out: TableRow[]): void {
    switch (this.state) {
      case QUOTED:
        throw unterminatedQuote(this.fileName, this.fieldLine);
      case QUOTE_AT_CHUNK_END:
      case UNQUOTED:
        this.addField(this.partial);
        this.partial = '';
        this.emit(out);
        break;
      default:
        // FIELD_START: after a delimiter the record has one more (empty) field; after a newline, nothing.
        if (this.fields.length > 0) {
          this.addField('');
          this.emit(out);
        }
    }
    this.state = FIELD_START;
  }

  /**
   * Reads quoted content from `start` (just after the opening quote, or the start of a chunk) up to
   * the closing quote, and what follows it. Returns where parsing continues.
   */
  private scanQuoted(text: string, start: number, out: TableRow[]): number {
    const n = text.length;
    let segment = start;
    let j = start;
    for (;;) {
      const quote = indexOrEnd(text, '"', j);
      for (; j < quote; j++) {
        const c = text.charCodeAt(j);
        if (c === LF) {
          if (j > 0 ? text.charCodeAt(j - 1) !== CR : !this.lastWasCr) this.line++;
        } else if (c === CR) {
          this.line++;
        }
      }
      if (j === n) {
        this.state = QUOTED;
        this.carry(text.slice(segment, n));
        return n;
      }
      if (j + 1 === n) {
        this.state = QUOTE_AT_CHUNK_END;
        this.carry(text.slice(segment, j));
        return n;
      }
      if (text.charCodeAt(j + 1) === QUOTE) {
        // "" inside quotes: one literal quote.
        this.carry(text.slice(segment, j + 1));
        j += 2;
        segment = j;
        continue;
      }
      this.carry(text.slice(segment, j));
      return this.afterClosingQuote(text, j + 1, out);
    }
  }

  /** After a closing quote, at `i`: a delimiter, a newline, or (leniently) more text for the same field. */
  private afterClosingQuote(text: string, i: number, out: TableRow[]): number {
    const c = text.charCodeAt(i);
    if (c === this.delimiter) {
      this.addField(this.partial);
      this.partial = '';
      this.state = FIELD_START;
      return i + 1;
    }
    if (c === LF || c === CR) {
      this.addField(this.partial);
      this.partial = '';
      return this.endRecord(text, i, out);
    }
    this.state = UNQUOTED;
    return i;
  }

  /** Appends text to the field being read, enforcing the cell limit. */
  private carry(piece: string): void {
    if (piece.length === 0) return;
    this.partial = this.partial === '' ? piece : this.partial + piece;
    if (this.partial.length > this.maxCellChars) throw cellTooLarge(this.fileName, this.fieldLine);
  }

  private addField(value: string): void {
    if (value.length > this.maxCellChars) throw cellTooLarge(this.fileName, this.fieldLine);
    const fields = this.fields;
    fields.push(value);
    if (fields.length > this.maxColumns) throw tooManyColumns(this.fileName, this.recordLine);
  }

  /** The record ends at the newline at `i` (CR, LF or CRLF). Returns the index after the newline. */
  private endRecord(text: string, i: number, out: TableRow[]): number {
    this.emit(out);
    this.line++;
    let next = i + 1;
    if (text.charCodeAt(i) === CR) {
      if (next < text.length) {
        if (text.charCodeAt(next) === LF) next++;
      } else {
        this.skipLf = true;
      }
    }
    this.recordLine = this.line;
    this.state = FIELD_START;
    return next;
  }

  private emit(out: TableRow[]): void {
    const fields = this.fields;
    this.fields = [];
    const quoted = this.recordQuoted;
    this.recordQuoted = false;
    // A line of nothing but spaces and tabs is blank (with tab as delimiter it has several fields).
    if (!quoted && (fields.length === 1 || this.delimiter === TAB) && allBlank(fields)) return;
    out.push({ line: this.recordLine, cells: fields });
  }
}
