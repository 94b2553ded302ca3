/**
 * Writes the spreadsheet fixtures in test/fixtures/spreadsheet with SheetJS. The files are
 * committed; run this again only to change them:
 *   npx tsx test/ingest/spreadsheet/generate-fixtures.ts
 * Dates are written as serial numbers with a date format, so the output does not depend on the
 * time zone of the machine that runs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { BookType, CellObject, WorkSheet } from 'xlsx';

const out = (name: string): string => fileURLToPath(new URL(`../../fixtures/spreadsheet/${name}`, import.meta.url));

type Cell = string | number | boolean | null | CellObject;

/** A dense sheet from rows of plain values or ready cell objects; `origin` is the top-left row (0-based). */
function sheet(rows: Cell[][], origin = 0): WorkSheet {
  // SheetJS's writer wants every row of a dense sheet present, empty or not.
  const data: CellObject[][] = Array.from({ length: Math.max(1, origin + rows.length) }, () => []);
  let width = 0;
  rows.forEach((row, i) => {
    const cells: CellObject[] = [];
    row.forEach((value, c) => {
      if (value === null) return;
      if (typeof value === 'object') cells[c] = value;
      else if (typeof value === 'string') cells[c] = { t: 's', v: value };
      else if (typeof value === 'number') cells[c] = { t: 'n', v: value };
      else cells[c] = { t: 'b', v: value };
    });
    width = Math.max(width, row.length);
    data[origin + i] = cells;
  });
  const ref = rows.length === 0 ? 'A1' : XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: origin + rows.length - 1, c: Math.max(0, width - 1) } });
  return { '!data': data, '!ref': ref };
}

function write(name: string, sheets: [string, WorkSheet][], bookType: BookType = 'xlsx'): void {
  const wb = XLSX.utils.book_new();
  for (const [sheetName, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, sheetName);
  writeFileSync(out(name), XLSX.write(wb, { type: 'buffer', bookType, compression: true, bookSST: true }) as Buffer);
}

/** Excel serial day for a UTC date-time (1900 date system). */
const serial = (iso: string): number => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
const date = (iso: string, z = 'yyyy-mm-dd'): CellObject => ({ t: 'n', v: serial(iso), z });

write('two-sheets.xlsx', [
  [
    'Users',
    sheet([
      ['Account', 'Email', 'Role', 'Status'],
      ['alice', 'alice@example.com', 'Admin', 'Enabled'],
      [],
      ['bob', 'bob@example.com', 'Viewer', null],
      ['carol', null, 'Viewer', 'Disabled'],
    ]),
  ],
  ['Groups', sheet([['Group', 'Owner'], ['Admins', 'alice']])],
]);

write('first-sheet-empty.xlsx', [
  ['Instructions', sheet([])],
  ['Accounts', sheet([['Account', 'Role'], ['dave', 'Auditor']], 2)],
]);

write('dates-and-serials.xlsx', [
  [
    'Logins',
    sheet([
      ['Name', 'Hired', 'Last Login', 'Serial', 'Salary', 'Ratio', 'Active', 'Error', 'Shift Start', 'Big'],
      [
        'alice',
        date('2024-03-01T00:00:00Z'),
        date('2024-03-01T13:45:30Z', 'yyyy-mm-dd hh:mm:ss'),
        45292,
        { t: 'n', v: 1234.5, z: '#,##0.00' },
        0.1 + 0.2,
        true,
        { t: 'e', v: 0x2a },
        { t: 'n', v: serial('1899-12-30T13:45:00Z'), z: 'h:mm' },
        123456789012,
      ],
      ['bob', date('1999-12-31T00:00:00Z'), null, 45293, { t: 'n', v: 50000, z: '#,##0.00' }, 2.5, false, null, null, -7],
    ]),
  ],
]);

write('formulas.xlsx', [
  [
    'Access',
    sheet([
      ['Account', 'Total', 'Label', 'Typed', 'Doubled'],
      [
        'alice',
        // The cached value lies: the reader must show the formula, never 999.
        { t: 'n', v: 999, f: 'SUM(1,2)' },
        { t: 's', v: 'ab', f: 'CONCAT("a","b")' },
        "=cmd|' /C calc'!A0",
        { t: 'n', v: 2, f: 'B2:B3*2', F: 'E2:E3' },
      ],
      ['bob', 1, 'x', '@SUM(A1:A9)', { t: 'n', v: 4, F: 'E2:E3' }],
    ]),
  ],
]);

write('proto-headers.xlsx', [
  [
    'Sheet1',
    sheet([
      ['__proto__', 'constructor', 'prototype'],
      ['{"polluted":1}', 'alice', 'Admin'],
    ]),
  ],
]);

write(
  'users.ods',
  [
    [
      'Users',
      sheet([
        ['Account', 'Hired', 'Logins', 'Enabled'],
        ['erin', date('2023-07-15T00:00:00Z', 'yyyy"-"mm"-"dd'), 42, true],
        ['frank', date('2021-01-04T00:00:00Z', 'yyyy"-"mm"-"dd'), 0, false],
      ]),
    ],
    ['Notes', sheet([['Exported from the HR system on 2024-06-01']])],
  ],
  'ods',
);

write(
  'legacy.xls',
  [
    [
      'Roster',
      sheet([
        ['Employee ID', 'Name', 'Hired', 'Grade'],
        [1001, 'Grace Hopper', date('1985-10-01T00:00:00Z'), 7.5],
        [1002, 'Alan Turing', date('1990-02-12T00:00:00Z'), 8],
      ]),
    ],
  ],
  'biff8',
);

// A valid workbook cut in half: its zip directory (at the end) is gone.
const whole = readFileSync(out('two-sheets.xlsx'));
writeFileSync(out('truncated.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
