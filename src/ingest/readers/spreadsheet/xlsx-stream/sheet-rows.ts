/**
 * A worksheet's XML (fed chunk by chunk to an XmlTokenizer) as rows of cell text, the way the
 * SheetJS path reads them: shared strings looked up, numbers General or as their format shows
 * them, dates ISO 8601, formulas as `=` and their own text (never evaluated, never their cached
 * value). Rows keep the sheet's numbers; empty rows are dropped; a row's trailing empty cells too.
 *
 * Shared formulas: a cell that only refers to a shared formula (`<f t="shared" si="0"/>`) shows
 * the formula of the cell that defines it, as written there: references are not adjusted (SheetJS
 * shifts them). Array formulas: every cell of the range shows the formula, as in SheetJS.
 */
import { AttestError } from '../../../../errors.js';
import { READ_LIMITS } from '../../../source.js';
import { isoDateText, serialText } from './cell-values.js';
import type { SharedStrings } from './shared-strings.js';
import type { NumberStyles } from './styles.js';
import type { XmlHandler, XmlTag } from './xml-tokenizer.js';
import { TextCollector } from './xml-text.js';

export interface SheetRow {
  /** The sheet's row number (1-based). */
  line: number;
  /** Cell text; no trailing empty cells; never empty. */
  cells: string[];
}

export interface SheetContext {
  file: string;
  sheet: string;
  strings: SharedStrings;
  styles: NumberStyles;
  date1904: boolean;
  /** Called when a cell shows a shared formula written in another cell (see the module comment). */
  onSharedFormula?: (sheet: string) => void;
  /**
   * Probing: stop reading (ignore the rest of the XML) after the first non-empty row, or the first
   * non-empty cell, so that nothing past it is checked or can fail.
   */
  stopAfter?: 'row' | 'cell';
}

/** A value's raw XML beyond this is refused without decoding it (its length in characters is then unknown). */
const MAX_RAW_CELL_BYTES = 8 * READ_LIMITS.maxCellChars;
/** Array formula ranges remembered at once; more (never seen in practice) are shown in their anchor only. */
const MAX_ARRAY_FORMULAS = 65_536;
/** Column numbers are not computed past this (they are refused long before). */
const COLUMN_CEILING = 1 << 30;

const count = (n: number): string => n.toLocaleString('en-US');

// Cell types (the `t` attribute).
const NUMBER = 0;
const SHARED = 1;
const FORMULA_STRING = 2;
const INLINE = 3;
const BOOLEAN = 4;
const ERROR = 5;
const DATE = 6;
const UNKNOWN = 7;

// What character data is being gathered.
const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE_TEXT = 3;

// Formula kinds (the `t` attribute of <f>).
const NORMAL = 0;
const SHARED_FORMULA = 1;
const ARRAY_FORMULA = 2;

// Bytes.
const B_A = 0x41;
const B_Z = 0x5a;
const B_a = 0x61;
const B_z = 0x7a;
const B_0 = 0x30;
const B_9 = 0x39;
const B_c = 0x63;
const B_v = 0x76;
const B_f = 0x66;
const B_t = 0x74;
const B_r = 0x72;
const B_s = 0x73;
const B_i = 0x69;

interface ArrayRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  formula: string;
}

/** 1-based column letters (A = 1); 0 when there are none. */
function columnNumber(buf: Uint8Array, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i] ?? 0;
    let letter: number;
    if (b >= B_A && b <= B_Z) letter = b - B_A + 1;
    else if (b >= B_a && b <= B_z) letter = b - B_a + 1;
    else break;
    column = column >= COLUMN_CEILING ? column : column * 26 + letter;
  }
  return column;
}

/** A non-negative integer (surrounding spaces allowed); -1 when there is none. */
function unsigned(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && buf[i] === 0x20) i++;
  let value = -1;
  for (; i < end; i++) {
    const b = buf[i] ?? 0;
    if (b < B_0 || b > B_9) break;
    value = (value < 0 ? 0 : value * 10) + (b - B_0);
    if (value > Number.MAX_SAFE_INTEGER / 10) return -1;
  }
  return value;
}

function cellType(buf: Buffer, start: number, end: number): number {
  const length = end - start;
  const first = buf[start];
  if (length === 1) {
    if (first === B_s) return SHARED;
    if (first === 0x6e /* n */) return NUMBER;
    if (first === 0x62 /* b */) return BOOLEAN;
    if (first === 0x65 /* e */) return ERROR;
    if (first === 0x64 /* d */) return DATE;
    return UNKNOWN;
  }
  const text = buf.toString('latin1', start, end);
  if (text === 'str') return FORMULA_STRING;
  if (text === 'inlineStr') return INLINE;
  return UNKNOWN;
}

/** Column letters for a 0-based column (for messages). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(B_A + ((n - 1) % 26)) + letters;
  return letters;
}

/** "A1:B3" (or "A1") as rows and 0-based columns; undefined when it is not a range of two cells. */
function parseRange(ref: string): Omit<ArrayRange, 'formula'> | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
  if (m === null) return undefined;
  const bytes = Buffer.from(ref, 'latin1');
  const left = columnNumber(bytes, ref.indexOf(m[1] ?? ''), bytes.length) - 1;
  const right = columnNumber(bytes, ref.lastIndexOf(m[3] ?? ''), bytes.length) - 1;
  return { top: Number(m[2]), left, bottom: Number(m[4]), right };
}

export class SheetRowsReader implements XmlHandler {
  /** Rows completed since the last take(). */
  private completed: SheetRow[] = [];
  /** A non-empty cell has been read. */
  sawData = false;
  /** What a probe wanted has been read (SheetContext.stopAfter): the rest is ignored. */
  stopped = false;

  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private cells: string[] = [];
  private lastColumn = -1;

  private inCell = false;
  private column = 0;
  private type = NUMBER;
  private style = 0;
  private capture = NONE;
  private readonly value = new TextCollector();
  private hasValue = false;
  private readonly formula = new TextCollector();
  private formulaKind = NORMAL;
  private formulaIndex = -1;
  private formulaRef: string | undefined;
  private readonly inline = new TextCollector();
  private inInline = false;
  private phonetic = 0;

  private readonly sharedFormulas = new Map<number, string>();
  private arrays: ArrayRange[] = [];

  constructor(private readonly context: SheetContext) {}

  /** The rows completed so far (each returned once). */
  take(): SheetRow[] {
    const rows = this.completed;
    if (rows.length > 0) this.completed = [];
    return rows;
  }

  open(tag: XmlTag): void {
    if (this.stopped) return;
    const buf = tag.buf;
    const length = tag.nameEnd - tag.nameStart;
    const first = buf[tag.nameStart];
    if (length === 1) {
      if (!this.inCell) {
        if (first === B_c && this.inRow) this.openCell(tag);
        return;
      }
      if (first === B_v) {
        this.capture = VALUE;
        this.hasValue = true;
        this.value.reset();
      } else if (first === B_f) {
        this.openFormula(tag);
      } else if (first === B_t && this.inInline && this.phonetic === 0) {
        this.capture = INLINE_TEXT;
      }
    } else if (length === 3) {
      if (first === B_r && buf[tag.nameStart + 1] === 0x6f && buf[tag.nameStart + 2] === 0x77) {
        if (this.inSheetData) this.openRow(tag);
      } else if (first === B_r && this.inInline) {
        if (buf[tag.nameStart + 1] === 0x50 && buf[tag.nameStart + 2] === 0x68) this.phonetic++;
      }
    } else if (length === 2) {
      if (first === B_i && buf[tag.nameStart + 1] === B_s && this.inCell) {
        this.inInline = true;
        this.inline.reset();
      }
    } else if (length === 9 && tag.name() === 'sheetData') {
      this.inSheetData = true;
    }
  }

  close(tag: XmlTag): void {
    if (this.stopped) return;
    const buf = tag.buf;
    const length = tag.nameEnd - tag.nameStart;
    const first = buf[tag.nameStart];
    if (length === 1) {
      if (first === B_c) {
        if (this.inCell) this.closeCell();
      } else if (first === B_v || first === B_f || first === B_t) {
        this.capture = NONE;
      }
    } else if (length === 3) {
      if (first === B_r && buf[tag.nameStart + 1] === 0x6f && buf[tag.nameStart + 2] === 0x77) {
        if (this.inRow) this.closeRow();
      } else if (first === B_r && this.inInline && buf[tag.nameStart + 1] === 0x50 && buf[tag.nameStart + 2] === 0x68) {
        this.phonetic--;
      }
    } else if (length === 2) {
      if (first === B_i && buf[tag.nameStart + 1] === B_s) this.inInline = false;
    } else if (length === 9 && tag.name() === 'sheetData') {
      this.inSheetData = false;
    }
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    let collector: TextCollector;
    if (this.stopped) return;
    if (this.capture === VALUE) collector = this.value;
    else if (this.capture === FORMULA) collector = this.formula;
    else if (this.capture === INLINE_TEXT) collector = this.inline;
    else return;
    collector.add(buf, start, end, cdata);
    if (collector.length > MAX_RAW_CELL_BYTES) throw this.cellTooLarge(undefined);
  }

  private openRow(tag: XmlTag): void {
    let number = -1;
    for (let at = tag.attrsStart; (at = tag.nextAttribute(at)) >= 0; ) {
      if (tag.attrNameEnd - tag.attrNameStart === 1 && tag.buf[tag.attrNameStart] === B_r) number = unsigned(tag.buf, tag.valueStart, tag.valueEnd);
    }
    this.rowNumber = number > 0 ? number : this.rowNumber + 1;
    this.inRow = true;
    this.cells = [];
    this.lastColumn = -1;
    if (this.arrays.length > 0) this.arrays = this.arrays.filter((a) => a.bottom >= this.rowNumber);
  }

  private closeRow(): void {
    this.inRow = false;
    this.inCell = false;
    if (this.cells.length > 0) {
      this.completed.push({ line: this.rowNumber, cells: this.cells });
      if (this.context.stopAfter === 'row') this.stopped = true;
    }
    this.cells = [];
  }

  private openCell(tag: XmlTag): void {
    const buf = tag.buf;
    let column = -1;
    let type = NUMBER;
    let style = 0;
    for (let at = tag.attrsStart; (at = tag.nextAttribute(at)) >= 0; ) {
      if (tag.attrNameEnd - tag.attrNameStart !== 1) continue;
      const attr = buf[tag.attrNameStart];
      if (attr === B_r) column = columnNumber(buf, tag.valueStart, tag.valueEnd) - 1;
      else if (attr === B_t) type = cellType(buf, tag.valueStart, tag.valueEnd);
      else if (attr === B_s) style = Math.max(0, unsigned(buf, tag.valueStart, tag.valueEnd));
    }
    this.column = column >= 0 ? column : this.lastColumn + 1;
    this.lastColumn = this.column;
    this.type = type;
    this.style = style;
    this.inCell = true;
    this.capture = NONE;
    this.hasValue = false;
    this.value.reset();
    this.formula.reset();
    this.formulaKind = NORMAL;
    this.formulaIndex = -1;
    this.formulaRef = undefined;
    this.inInline = false;
    this.phonetic = 0;
  }

  private openFormula(tag: XmlTag): void {
    this.capture = FORMULA;
    this.formula.reset();
    for (let at = tag.attrsStart; (at = tag.nextAttribute(at)) >= 0; ) {
      const nameLength = tag.attrNameEnd - tag.attrNameStart;
      const attr = tag.buf[tag.attrNameStart];
      const value = (): string => tag.buf.toString('latin1', tag.valueStart, tag.valueEnd);
      if (nameLength === 1 && attr === B_t) {
        const kind = value();
        this.formulaKind = kind === 'shared' ? SHARED_FORMULA : kind === 'array' ? ARRAY_FORMULA : NORMAL;
      } else if (nameLength === 2 && attr === B_s && tag.buf[tag.attrNameStart + 1] === B_i) {
        this.formulaIndex = unsigned(tag.buf, tag.valueStart, tag.valueEnd);
      } else if (nameLength === 3 && tag.buf.toString('latin1', tag.attrNameStart, tag.attrNameEnd) === 'ref') {
        this.formulaRef = value();
      }
    }
  }

  /** The cell's formula text (without `=`), or undefined when it shows its value. */
  private cellFormula(): string | undefined {
    if (this.formula.length > 0) {
      const text = this.formula.text().replace(/_xlfn\./g, '');
      if (this.formulaKind === SHARED_FORMULA && this.formulaIndex >= 0) this.sharedFormulas.set(this.formulaIndex, text);
      if (this.formulaKind === ARRAY_FORMULA && this.formulaRef !== undefined && this.arrays.length < MAX_ARRAY_FORMULAS) {
        const range = parseRange(this.formulaRef);
        if (range !== undefined) this.arrays.push({ ...range, formula: text });
      }
      return text;
    }
    if (this.formulaKind === SHARED_FORMULA) {
      const shared = this.sharedFormulas.get(this.formulaIndex);
      if (shared !== undefined) {
        this.context.onSharedFormula?.(this.context.sheet);
        return shared;
      }
    }
    for (const range of this.arrays) {
      if (this.rowNumber >= range.top && this.rowNumber <= range.bottom && this.column >= range.left && this.column <= range.right) return range.formula;
    }
    return undefined;
  }

  private closeCell(): void {
    this.inCell = false;
    this.capture = NONE;
    const formula = this.cellFormula();
    const text = formula === undefined ? this.valueText() : `=${formula}`;
    if (text === '') return;
    if (text.length > READ_LIMITS.maxCellChars) throw this.cellTooLarge(text.length);
    const column = this.column;
    if (column >= READ_LIMITS.maxColumns) {
      throw new AttestError(
        'TOO_MANY_COLUMNS',
        `"${this.context.file}", sheet "${this.context.sheet}": row ${this.rowNumber} has cells in ${count(column + 1)} columns, more than the ${count(READ_LIMITS.maxColumns)} Attest reads; delete the stray cells far to the right (or export the sheet as CSV) and try again.`,
      );
    }
    this.sawData = true;
    if (this.context.stopAfter === 'cell') this.stopped = true;
    const cells = this.cells;
    if (column < cells.length) {
      cells[column] = text;
    } else {
      while (cells.length < column) cells.push('');
      cells.push(text);
    }
  }

  private valueText(): string {
    switch (this.type) {
      case NUMBER:
        return this.hasValue ? this.numberText() : '';
      case SHARED:
        return this.hasValue ? this.sharedString() : '';
      case FORMULA_STRING:
      case ERROR:
        return this.value.text();
      case INLINE:
        return this.inline.text();
      case BOOLEAN: {
        if (!this.hasValue || this.value.length === 0) return '';
        const raw = this.value.text().trim();
        return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
      }
      case DATE:
        return this.value.length === 0 ? '' : isoDateText(this.value.text().trim(), this.context.date1904);
      default:
        // An unknown cell type: SheetJS shows nothing for it.
        return '';
    }
  }

  private numberText(): string {
    const [buf, start, end] = this.value.bytes();
    if (end === start) return '';
    const raw = buf.toString('latin1', start, end).trim();
    const number = Number.parseFloat(raw);
    if (Number.isNaN(number)) return this.value.text().trim();
    const { styles } = this.context;
    return styles.isDate(this.style) ? serialText(number, this.context.date1904) : styles.text(this.style, number);
  }

  private sharedString(): string {
    const [buf, start, end] = this.value.bytes();
    const index = unsigned(buf, start, end);
    const text = index < 0 ? undefined : this.context.strings.get(index);
    if (text === null) throw this.cellTooLarge(undefined);
    if (text === undefined) {
      const { file, sheet, strings } = this.context;
      throw new AttestError(
        'CORRUPT_FILE',
        `Sheet "${sheet}" of "${file}" could not be read (cell ${this.reference()} refers to shared string ${buf.toString('latin1', start, end).trim() || '(none)'}, but the workbook has ${count(strings.count)}); open the workbook in Excel or LibreOffice and save it again, or choose another sheet with --sheet.`,
      );
    }
    return text;
  }

  private reference(): string {
    return `${columnLetters(Math.min(this.column, COLUMN_CEILING))}${this.rowNumber}`;
  }

  /** CELL_TOO_LARGE for this cell; `length` undefined when it was refused before it was decoded. */
  private cellTooLarge(length: number | undefined): AttestError {
    const { file, sheet } = this.context;
    const limit = count(READ_LIMITS.maxCellChars);
    const holds = length === undefined ? `more than the ${limit} characters` : `${count(length)} characters, more than the ${limit}`;
    return new AttestError('CELL_TOO_LARGE', `"${file}", sheet "${sheet}": cell ${this.reference()} (row ${this.rowNumber}) holds ${holds} Attest reads from one cell; shorten or clear it and try again.`);
  }
}
