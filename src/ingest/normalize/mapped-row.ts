import { RowRejected } from '../profile.js';
import type { MappedRow } from '../profile.js';
import type { TableRow } from '../source.js';
import { parseBoolean } from './booleans.js';
import { createDateParser, type DateParser } from './dates.js';
import type { DateOrder } from './dates.js';
import type { HeaderMatch } from './header-match.js';
import { quoteValue } from './quote-value.js';

/** What one file's rows share: the columns, the date parser, the last date read per field. */
interface FileContext {
  columns: ReadonlyMap<string, number>;
  dates: DateParser;
  /** Rows of one account repeat its dates: the last text and value per field skip a re-parse. */
  lastDate: Map<string, { text: string | undefined; value: string | null; order: string | null }>;
}

class TableMappedRow implements MappedRow {
  constructor(
    private readonly file: FileContext,
    private readonly cells: readonly string[],
    readonly line: number,
  ) {}

  get(field: string): string | undefined {
    const column = this.file.columns.get(field);
    const cell = column === undefined ? undefined : this.cells[column]?.trim();
    return cell === '' ? undefined : cell;
  }

  date(field: string): string | null {
    const text = this.get(field);
    const last = this.file.lastDate.get(field);
    // Valid while the file's date order is what it was (a later day-first date can settle it).
    if (last !== undefined && last.text === text && last.order === this.file.dates.order()) return last.value;
    const value = this.file.dates.parse(text);
    if (value === undefined) throw new RowRejected(`${field} ${quoteValue(text ?? '')} is not a date`);
    this.file.lastDate.set(field, { text, value, order: this.file.dates.order() });
    return value;
  }

  bool(field: string): boolean | null {
    const text = this.get(field);
    const value = parseBoolean(text);
    if (value === undefined) throw new RowRejected(`${field} ${quoteValue(text ?? '')} is not yes/no`);
    return value;
  }
}

/**
 * Builds the MappedRow of each row of one file. get() trims and gives undefined for an empty or
 * absent cell; date() reads every date field of the file through one date parser, so the first
 * date that proves day-first or month-first decides for the rest; date() and bool() reject the
 * row, naming the field and the value, when a cell is neither a value nor empty.
 */
export function createRowMapper(match: HeaderMatch, options?: { dateOrder?: DateOrder }): (row: TableRow) => MappedRow {
  const file: FileContext = {
    columns: match.columns,
    dates: createDateParser(options?.dateOrder ? { order: options.dateOrder } : undefined),
    lastDate: new Map(),
  };
  return (row) => new TableMappedRow(file, row.cells, row.line);
}
