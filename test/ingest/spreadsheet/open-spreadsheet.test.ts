import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { TableRow, TableSource } from '../../../src/ingest/source.js';
import { READ_LIMITS } from '../../../src/ingest/source.js';
import { listSheets, openSpreadsheet, openSpreadsheetWithSheetJs } from '../../../src/ingest/readers/spreadsheet/open-spreadsheet.js';
import type { SpreadsheetOptions } from '../../../src/ingest/readers/spreadsheet/open-spreadsheet.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { buildZip, deflatedPart, deflatedSpaces, xlsxParts } from '../../helpers/zip-builder.js';
import { failure } from '../../helpers/attest-failure.js';

const tempDir = useTempDirs();
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/spreadsheet/${name}`, import.meta.url));

async function rowsOf(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

async function read(path: string, options?: SpreadsheetOptions): Promise<Omit<TableSource, 'rows'> & { rows: TableRow[] }> {
  const source = await openSpreadsheet(path, options);
  return { ...source, rows: await rowsOf(source) };
}

function writeWorkbook(path: string, rows: (CellObject | undefined)[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const ws: XLSX.WorkSheet = { '!data': rows as CellObject[][], '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } }) };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

const text = (v: string): CellObject => ({ t: 's', v });

describe('openSpreadsheet: sheets, header and rows', () => {
  it('reads the first sheet with data, notes the others, numbers rows as the sheet does and skips empty ones', async () => {
    expect(await read(fixture('two-sheets.xlsx'))).toEqual({
      kind: 'table',
      header: ['Account', 'Email', 'Role', 'Status'],
      headerLine: 1,
      encoding: null,
      delimiter: null,
      sheet: 'Users',
      notes: ['The workbook has 2 sheets; read "Users". Choose another with --sheet.'],
      rows: [
        { line: 2, cells: ['alice', 'alice@example.com', 'Admin', 'Enabled'] },
        { line: 4, cells: ['bob', 'bob@example.com', 'Viewer', ''] },
        { line: 5, cells: ['carol', '', 'Viewer', 'Disabled'] },
      ],
    });
  });

  it('reads the sheet named (case-insensitively, as Excel does) without a note', async () => {
    for (const sheet of ['Groups', 'groups']) {
      const source = await read(fixture('two-sheets.xlsx'), { sheet });
      expect(source).toMatchObject({ sheet: 'Groups', header: ['Group', 'Owner'], headerLine: 1, notes: [], rows: [{ line: 2, cells: ['Admins', 'alice'] }] });
    }
  });

  it('an unknown sheet name is a USAGE error that lists the sheets', async () => {
    expect(await failure(openSpreadsheet(fixture('two-sheets.xlsx'), { sheet: 'Roles' }))).toEqual({
      code: 'USAGE',
      message: '"two-sheets.xlsx" has no sheet named "Roles"; its sheets are "Users", "Groups": choose one of them with --sheet.',
    });
  });

  it('skips an empty first sheet; the header is the first non-empty row', async () => {
    expect(await read(fixture('first-sheet-empty.xlsx'))).toMatchObject({
      sheet: 'Accounts',
      header: ['Account', 'Role'],
      headerLine: 3,
      notes: [],
      rows: [{ line: 4, cells: ['dave', 'Auditor'] }],
    });
    expect(await failure(openSpreadsheet(fixture('first-sheet-empty.xlsx'), { sheet: 'Instructions' }))).toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('lists the sheets', async () => {
    expect(await listSheets(fixture('two-sheets.xlsx'))).toEqual(['Users', 'Groups']);
    expect(await listSheets(fixture('users.ods'))).toEqual(['Users', 'Notes']);
  });
});

describe('openSpreadsheet: cells as text', () => {
  const expected = {
    header: ['Name', 'Hired', 'Last Login', 'Serial', 'Salary', 'Ratio', 'Active', 'Error', 'Shift Start', 'Big'],
    rows: [
      // Dates as ISO; a General serial stays a number; a formatted number reads as shown; no float noise.
      { line: 2, cells: ['alice', '2024-03-01', '2024-03-01T13:45:30Z', '45292', '1,234.50', '0.3', 'TRUE', '#N/A', '13:45:00', '123456789012'] },
      { line: 3, cells: ['bob', '1999-12-31', '', '45293', '50,000.00', '2.5', 'FALSE', '', '', '-7'] },
    ],
  };

  it('dates, serial numbers, formats, booleans and errors', async () => {
    expect(await read(fixture('dates-and-serials.xlsx'))).toMatchObject(expected);
  });

  it('reads dates the same in any time zone', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(await read(fixture('dates-and-serials.xlsx'))).toMatchObject(expected);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('formulas are their own text, never evaluated and never their cached value', async () => {
    expect(await read(fixture('formulas.xlsx'))).toMatchObject({
      header: ['Account', 'Total', 'Label', 'Typed', 'Doubled'],
      rows: [
        { line: 2, cells: ['alice', '=SUM(1,2)', '=CONCAT("a","b")', "=cmd|' /C calc'!A0", '=B2:B3*2'] },
        { line: 3, cells: ['bob', '1', 'x', '@SUM(A1:A9)', '=B2:B3*2'] },
      ],
    });
  });

  it('__proto__, constructor and prototype headers come through as text and pollute nothing', async () => {
    const source = await read(fixture('proto-headers.xlsx'));
    expect(source.header).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(source.rows).toEqual([{ line: 2, cells: ['{"polluted":1}', 'alice', 'Admin'] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads OpenDocument (.ods), noting its other sheet', async () => {
    expect(await read(fixture('users.ods'))).toEqual({
      kind: 'table',
      header: ['Account', 'Hired', 'Logins', 'Enabled'],
      headerLine: 1,
      encoding: null,
      delimiter: null,
      sheet: 'Users',
      notes: ['The workbook has 2 sheets; read "Users". Choose another with --sheet.'],
      rows: [
        { line: 2, cells: ['erin', '2023-07-15', '42', 'TRUE'] },
        { line: 3, cells: ['frank', '2021-01-04', '0', 'FALSE'] },
      ],
    });
    expect(await read(fixture('users.ods'), { sheet: 'Notes' })).toMatchObject({ header: ['Exported from the HR system on 2024-06-01'], notes: [], rows: [] });
  });

  it('reads legacy Excel 97-2003 (.xls)', async () => {
    expect(await read(fixture('legacy.xls'))).toEqual({
      kind: 'table',
      header: ['Employee ID', 'Name', 'Hired', 'Grade'],
      headerLine: 1,
      encoding: null,
      delimiter: null,
      sheet: 'Roster',
      notes: [],
      rows: [
        { line: 2, cells: ['1001', 'Grace Hopper', '1985-10-01', '7.5'] },
        { line: 3, cells: ['1002', 'Alan Turing', '1990-02-12', '8'] },
      ],
    });
  });

  it("Excel's implicit built-in formats (accounting 44, CJK date 31) format the number, and do not lose the sheet", async () => {
    // SheetJS 0.20.3 without cellText drops, silently, a sheet whose cells use such a format.
    const path = join(tempDir(), 'implicit-formats.xlsx');
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="44" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const cell = (ref: string, style: number, value: number): string => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cost</t></is></c><c r="B1" t="inlineStr"><is><t>Granted</t></is></c></row><row r="2">${cell('A2', 1, 1234.5)}${cell('B2', 2, 45352)}</row><row r="3">${cell('A3', 1, 99)}${cell('B3', 0, 45352)}</row></sheetData></worksheet>`;
    writeFileSync(path, buildZip(xlsxParts(deflatedPart('xl/worksheets/sheet1.xml', sheet), styles)));
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: [' $1,234.50 ', '2024-03-01'] },
      { line: 3, cells: [' $99.00 ', '45352'] },
    ]);
  });

  it('pads rows to the header and keeps cells right of it', async () => {
    const path = join(tempDir(), 'ragged.xlsx');
    writeWorkbook(path, [[text('A'), text('B'), text('C')], [text('x')], [text('1'), undefined, text('3'), text('extra')]]);
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['x', '', ''] },
      { line: 3, cells: ['1', '', '3', 'extra'] },
    ]);
  });
});

describe('openSpreadsheet: limits', () => {
  it('a cell over the limit: CELL_TOO_LARGE with the cell and row', async () => {
    // Excel (and SheetJS's writer) stop at 32,767 characters; a hand-made file does not.
    const path = join(tempDir(), 'huge-cell.xlsx');
    const inline = (ref: string, value: string): string => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', 'Account')}${inline('B1', 'Note')}</row><row r="2">${inline('A2', 'alice')}${inline('B2', 'x'.repeat(READ_LIMITS.maxCellChars + 1))}</row></sheetData></worksheet>`;
    writeFileSync(path, buildZip(xlsxParts(deflatedPart('xl/worksheets/sheet1.xml', sheet))));
    const source = await openSpreadsheet(path);
    expect(await failure(rowsOf(source))).toEqual({
      code: 'CELL_TOO_LARGE',
      message: '"huge-cell.xlsx", sheet "Sheet1": cell B2 (row 2) holds 1,000,001 characters, more than the 1,000,000 Attest reads from one cell; shorten or clear it and try again.',
    });
  });

  it('a header past the column limit: TOO_MANY_COLUMNS', async () => {
    const path = join(tempDir(), 'wide.xlsx');
    const header: CellObject[] = [text('Account')];
    header[READ_LIMITS.maxColumns] = text('Stray');
    writeWorkbook(path, [header, [text('alice')]]);
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'TOO_MANY_COLUMNS',
      message: '"wide.xlsx", sheet "Sheet1": row 1 has cells in 16,385 columns, more than the 16,384 Attest reads; delete the stray cells far to the right (or export the sheet as CSV) and try again.',
    });
  });

  it('a file over the size limit is refused by its size, unread: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'big.xlsx');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, READ_LIMITS.maxSpreadsheetBytes + 1); // sparse: no disk used
    closeSync(fd);
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '"big.xlsx" is 256.0 MB, more than the 256 MB Attest reads from one workbook; export the sheet you need as CSV (CSV has no size limit) and import that.',
    });
  });
});

describe('openSpreadsheet: zip bombs and damaged files', () => {
  it('a zip bomb (a 2 GB sheet of spaces) is refused from its directory, before memory grows: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'bomb.xlsx');
    const sheet = await deflatedSpaces('xl/worksheets/sheet1.xml', 2 * 1024 ** 3 - 1);
    writeFileSync(path, buildZip(xlsxParts(sheet)));
    const before = process.memoryUsage().rss;
    const refused = await failure(openSpreadsheet(path));
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(refused.code).toBe('FILE_TOO_LARGE');
    expect(refused.message).toMatch(/^"bomb\.xlsx" was refused before unpacking because its part "xl\/worksheets\/sheet1\.xml" would inflate [\d,]+ times, to 2\.0 GB, which only a zip bomb does;/);
  });

  it('a zip declaring more than the uncompressed limit in total is refused: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'many-parts.xlsx');
    // Ten honest parts of 120 MB each, none suspicious alone: 1.2 GB together.
    const part = await deflatedSpaces('part', 120 * 1024 * 1024);
    const parts = Array.from({ length: 10 }, (_, i) => ({ ...part, name: `xl/media/image${i}.bin`, data: part.data, declaredSize: part.size }));
    // Keep each ratio under the bomb threshold by padding the compressed data with a stored part.
    writeFileSync(path, buildZip(parts.map((p) => ({ ...p, data: Buffer.concat([p.data, Buffer.alloc(200 * 1024)]) }))));
    const refused = await failure(openSpreadsheet(path));
    expect(refused).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '"many-parts.xlsx" was refused before unpacking because it would unpack to 1.2 GB, more than the 1.0 GB Attest reads from one workbook; export the sheet you need as CSV (or split the workbook) and import that.',
    });
  });

  it('a part that inflates past the size its directory declares is refused, inflating in constant memory: CORRUPT_FILE', async () => {
    const path = join(tempDir(), 'liar.xlsx');
    const sheet = await deflatedSpaces('xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    writeFileSync(path, buildZip(xlsxParts({ ...sheet, declaredSize: 500_000 })));
    const before = process.memoryUsage().rss;
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'CORRUPT_FILE',
      message: '"liar.xlsx" is damaged or incomplete (its part "xl/worksheets/sheet1.xml" inflates to more than the 500,000 bytes its zip directory declares); open it in Excel or LibreOffice, save it again, and import the saved copy.',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a workbook cut in half: CORRUPT_FILE', async () => {
    expect(await failure(openSpreadsheet(fixture('truncated.xlsx')))).toEqual({
      code: 'CORRUPT_FILE',
      message: '"truncated.xlsx" is damaged or incomplete (its zip directory is missing: the file is cut short or is not a whole workbook); open it in Excel or LibreOffice, save it again, and import the saved copy.',
    });
  });

  it('a zip directory pointing past the end of the file: CORRUPT_FILE', async () => {
    const path = join(tempDir(), 'short.xlsx');
    const zip = buildZip(xlsxParts(deflatedPart('xl/worksheets/sheet1.xml', '<worksheet/>')));
    zip.writeUInt32LE(zip.length * 2, zip.length - 6); // the directory's offset
    writeFileSync(path, zip);
    expect(await failure(openSpreadsheet(path))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('its zip directory points past the end of the file') as unknown });
  });

  it('a sheet SheetJS fails on (and would drop without a word): CORRUPT_FILE naming it', async () => {
    const path = join(tempDir(), 'damaged-sheet.xlsx');
    // A shared-string cell pointing past a shared-string table that does not exist.
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>';
    writeFileSync(path, buildZip(xlsxParts(deflatedPart('xl/worksheets/sheet1.xml', sheet))));
    expect(await failure(openSpreadsheetWithSheetJs(path))).toEqual({
      code: 'CORRUPT_FILE',
      message:
        'Sheet "Sheet1" of "damaged-sheet.xlsx" could not be read (it is damaged or of a kind SheetJS cannot parse); open the workbook in Excel or LibreOffice and save it again, or choose another sheet with --sheet.',
    });
    // The streaming reader (what openSpreadsheet uses for xlsx) says what is wrong.
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'CORRUPT_FILE',
      message:
        'Sheet "Sheet1" of "damaged-sheet.xlsx" could not be read (cell A1 refers to shared string 5, but the workbook has 0); open the workbook in Excel or LibreOffice and save it again, or choose another sheet with --sheet.',
    });
  });

  it('a zip that is not a workbook: CORRUPT_FILE from SheetJS, wrapped', async () => {
    const path = join(tempDir(), 'notes.xlsx');
    writeFileSync(path, buildZip([deflatedPart('notes.txt', 'just some notes')]));
    expect(await failure(openSpreadsheet(path))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringMatching(/^"notes\.xlsx" could not be read as a spreadsheet \(SheetJS: .+\); open it in Excel/) as unknown });
  });

  it('a minimal hand-made xlsx reads (the zips above fail for the reason they test)', async () => {
    const path = join(tempDir(), 'minimal.xlsx');
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>alice</t></is></c></row></sheetData></worksheet>';
    writeFileSync(path, buildZip(xlsxParts(deflatedPart('xl/worksheets/sheet1.xml', sheet))));
    expect(await read(path)).toMatchObject({ header: ['Account'], rows: [{ line: 2, cells: ['alice'] }] });
  });

  it('neither a zip nor an OLE2 file: CORRUPT_FILE, whatever its name', async () => {
    const path = join(tempDir(), 'export.xlsx');
    writeFileSync(path, 'Account,Role\r\nalice,Admin\r\n');
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'CORRUPT_FILE',
      message: '"export.xlsx" is not a spreadsheet SheetJS can read (it is neither an xlsx/xlsm/ods zip nor a legacy .xls file); if it is a CSV or text export, save it with a .csv name and import that.',
    });
  });

  it('an OLE2 file that is not a workbook: CORRUPT_FILE', async () => {
    const path = join(tempDir(), 'legacy.xls');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0xff)]));
    expect(await failure(openSpreadsheet(path))).toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('an empty file, a missing file, a folder, a cancelled read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.xlsx'), '');
    mkdirSync(join(dir, 'folder.xlsx'));
    expect(await failure(openSpreadsheet(join(dir, 'empty.xlsx')))).toEqual({ code: 'EMPTY_FILE', message: '"empty.xlsx" is empty (0 bytes); export the workbook again and import the new file.' });
    expect(await failure(openSpreadsheet(join(dir, 'missing.xlsx')))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(openSpreadsheet(join(dir, 'folder.xlsx')))).toMatchObject({ code: 'USAGE' });
    expect(await failure(openSpreadsheet(fixture('two-sheets.xlsx'), { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
  });
});
