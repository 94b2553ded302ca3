import { RowRejected } from '../profile.js';
import type { MappedRow } from '../profile.js';
import type { TableRow } from '../source.js';
import { parseBoolean } from './booleans.js';
import { createDateParser } from './dates.js';
import type { DateOrder } from './dates.js';
import type { HeaderMatch } from './header-match.js';
import { quoteValue } from './quote-value.js';

/**
 * Builds the MappedRow of each row of one file. get() trims and gives undefined for an empty or
 * absent cell; date() reads every date field of the file through one date parser, so the first
 * date that proves day-first or month-first decides for the rest; date() and bool() reject the
 * row, naming the field and the value, when a cell is neither a value nor empty.
 */
export function createRowMapper(match: HeaderMatch, options?: { dateOrder?: DateOrder }): (row: TableRow) => MappedRow {
  const dates = createDateParser(options?.dateOrder ? { order: options.dateOrder } : undefined);
  return (row) => {
    const get = (field: string): string | undefined => {
      const column = match.columns.get(field);
      const cell = column === undefined ? undefined : row.cells[column]?.trim();
      return cell === '' ? undefined : cell;
    };
    return {
      line: row.line,
      get,
      date(field) {
        const text = get(field);
        const value = dates.parse(text);
        if (value === undefined) throw new RowRejected(`${field} ${quoteValue(text ?? '')} is not a date`);
        return value;
      },
      bool(field) {
        const text = get(field);
        const value = parseBoolean(text);
        if (value === undefined) throw new RowRejected(`${field} ${quoteValue(text ?? '')} is not yes/no`);
        return value;
      },
    };
  };
}
