/**
 * One spreadsheet cell as the text a profile reads: what the user sees for strings, numbers and
 * booleans, ISO 8601 for dates, and formulas as their own text (never evaluated, never their
 * cached value, which may be stale or planted).
 */
import type { CellObject } from 'xlsx';
import { SSF } from 'xlsx';

/** SheetJS types its formatter as `any`; this is the one call used. */
const formatter = SSF as { format: (format: string | number, value: number) => string };

/** Error codes as SheetJS stores them in `v` (BIFF numbering). */
const ERROR_TEXT: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

const DAY_MS = 86_400_000;
/** Excel's day 0 and day 1 (1899-12-30/31 in SheetJS's UTC dates): a time of day with no date. */
const TIME_ONLY_FROM = Date.UTC(1899, 11, 30);
const TIME_ONLY_BEFORE = Date.UTC(1900, 0, 1);

const isGeneral = (format: string | number): boolean => format === 0 || (typeof format === 'string' && format.toLowerCase() === 'general');

/** A number as Excel's General format shows it, without binary float noise (0.1+0.2 is "0.3"). */
export function generalNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/**
 * General numbers as Excel shows them; others as formatted. xlsx and xls give every cell a format
 * (`z`, 'General' by default) except an implicit built-in one on its first use, which only its
 * text `w` shows; in ods a number without a format is General.
 */
function numberText(cell: CellObject, value: number, unformattedIsGeneral: boolean): string {
  const format = cell.z;
  if (format === undefined) return !unformattedIsGeneral && typeof cell.w === 'string' ? cell.w : generalNumber(value);
  if (isGeneral(format)) return generalNumber(value);
  if (typeof cell.w === 'string') return cell.w;
  try {
    return formatter.format(format, value);
  } catch {
    // A format SSF cannot apply: the plain number is still the truth.
    return generalNumber(value);
  }
}

/** YYYY-MM-DD at midnight UTC, YYYY-MM-DDTHH:MM:SSZ otherwise, HH:MM:SS for a time with no date. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const ms = Math.round(date.getTime() / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  if (ms >= TIME_ONLY_FROM && ms < TIME_ONLY_BEFORE) return iso.slice(11, 19);
  if (ms % DAY_MS === 0) return iso.slice(0, 10);
  return `${iso.slice(0, 19)}Z`;
}

function errorText(cell: CellObject): string {
  if (typeof cell.w === 'string' && cell.w !== '') return cell.w;
  return (typeof cell.v === 'number' ? ERROR_TEXT.get(cell.v) : undefined) ?? '#ERROR!';
}

/**
 * The cell's text. `formulaAt` finds the formula of an array formula's anchor cell (only the anchor
 * carries it; the other cells of the range name the range in `F`). `unformattedIsGeneral` is true
 * for ods (see numberText).
 */
export function cellText(cell: CellObject | undefined, formulaAt: (range: string) => string | undefined, unformattedIsGeneral: boolean): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell.f === 'string' && cell.f !== '') return `=${cell.f}`;
  if (typeof cell.F === 'string') {
    const formula = formulaAt(cell.F);
    if (formula !== undefined) return `=${formula}`;
  }
  const value = cell.v;
  switch (cell.t) {
    case 's':
      return typeof value === 'string' ? value : '';
    case 'n':
      return typeof value === 'number' ? numberText(cell, value, unformattedIsGeneral) : '';
    case 'b':
      return value === true ? 'TRUE' : 'FALSE';
    case 'd':
      if (value instanceof Date) return dateText(value);
      return typeof value === 'string' ? value : '';
    case 'e':
      return errorText(cell);
    default:
      // 'z': a stub, an empty cell.
      return '';
  }
}
