import { closeSync, ftruncateSync, openSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { isAttestError } from '../../../src/errors.js';
import type { TableRow, TableSource } from '../../../src/ingest/source.js';
import { READ_LIMITS } from '../../../src/ingest/source.js';
import { listSheets, openSpreadsheet, openSpreadsheetWithSheetJs } from '../../../src/ingest/readers/spreadsheet/open-spreadsheet.js';
import type { SpreadsheetOptions } from '../../../src/ingest/readers/spreadsheet/open-spreadsheet.js';
import { SharedStringsReader } from '../../../src/ingest/readers/spreadsheet/xlsx-stream/shared-strings.js';
import type { SheetRow } from '../../../src/ingest/readers/spreadsheet/xlsx-stream/sheet-rows.js';
import { SheetRowsReader } from '../../../src/ingest/readers/spreadsheet/xlsx-stream/sheet-rows.js';
import { isDateFormat, NumberStyles, StylesReader } from '../../../src/ingest/readers/spreadsheet/xlsx-stream/styles.js';
import { XmlTokenizer } from '../../../src/ingest/readers/spreadsheet/xlsx-stream/xml-tokenizer.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import type { HandMadeWorkbook, ZipPart } from '../../helpers/zip-builder.js';
import { buildZip, deflatedPart, deflatedSpaces, handMadeParts, stylesXml, worksheet } from '../../helpers/zip-builder.js';
import { failure } from '../../helpers/attest-failure.js';

const tempDir = useTempDirs();
const fixtures = fileURLToPath(new URL('../../fixtures/spreadsheet/', import.meta.url));

type Open = (path: string, options?: SpreadsheetOptions) => Promise<TableSource>;
type Read = Omit<TableSource, 'rows'> & { rows: TableRow[] };

async function rowsOf(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

async function read(path: string, options?: SpreadsheetOptions): Promise<Read> {
  const source = await openSpreadsheet(path, options);
  const rows = await rowsOf(source);
  return { ...source, notes: [...source.notes], rows };
}

/** What a reader makes of a file: the source with its rows, or the code of the error it throws. */
async function outcome(open: Open, path: string, options?: SpreadsheetOptions): Promise<Read | { code: string }> {
  try {
    const source = await open(path, options);
    const rows = await rowsOf(source);
    return { ...source, notes: [...source.notes], rows };
  } catch (error) {
    if (isAttestError(error)) return { code: error.code };
    throw error;
  }
}

/** The streaming reader and the SheetJS path agree on the file: by default and for each sheet by name. */
async function expectSameAsSheetJs(path: string): Promise<void> {
  expect(await outcome(openSpreadsheet, path), 'default sheet').toEqual(await outcome(openSpreadsheetWithSheetJs, path));
  const names = await listSheets(path).catch(() => []);
  for (const sheet of names) expect(await outcome(openSpreadsheet, path, { sheet }), sheet).toEqual(await outcome(openSpreadsheetWithSheetJs, path, { sheet }));
}

function handMade(name: string, book: HandMadeWorkbook): string {
  const path = join(tempDir(), name);
  writeFileSync(path, buildZip(handMadeParts(book)));
  return path;
}

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, value: number | string, style?: number): string => `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`;
const row = (r: number, ...cells: string[]): string => `<row r="${r}">${cells.join('')}</row>`;

describe('streaming xlsx reader: the same rows as the SheetJS path', () => {
  const xlsxFixtures = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx'));

  it('has fixtures to compare', () => {
    expect(xlsxFixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of xlsxFixtures) {
    it(`fixture ${name}`, async () => {
      await expectSameAsSheetJs(join(fixtures, name));
    });
  }

  it('a workbook SheetJS writes with every kind of cell', async () => {
    const serial = (iso: string): number => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const n = (v: number, z?: string): CellObject => (z === undefined ? { t: 'n', v } : { t: 'n', v, z });
    const s = (v: string): CellObject => ({ t: 's', v });
    const rows: (CellObject | undefined)[][] = [
      [s('Text'), s('Number'), s('Formatted'), s('Date'), s('Other')],
      [s('a & b < c > d "e" \'f\''), n(0), n(0.256, '0%'), n(serial('2024-03-01T00:00:00Z'), 'yyyy-mm-dd'), { t: 'b', v: true }],
      [s('line one\nline two'), n(-0.5), n(0.25625, '0.00%'), n(serial('2024-03-01T13:45:30Z'), 'dd/mm/yyyy hh:mm'), { t: 'b', v: false }],
      [s('  padded  '), n(1e21), n(1234.5, '#,##0'), n(1, 'm/d/yy'), { t: 'e', v: 0x07 }],
      [],
      [s('emoji 😀 ümlaut ß'), n(1.23456789012345e-7), n(12345.678, '0.00E+00'), n(61, 'mmm d, yyyy'), { t: 'e', v: 0x17 }],
      [s('tab\there'), n(0.1 + 0.2), n(1.5, '# ?/?'), n(0.75, 'h:mm:ss AM/PM'), { t: 'n', v: 3, f: 'SUM(1,2)' }],
      [undefined, n(123456789012345680), n(-1234.5, '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'), n(serial('2031-12-31T23:59:59Z'), '[$-409]mmmm d, yyyy;@'), { t: 's', v: 'x', f: '"quoted ""text"""&A2' }],
      [s('x'), undefined, n(42, '@'), n(45000.5, 'yyyy-mm-dd hh:mm:ss'), { t: 'n', v: 1, f: '_xlfn.CONCAT("a","b")' }],
      [s('_x000D_ literal'), n(7), n(9.99, '0.0 "kg"'), n(1, 'yyyy-mm-dd'), s('')],
    ];
    rows.push(...Array.from({ length: 30 }, (_, i) => [s(`user${i}`), n(i * 1.1), n(i / 7, '0.000'), n(45000 + i, 'd-mmm-yy'), s(i % 2 === 0 ? 'Yes' : 'No')]));
    const ws: XLSX.WorkSheet = { '!data': rows as CellObject[][], '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: 4 } }) };
    const dir = tempDir();
    for (const bookSST of [false, true]) {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, 'Cells');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Second'], ['sheet']]), 'Second');
      writeFileSync(join(dir, `every-cell-${bookSST}.xlsx`), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST }) as Buffer);
      await expectSameAsSheetJs(join(dir, `every-cell-${bookSST}.xlsx`));
    }
    // What both read, for the record.
    expect((await read(join(dir, 'every-cell-true.xlsx'))).rows.slice(0, 9)).toEqual([
      { line: 2, cells: ['a & b < c > d "e" \'f\'', '0', '26%', '2024-03-01', 'TRUE'] },
      { line: 3, cells: ['line one\nline two', '-0.5', '25.62%', '2024-03-01T13:45:30Z', 'FALSE'] },
      { line: 4, cells: ['  padded  ', '1e+21', '1,235', '1900-01-01', '#DIV/0!'] },
      { line: 6, cells: ['emoji 😀 ümlaut ß', '1.23456789012345e-7', '1.23E+04', '1900-03-01', '#REF!'] },
      { line: 7, cells: ['tab\there', '0.3', '1 1/2', '18:00:00', '=SUM(1,2)'] },
      { line: 8, cells: ['', '123456789012345680', '($1,234.50)', '2031-12-31T23:59:59Z', '="quoted ""text"""&A2'] },
      { line: 9, cells: ['x', '', '42', '2023-03-15T12:00:00Z', '=CONCAT("a","b")'] },
      // SheetJS's writer does not escape a literal "_x000D_" (Excel writes "_x005F_x000D_"): both read a CR.
      { line: 10, cells: ['\r literal', '7', '10.0 kg', '1900-01-01', ''] },
      { line: 11, cells: ['user0', '0', '0.000', '2023-03-15', 'Yes'] },
    ]);
  });
});

describe('streaming xlsx reader: cells', () => {
  it('rich text shared strings are the text of their runs, phonetic guides left out; xml:space is kept', async () => {
    const path = handMade('rich.xlsx', {
      sharedStrings: [
        '<si><t>Account</t></si>',
        '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>',
        '<si><t xml:space="preserve">  spaced  </t></si>',
        '<si><t/></si>',
      ],
      sheets: [{ name: 'S', xml: row(1, '<c r="A1" t="s"><v>0</v></c>') + row(2, '<c r="A2" t="s"><v>1</v></c>') + row(3, '<c r="A3" t="s"><v>2</v></c>') + row(4, '<c r="A4" t="s"><v>3</v></c>') }],
    });
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['Bold and plain '] },
      { line: 3, cells: ['  spaced  '] },
    ]);
    await expectSameAsSheetJs(path);
  });

  it('inline strings, plain and rich', async () => {
    const path = handMade('inline.xlsx', {
      sheets: [{ name: 'S', xml: row(1, inline('A1', 'Name'), inline('B1', 'Note')) + row(2, inline('A2', 'alice'), '<c r="B2" t="inlineStr"><is><r><t>one</t></r><r><rPr><i/></rPr><t xml:space="preserve"> two</t></r></is></c>') }],
    });
    expect((await read(path)).rows).toEqual([{ line: 2, cells: ['alice', 'one two'] }]);
    await expectSameAsSheetJs(path);
  });

  it('sparse cells and rows: gaps filled with empty cells, rows numbered as the sheet numbers them, missing r attributes following on', async () => {
    const path = handMade('sparse.xlsx', {
      sheets: [
        {
          name: 'S',
          xml:
            row(3, inline('B3', 'Account'), inline('D3', 'Role')) +
            row(4, inline('D4', 'Admin')) +
            '<row r="6"><c r="B6" t="inlineStr"><is><t>bob</t></is></c><c t="inlineStr"><is><t>next</t></is></c><c><v>7</v></c></row>' +
            '<row><c r="A7" t="inlineStr"><is><t>no r on the row</t></is></c></row>' +
            '<row r="9" spans="1:4"><c r="A9" s="0"/><c r="B9" t="s"/></row>' +
            row(12, inline('F12', 'far right')),
        },
      ],
    });
    expect(await read(path)).toMatchObject({
      header: ['', 'Account', '', 'Role'],
      headerLine: 3,
      rows: [
        { line: 4, cells: ['', '', '', 'Admin'] },
        { line: 6, cells: ['', 'bob', 'next', '7'] },
        { line: 7, cells: ['no r on the row', '', '', ''] },
        { line: 12, cells: ['', '', '', '', '', 'far right'] },
      ],
    });
    await expectSameAsSheetJs(path);
  });

  it('XML entities, numeric character references and Excel _xHHHH_ escapes', async () => {
    const path = handMade('entities.xlsx', {
      sharedStrings: ['<si><t>Text</t></si>', '<si><t>&amp;&lt;&#10;&#x41;&gt;&quot;&apos;</t></si>', '<si><t>a_x000D_&#10;b_x0009_c _x005F_x0041_</t></si>'],
      sheets: [
        {
          name: 'S',
          xml:
            row(1, '<c r="A1" t="s"><v>0</v></c>', inline('B1', 'Inline')) +
            row(2, '<c r="A2" t="s"><v>1</v></c>', inline('B2', 'x &amp;&amp; y &#60;&#x3E; &unknown; <![CDATA[<raw & "cdata">]]>')) +
            row(3, '<c r="A3" t="s"><v>2</v></c>', '<c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'),
        },
      ],
    });
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['&<\nA>"\'', 'x && y <> &unknown; <raw & "cdata">'] },
      { line: 3, cells: ['a\nb\tc _x0041_', '="a"&"b"'] },
    ]);
    await expectSameAsSheetJs(path);
    // A reference past U+FFFF is one character (SheetJS cuts it to 16 bits).
    const astral = handMade('astral.xlsx', { sheets: [{ name: 'S', xml: row(1, inline('A1', 'Emoji')) + row(2, inline('A2', '&#128512;&#x1F600;')) }] });
    expect((await read(astral)).rows).toEqual([{ line: 2, cells: ['😀😀'] }]);
  });

  it('the 1904 date system (workbookPr date1904)', async () => {
    const path = handMade('date1904.xlsx', {
      date1904: true,
      styles: stylesXml({ 164: 'yyyy-mm-dd hh:mm' }, [0, 14, 164]),
      sheets: [{ name: 'S', xml: row(1, inline('A1', 'Day'), inline('B1', 'Serial')) + row(2, num('A2', 0, 1), num('B2', 0)) + row(3, num('A3', 43890.5, 2), num('B3', 43890.5)) }],
    });
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['1904-01-01', '0'] },
      { line: 3, cells: ['2024-03-01T12:00:00Z', '43890.5'] },
    ]);
    await expectSameAsSheetJs(path);
  });

  it('custom date formats (dd/mm/yyyy hh:mm, with text, colours and locales) read as ISO dates; the 1900 leap-year bug is kept', async () => {
    const path = handMade('dates.xlsx', {
      styles: stylesXml({ 164: 'dd/mm/yyyy hh:mm', 165: '[$-409]d-mmm-yyyy;@', 166: '[Red]"Due "yyyy', 167: 'hh:mm' }, [0, 164, 165, 166, 167, 14]),
      sheets: [
        {
          name: 'S',
          xml:
            row(1, inline('A1', 'When'), inline('B1', 'Other')) +
            row(2, num('A2', 45352.5729166667, 1), num('B2', 45352, 2)) +
            row(3, num('A3', 45352, 3), num('B3', 0.25, 4)) +
            row(4, num('A4', 59, 5), num('B4', 61, 5)),
        },
      ],
    });
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['2024-03-01T13:45:00Z', '2024-03-01'] },
      { line: 3, cells: ['2024-03-01', '06:00:00'] },
      { line: 4, cells: ['1900-02-28', '1900-03-01'] },
    ]);
    await expectSameAsSheetJs(path);
  });

  it('serial 60, the day Excel counts in 1900 though it never was, reads as Excel shows it', async () => {
    const path = handMade('leap.xlsx', { styles: stylesXml({}, [0, 14]), sheets: [{ name: 'S', xml: row(1, inline('A1', 'Day')) + row(2, num('A2', 60, 1)) + row(3, num('A3', 60.5, 1)) }] });
    // SheetJS reads these as the formatted serial ("2/29/00").
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['1900-02-29'] },
      { line: 3, cells: ['1900-02-29T12:00:00Z'] },
    ]);
  });

  it('percentages and number formats read as they are shown', async () => {
    const path = handMade('numbers.xlsx', {
      styles: stylesXml({ 164: '0.0%', 165: '#,##0.00 "EUR"', 166: '000000', 167: 'General' }, [0, 9, 10, 164, 165, 166, 4, 167, 49]),
      sheets: [
        {
          name: 'S',
          xml:
            row(1, inline('A1', 'a'), inline('B1', 'b'), inline('C1', 'c'), inline('D1', 'd'), inline('E1', 'e'), inline('F1', 'f'), inline('G1', 'g'), inline('H1', 'h')) +
            row(2, num('A2', 0.256, 1), num('B2', 0.256, 2), num('C2', 0.256, 3), num('D2', 1234.5, 4), num('E2', 42, 5), num('F2', -1234567.891, 6), num('G2', 0.30000000000000004, 7), num('H2', 12, 8)),
        },
      ],
    });
    expect((await read(path)).rows).toEqual([{ line: 2, cells: ['26%', '25.60%', '25.6%', '1,234.50 EUR', '000042', '-1,234,567.89', '0.3', '12'] }]);
    await expectSameAsSheetJs(path);
  });

  it('elapsed durations ([h]:mm:ss) read as the duration, not as a date in 1900 (SheetJS reads a date)', async () => {
    expect(isDateFormat('[h]:mm:ss')).toBe(false);
    expect(isDateFormat('[mm]:ss')).toBe(false);
    expect(isDateFormat('d "days" [h]:mm')).toBe(true);
    expect(isDateFormat('"Day "0')).toBe(false);
    expect(isDateFormat('0.00E+00')).toBe(false);
    expect(isDateFormat('[Red][<=100]0;\\d0')).toBe(false);
    expect(isDateFormat('yyyy\\-mm\\-dd')).toBe(true);
    const path = handMade('elapsed.xlsx', { styles: stylesXml({ 164: '[h]:mm:ss' }, [0, 164, 46]), sheets: [{ name: 'S', xml: row(1, inline('A1', 'Took'), inline('B1', 'Built-in')) + row(2, num('A2', 1.5, 1), num('B2', 0.5, 2)) }] });
    expect((await read(path)).rows).toEqual([{ line: 2, cells: ['36:00:00', '12:00:00'] }]);
  });

  it('booleans, errors, ISO date cells (t="d") and formula string results', async () => {
    const path = handMade('types.xlsx', {
      sheets: [
        {
          name: 'S',
          xml:
            row(1, inline('A1', 'b'), inline('B1', 'e'), inline('C1', 'd'), inline('D1', 'str')) +
            row(2, '<c r="A2" t="b"><v>1</v></c>', '<c r="B2" t="e"><v>#N/A</v></c>', '<c r="C2" t="d"><v>2024-03-01T13:45:30</v></c>', '<c r="D2" t="str"><v>text result</v></c>') +
            row(3, '<c r="A3" t="b"><v>0</v></c>', '<c r="B3" t="e"><v>#DIV/0!</v></c>', '<c r="C3" t="d"><v>2024-03-01</v></c>'),
        },
      ],
    });
    expect((await read(path)).rows).toEqual([
      { line: 2, cells: ['TRUE', '#N/A', '2024-03-01T13:45:30Z', 'text result'] },
      { line: 3, cells: ['FALSE', '#DIV/0!', '2024-03-01', ''] },
    ]);
    await expectSameAsSheetJs(path);
  });

  it('shared formulas: each cell shows the formula of the cell that defines it, as written there, with a note', async () => {
    const path = handMade('shared-formulas.xlsx', {
      sheets: [
        {
          name: 'S',
          xml:
            row(1, inline('A1', 'n'), inline('B1', 'double')) +
            row(2, num('A2', 1), '<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c>') +
            row(3, num('A3', 2), '<c r="B3"><f t="shared" si="0"/><v>4</v></c>') +
            row(4, num('A4', 3), '<c r="B4"><f t="shared" si="0"></f><v>6</v></c>'),
        },
      ],
    });
    const source = await openSpreadsheet(path);
    expect(await rowsOf(source)).toEqual([
      { line: 2, cells: ['1', '=A2*2'] },
      { line: 3, cells: ['2', '=A2*2'] },
      { line: 4, cells: ['3', '=A2*2'] },
    ]);
    expect(source.notes).toEqual(['Some formulas in sheet "S" are shared across cells (filled down or across); each such cell shows the formula as written in its first cell, its references not adjusted.']);
    // The note is added when such a cell is first read (here already while the header was found); never twice.
    await rowsOf(source);
    expect(source.notes).toHaveLength(1);
  });

  it('a hidden sheet read because it is the first with data is noted; Strict OOXML relationships are understood', async () => {
    const path = handMade('hidden.xlsx', {
      strict: true,
      sheets: [
        { name: 'Lookup', state: 'hidden', xml: row(1, inline('A1', 'Code')) + row(2, inline('A2', 'X')) },
        { name: 'Users', xml: row(1, inline('A1', 'Account')) + row(2, inline('A2', 'alice')) },
      ],
    });
    expect(await read(path)).toMatchObject({
      sheet: 'Lookup',
      notes: ['The workbook has 2 sheets; read "Lookup". Choose another with --sheet.', 'Sheet "Lookup" is hidden in the workbook; it was read because it is the first sheet with data.'],
    });
    expect(await read(path, { sheet: 'users' })).toMatchObject({ sheet: 'Users', notes: [], header: ['Account'], rows: [{ line: 2, cells: ['alice'] }] });
    expect(await listSheets(path)).toEqual(['Lookup', 'Users']);
  });

  it('rows() reads the sheet again at each call', async () => {
    const source = await openSpreadsheet(join(fixtures, 'two-sheets.xlsx'));
    const first = await rowsOf(source);
    expect(first).toHaveLength(3);
    expect(await rowsOf(source)).toEqual(first);
  });
});

/** A sheet of `count` rows under a header, as XML rows (about 60 bytes a row). */
const manyRows = (count: number): string =>
  row(1, inline('A1', 'Account'), inline('B1', 'Role')) + Array.from({ length: count }, (_, i) => row(i + 2, inline(`A${i + 2}`, `user${i}`), inline(`B${i + 2}`, 'Viewer'))).join('');

describe('streaming xlsx reader: limits, damage, cancellation', () => {
  it('a data row with a cell past the column limit: TOO_MANY_COLUMNS from the rows iterator, by reference or by count', async () => {
    const byReference = handMade('far.xlsx', { sheets: [{ name: 'S', xml: row(1, inline('A1', 'Account')) + row(2, inline('A2', 'x'), inline('XFE2', 'stray')) }] });
    // Opening reads the header only: the bad row, though in the same chunk, is the iterator's to report.
    const source = await openSpreadsheet(byReference);
    expect(await failure(rowsOf(source))).toEqual({
      code: 'TOO_MANY_COLUMNS',
      message: '"far.xlsx", sheet "S": row 2 has cells in 16,385 columns, more than the 16,384 Attest reads; delete the stray cells far to the right (or export the sheet as CSV) and try again.',
    });
    const cells = '<c t="inlineStr"><is><t>x</t></is></c>'.repeat(READ_LIMITS.maxColumns + 1);
    const byCount = handMade('wide.xlsx', { sheets: [{ name: 'S', xml: row(1, inline('A1', 'Account')) + `<row r="2">${cells}</row>` }] });
    expect(await failure(read(byCount))).toMatchObject({ code: 'TOO_MANY_COLUMNS' });
    // Empty cells far right (formatting) are no data.
    const styled = handMade('styled.xlsx', { sheets: [{ name: 'S', xml: row(1, inline('A1', 'Account')) + row(2, inline('A2', 'x'), '<c r="XFE2" s="0"/>') }] });
    expect((await read(styled)).rows).toEqual([{ line: 2, cells: ['x'] }]);
  });

  it('a shared string over the cell limit: CELL_TOO_LARGE naming the cell', async () => {
    const path = handMade('long-string.xlsx', {
      sharedStrings: ['<si><t>Note</t></si>', `<si><t>${'y'.repeat(READ_LIMITS.maxCellChars + 1)}</t></si>`],
      sheets: [{ name: 'S', xml: row(1, '<c r="A1" t="s"><v>0</v></c>') + row(2, '<c r="A2" t="s"><v>1</v></c>') }],
    });
    expect(await failure(read(path))).toEqual({
      code: 'CELL_TOO_LARGE',
      message: '"long-string.xlsx", sheet "S": cell A2 (row 2) holds 1,000,001 characters, more than the 1,000,000 Attest reads from one cell; shorten or clear it and try again.',
    });
  });

  it('a part inflating past its declared size is refused while it streams: CORRUPT_FILE', async () => {
    const parts = handMadeParts({ sharedStrings: ['<si><t>Account</t></si>'], sheets: [{ name: 'S', xml: row(1, '<c r="A1" t="s"><v>0</v></c>') }] });
    const lie = (declared: (p: ZipPart) => number): string => {
      const path = join(tempDir(), 'liar.xlsx');
      writeFileSync(path, buildZip(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, declaredSize: declared(p) } : p))));
      return path;
    };
    expect(await failure(openSpreadsheet(lie((p) => p.size - 10)))).toEqual({
      code: 'CORRUPT_FILE',
      message: expect.stringMatching(/^"liar\.xlsx" is damaged or incomplete \(its part "xl\/sharedStrings\.xml" inflates to more than the [\d,]+ bytes its zip directory declares\);/) as unknown,
    });
    expect(await failure(openSpreadsheet(lie((p) => p.size + 10)))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringMatching(/inflates to [\d,]+ bytes, not the [\d,]+ its zip directory declares/) as unknown });
  });

  it('a sheet whose XML is cut inside a tag, or written in UTF-16: CORRUPT_FILE naming the part', async () => {
    const cut = handMade('cut.xlsx', { sheets: [{ name: 'S', xml: `${worksheet(row(1, inline('A1', 'Account')))}<row r="2"><c r="A2` }] });
    expect(await failure(read(cut))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('its part "xl/worksheets/sheet1.xml" cannot be read: it ends in the middle of a tag') as unknown });
    const parts = handMadeParts({ sheets: [{ name: 'S', xml: row(1, inline('A1', 'Account')) }] });
    const utf16 = parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? deflatedPart(p.name, Buffer.from(`\ufeff${worksheet(row(1, inline('A1', 'Account')))}`, 'utf16le')) : p));
    const path = join(tempDir(), 'utf16.xlsx');
    writeFileSync(path, buildZip(utf16));
    expect(await failure(read(path))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('UTF-16') as unknown });
  });

  it('cancelling stops the rows iterator: CANCELLED', async () => {
    const path = handMade('many.xlsx', { sheets: [{ name: 'S', xml: manyRows(50_000) }] });
    const controller = new AbortController();
    const source = await openSpreadsheet(path, { signal: controller.signal });
    let seen = 0;
    const reading = (async (): Promise<void> => {
      for await (const _row of source.rows()) if (++seen === 1) controller.abort();
    })();
    expect(await failure(reading)).toMatchObject({ code: 'CANCELLED' });
    expect(seen).toBeLessThan(50_000);
  });

  it('a file changed after it was opened is refused when its rows are read: CORRUPT_FILE', async () => {
    const path = handMade('changing.xlsx', { sheets: [{ name: 'S', xml: manyRows(10) }] });
    const source = await openSpreadsheet(path);
    utimesSync(path, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await failure(rowsOf(source))).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('changed while it was being read') as unknown });
  });
});

describe('streaming xlsx reader: the tokenizer', () => {
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3"><si><t>Account</t></si><si><r><t>Ri</t></r><r><rPr><b val="1"/></rPr><t xml:space="preserve">ch ✓ </t></r><rPh><t>x</t></rPh></si><si><t>&amp;&#x2713;_x000D_</t></si></sst>`;
  const sheet =
    '\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE worksheet [ <!ENTITY e "x"> ]><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<!-- a comment with <row> and <c> inside --><x:sheetData>' +
    '<x:row r="1" x14ac:dyDescent="0.25"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Note</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
    '<x:row r="2"><x:c r="A2" t=\'inlineStr\' ><x:is><x:t>a &gt; b &amp; ünïcødé 😀 <![CDATA[<c>not a cell</c> & ]]>end</x:t></x:is></x:c>' +
    '<x:c r="B2" t="str"><x:f>IF(A1&gt;0,"&lt;yes&gt;","no")</x:f><x:v>stale</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c></x:row>' +
    '<?pi data?><x:row r="5"><x:c r="C5"><x:v>3.25</x:v></x:c></x:row>' +
    '</x:sheetData></x:worksheet>';

  function parse(xml: Buffer, chunk: () => number, strings: SharedStringsReader): SheetRow[] {
    const reader = new SheetRowsReader({ file: 'f.xlsx', sheet: 'S', strings: strings.strings, styles: NumberStyles.none(), date1904: false });
    const tokenizer = new XmlTokenizer(reader);
    const rows: SheetRow[] = [];
    for (let at = 0; at < xml.length; ) {
      const size = chunk();
      tokenizer.write(xml.subarray(at, at + size));
      at += size;
      rows.push(...reader.take());
    }
    tokenizer.end();
    rows.push(...reader.take());
    return rows;
  }

  function strings(chunk: () => number): SharedStringsReader {
    const reader = new SharedStringsReader('f.xlsx');
    const tokenizer = new XmlTokenizer(reader);
    const xml = Buffer.from(sharedStrings);
    for (let at = 0; at < xml.length; ) {
      const size = chunk();
      tokenizer.write(xml.subarray(at, at + size));
      at += size;
    }
    tokenizer.end();
    return reader;
  }

  it('reads the same rows whether fed whole or in chunks of 1 to 7 bytes (tags, entities, UTF-8 and CDATA split anywhere)', () => {
    const xml = Buffer.from(sheet);
    const whole = parse(xml, () => xml.length, strings(() => sharedStrings.length * 4));
    expect(whole).toEqual([
      { line: 1, cells: ['Account', 'Note', 'Rich ✓ '] },
      { line: 2, cells: ['a > b & ünïcødé 😀 <c>not a cell</c> & end', '=IF(A1>0,"<yes>","no")', '&✓\r'] },
      { line: 5, cells: ['', '', '3.25'] },
    ]);
    for (let size = 1; size <= 7; size++) {
      expect(parse(xml, () => size, strings(() => size)), `chunks of ${size}`).toEqual(whole);
    }
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % 7);
    };
    for (let run = 0; run < 20; run++) expect(parse(xml, random, strings(random))).toEqual(whole);
  });

  it('styles: cell formats, custom formats overriding built-in ids, cellStyleXfs and dxfs ignored', () => {
    const reader = new StylesReader('f.xlsx');
    const tokenizer = new XmlTokenizer(reader);
    tokenizer.write(
      Buffer.from(
        '<styleSheet><numFmts count="2"><numFmt numFmtId="14" formatCode="0.0"/><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs><xf numFmtId="164"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
      ),
    );
    tokenizer.end();
    const styles = reader.result();
    expect([0, 1, 2, 3, 4].map((s) => styles.isDate(s))).toEqual([false, false, true, true, false]);
    expect(styles.text(1, 2.25)).toBe('2.3');
    expect(styles.text(4, 2.25)).toBe('2.25');
  });
});

describe('the SheetJS path: limits that keep it in memory', () => {
  const odsParts = (content: string): ZipPart[] => [
    { ...deflatedPart('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), method: 0, data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    deflatedPart('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    deflatedPart('styles.xml', '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    deflatedPart(
      'content.xml',
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">${content}</table:table></office:spreadsheet></office:body></office:document-content>`,
    ),
  ];
  const odsRow = (cells: string, repeat?: number): string => `<table:table-row${repeat === undefined ? '' : ` table:number-rows-repeated="${repeat}"`}>${cells}</table:table-row>`;
  const odsCell = (text: string, repeat?: number): string => `<table:table-cell office:value-type="string"${repeat === undefined ? '' : ` table:number-columns-repeated="${repeat}"`}><text:p>${text}</text:p></table:table-cell>`;

  it('an .ods whose repeated cells would expand to billions of cells is refused before SheetJS sees it, in little memory: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'repeat-bomb.ods');
    writeFileSync(path, buildZip(odsParts(odsRow(odsCell('Account')) + odsRow(odsCell('x', READ_LIMITS.maxColumns), 1_000_000))));
    const before = process.memoryUsage().rss;
    const refused = await failure(openSpreadsheet(path));
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(refused).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        '"repeat-bomb.ods" was refused because its repeated cells (number-columns-repeated, number-rows-repeated) expand to more than 4,000,000 cells, more than Attest reads from an .ods file; open it in LibreOffice or Excel and save it as .xlsx (or export the sheet you need as CSV), and import that.',
    });
    // Many rows each just under any one-row limit add up.
    const spread = join(tempDir(), 'repeat-spread.ods');
    writeFileSync(spread, buildZip(odsParts(odsRow(odsCell('Account')) + odsRow(odsCell('x', 1000)).repeat(4001))));
    expect(await failure(openSpreadsheet(spread))).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('an .ods with empty repeated rows and cells to the sheet edge (as LibreOffice writes) reads', async () => {
    const path = join(tempDir(), 'edge.ods');
    const empty = '<table:table-cell table:number-columns-repeated="1022"/>';
    writeFileSync(path, buildZip(odsParts(odsRow(odsCell('Account') + odsCell('Role') + empty) + odsRow(odsCell('alice') + odsCell('Admin') + empty) + odsRow(`<table:table-cell table:number-columns-repeated="1024"/>`, 1_048_574))));
    expect(await read(path)).toMatchObject({ header: ['Account', 'Role'], rows: [{ line: 2, cells: ['alice', 'Admin'] }] });
  });

  it('an .ods whose content.xml is over 128 MB: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'huge.ods');
    const content = await deflatedSpaces('content.xml', 129 * 1024 * 1024);
    // Padding keeps the compression ratio under the zip-bomb threshold.
    const parts = odsParts('').map((p) => (p.name === 'content.xml' ? { ...content, data: Buffer.concat([content.data, Buffer.alloc(200 * 1024)]) } : p));
    writeFileSync(path, buildZip(parts));
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        '"huge.ods" is an OpenDocument spreadsheet whose sheets unpack to 129.0 MB, more than the 128.0 MB Attest reads from an .ods file; open it in LibreOffice or Excel and save it as .xlsx (or export the sheet you need as CSV), and import that.',
    });
  });

  it('an .xls over 32 MB is refused by its size, unread: FILE_TOO_LARGE', async () => {
    const path = join(tempDir(), 'big.xls');
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 33 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    expect(await failure(openSpreadsheet(path))).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        '"big.xls" is a legacy Excel 97-2003 workbook (.xls) of 33.0 MB, more than the 32 MB Attest reads in that format; open it in Excel or LibreOffice and save it as .xlsx (or export the sheet you need as CSV), and import that.',
    });
  });
});
