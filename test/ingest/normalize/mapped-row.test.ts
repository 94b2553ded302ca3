import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../../src/ingest/normalize/header-match.js';
import { createRowMapper } from '../../../src/ingest/normalize/mapped-row.js';
import { RowRejected } from '../../../src/ingest/profile.js';
import type { FieldSpec } from '../../../src/ingest/profile.js';

const FIELDS: FieldSpec[] = [
  { name: 'Employee ID', required: true },
  { name: 'Hire Date', required: false },
  { name: 'Privileged', required: false },
  { name: 'Termination Date', required: false },
  { name: 'Note', required: false },
];

const HEADER = ['Employee ID', 'Hire Date', 'Privileged', 'Termination Date'];

function mapper(options?: Parameters<typeof createRowMapper>[1]) {
  return createRowMapper(matchHeader(HEADER, FIELDS), options);
}

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RowRejected) return error.message;
    throw error;
  }
  throw new Error('expected a RowRejected');
}

describe('createRowMapper', () => {
  it('get() trims, and gives undefined for empty, blank, absent and unmatched cells', () => {
    const row = mapper()({ line: 7, cells: ['  E1 ', '   ', 'yes'] });
    expect(row.line).toBe(7);
    expect(row.get('Employee ID')).toBe('E1');
    expect(row.get('Hire Date')).toBeUndefined();
    expect(row.get('Termination Date')).toBeUndefined();
    expect(row.get('Note')).toBeUndefined();
    expect(row.get('Not a field')).toBeUndefined();
  });

  it('date() gives ISO, null for no date, and rejects the row naming the field and the value', () => {
    const row = mapper()({ line: 2, cells: ['E1', '31/31/2026', 'maybe', 'Never'] });
    expect(row.date('Termination Date')).toBeNull();
    expect(row.date('Note')).toBeNull();
    expect(rejection(() => row.date('Hire Date'))).toBe('Hire Date "31/31/2026" is not a date');
    expect(rejection(() => mapper()({ line: 2, cells: ['E1', '2026-02-30'] }).date('Hire Date'))).toBe('Hire Date "2026-02-30" is not a date');
  });

  it('bool() gives true/false, null when empty, and rejects anything else', () => {
    const map = mapper();
    expect(map({ line: 2, cells: ['E1', '', 'Yes'] }).bool('Privileged')).toBe(true);
    expect(map({ line: 3, cells: ['E1', '', 'n'] }).bool('Privileged')).toBe(false);
    expect(map({ line: 4, cells: ['E1', '', ''] }).bool('Privileged')).toBeNull();
    expect(map({ line: 5, cells: ['E1'] }).bool('Privileged')).toBeNull();
    expect(rejection(() => map({ line: 6, cells: ['E1', '', 'maybe'] }).bool('Privileged'))).toBe('Privileged "maybe" is not yes/no');
  });

  it('a very long value is cut short in the reason', () => {
    const reason = rejection(() => mapper()({ line: 2, cells: ['E1', 'x'.repeat(5000)] }).date('Hire Date'));
    expect(reason.length).toBeLessThan(120);
    expect(reason).toMatch(/^Hire Date "x+…" is not a date$/);
  });

  it('one date parser per file: the first date that proves day-first decides for every date field after it', () => {
    const map = mapper();
    expect(map({ line: 2, cells: ['E1', '03/04/2020', '', ''] }).date('Hire Date')).toBe('2020-03-04');
    expect(map({ line: 3, cells: ['E2', '01/02/2020', '', '25/12/2026'] }).date('Termination Date')).toBe('2026-12-25');
    expect(map({ line: 4, cells: ['E3', '03/04/2020'] }).date('Hire Date')).toBe('2020-04-03');
    expect(rejection(() => map({ line: 5, cells: ['E4', '12/25/2020'] }).date('Hire Date'))).toBe('Hire Date "12/25/2020" is not a date');
    // A new file starts undecided.
    expect(mapper()({ line: 2, cells: ['E4', '12/25/2020'] }).date('Hire Date')).toBe('2020-12-25');
  });

  it('a declared date order is used from the first row', () => {
    const map = mapper({ dateOrder: 'dmy' });
    expect(map({ line: 2, cells: ['E1', '03/04/2020'] }).date('Hire Date')).toBe('2020-04-03');
    expect(rejection(() => map({ line: 3, cells: ['E1', '12/25/2020'] }).date('Hire Date'))).toMatch(/is not a date/);
  });
});
