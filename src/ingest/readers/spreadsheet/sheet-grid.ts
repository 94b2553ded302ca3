/**
 * A parsed sheet (SheetJS dense mode) as rows of cell text, with the reader's limits applied.
 */
import type { CellObject, WorkSheet } from 'xlsx';
import { utils } from 'xlsx';
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';
import { cellText } from './cell-text.js';

type Row = readonly (CellObject | undefined)[];

/** Beyond this many rows or columns an array index walk is slower than listing the keys SheetJS set. */
const SPARSE_WALK_LIMIT = 1 << 21;

const count = (n: number): string => n.toLocaleString('en-US');

/** The indices a (possibly very sparse) array holds, ascending. */
function presentIndices(items: readonly unknown[]): Iterable<number> {
  if (items.length <= SPARSE_WALK_LIMIT) {
    return (function* walk() {
      for (let i = 0; i < items.length; i++) if (items[i] !== undefined) yield i;
    })();
  }
  return Object.keys(items)
    .map(Number)
    .filter((i) => Number.isInteger(i) && i >= 0)
    .sort((a, b) => a - b);
}

/** Whether a cell shows anything, without formatting it (cheap enough for probing whole sheets). */
function cellHasData(cell: CellObject | undefined): boolean {
  if (cell === undefined || cell === null) return false;
  if (cell.f !== undefined || cell.F !== undefined) return true;
  return cell.t !== 'z' && cell.v !== undefined && cell.v !== null && cell.v !== '';
}

export class SheetGrid {
  private readonly data: readonly (Row | undefined)[];
  private readonly formulaLookup = (range: string): string | undefined => this.formulaAt(range);

  /**
   * @param unformattedIsGeneral true for ods, where a number without a format is General (see cellText).
   */
  constructor(
    private readonly file: string,
    readonly sheet: string,
    worksheet: WorkSheet | undefined,
    private readonly unformattedIsGeneral: boolean,
  ) {
    this.data = worksheet?.['!data'] ?? [];
  }

  hasData(): boolean {
    for (const r of presentIndices(this.data)) {
      const row = this.data[r];
      if (row === undefined) continue;
      for (const c of presentIndices(row)) if (cellHasData(row[c])) return true;
    }
    return false;
  }

  /** 0-based indices of the rows that hold at least one cell, ascending. */
  rowIndices(): Iterable<number> {
    return presentIndices(this.data);
  }

  /**
   * Row `r` (0-based) as text, trailing empty cells dropped: [] for an empty row.
   * Throws TOO_MANY_COLUMNS or CELL_TOO_LARGE naming the sheet row.
   */
  rowText(r: number): string[] {
    const row = this.data[r];
    if (row === undefined) return [];
    let width = row.length;
    if (width > READ_LIMITS.maxColumns) {
      width = 0;
      for (const c of presentIndices(row)) if (cellHasData(row[c])) width = c + 1;
      if (width > READ_LIMITS.maxColumns) {
        throw new AttestError(
          'TOO_MANY_COLUMNS',
          `"${this.file}", sheet "${this.sheet}": row ${r + 1} has cells in ${count(width)} columns, more than the ${count(READ_LIMITS.maxColumns)} Attest reads; delete the stray cells far to the right (or export the sheet as CSV) and try again.`,
        );
      }
    }
    const cells: string[] = new Array<string>(width);
    let last = 0;
    for (let c = 0; c < width; c++) {
      const text = cellText(row[c], this.formulaLookup, this.unformattedIsGeneral);
      if (text.length > READ_LIMITS.maxCellChars) {
        throw new AttestError(
          'CELL_TOO_LARGE',
          `"${this.file}", sheet "${this.sheet}": cell ${utils.encode_cell({ r, c })} (row ${r + 1}) holds ${count(text.length)} characters, more than the ${count(READ_LIMITS.maxCellChars)} Attest reads from one cell; shorten or clear it and try again.`,
        );
      }
      cells[c] = text;
      if (text !== '') last = c + 1;
    }
    cells.length = last;
    return cells;
  }

  /** An array formula's text, from the anchor (top-left) cell of its range. */
  private formulaAt(range: string): string | undefined {
    const { s } = utils.decode_range(range);
    return this.data[s.r]?.[s.c]?.f;
  }
}
