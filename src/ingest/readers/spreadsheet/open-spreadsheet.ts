/**
 * The spreadsheet reader (xlsx, xlsm, xls, ods): picks a sheet, finds its header (the first
 * non-empty row) and hands back its rows as cell text. Office Open XML workbooks (.xlsx, .xlsm)
 * are read streaming (xlsx-stream), in little memory whatever their size; the others (.xls, .ods,
 * .xlsb) by SheetJS, which parses the chosen sheet whole (only that sheet where the format
 * allows), within limits that keep it from running out of memory (read-workbook).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WorkBook } from 'xlsx';
import { AttestError } from '../../../errors.js';
import type { TableRow, TableSource } from '../../source.js';
import { cancelled } from '../csv/csv-errors.js';
import type { SpreadsheetFile } from './read-workbook.js';
import { checkSpreadsheetFile, isZipFile, loadSpreadsheet, parseWorkbook } from './read-workbook.js';
import { SheetGrid } from './sheet-grid.js';
import { listXlsxSheets, openXlsxStream } from './xlsx-stream/open-xlsx-stream.js';
import { WORKBOOK_PART } from './xlsx-stream/workbook-parts.js';
import { ZipArchive } from './xlsx-stream/zip-entries.js';

export interface SpreadsheetOptions {
  /** The sheet to read, by name (case-insensitive, as in Excel). Default: the first sheet with data. */
  sheet?: string;
  /** Aborting makes openSpreadsheet, or the rows iterator, throw AttestError('CANCELLED'). */
  signal?: AbortSignal;
}

/** Rows parsed of each other sheet to tell whether it holds data (a table starting lower is missed). */
const PROBE_ROWS = 1000;
/** How often the rows iterator checks for cancellation and lets the event loop run. */
const CHECK_EVERY_ROWS = 4096;

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function emptyWorkbook(file: string, sheets: number): AttestError {
  return new AttestError(
    'EMPTY_FILE',
    sheets === 1
      ? `"${file}" has no data in its only sheet; export the data again and import the new file.`
      : `"${file}" has no data in any of its ${sheets} sheets; export the data again and import the new file.`,
  );
}

function findSheet(workbook: WorkBook, wanted: string): string | undefined {
  return workbook.SheetNames.find((n) => n === wanted) ?? workbook.SheetNames.find((n) => n.toLowerCase() === wanted.toLowerCase());
}

/**
 * A sheet SheetJS parsed. SheetJS drops a sheet it fails to parse without a word (the workbook
 * still lists it), so a missing sheet is a damaged one: CORRUPT_FILE rather than no data.
 */
function grid(spreadsheet: SpreadsheetFile, workbook: WorkBook, name: string): SheetGrid {
  if (!Object.hasOwn(workbook.Sheets, name)) {
    throw new AttestError(
      'CORRUPT_FILE',
      `Sheet "${name}" of "${spreadsheet.file}" could not be read (it is damaged or of a kind SheetJS cannot parse); open the workbook in Excel or LibreOffice and save it again, or choose another sheet with --sheet.`,
    );
  }
  return new SheetGrid(spreadsheet.file, name, workbook.Sheets[name], spreadsheet.container === 'ods');
}

/** The sheet the user named; USAGE listing the sheets when there is none by that name. */
function namedSheet(spreadsheet: SpreadsheetFile, wanted: string): SheetGrid {
  const workbook = parseWorkbook(spreadsheet, spreadsheet.container === 'ooxml' ? { sheets: wanted } : {});
  const name = findSheet(workbook, wanted);
  if (name === undefined) {
    throw new AttestError('USAGE', `"${spreadsheet.file}" has no sheet named "${wanted}"; its sheets are ${quoteList(workbook.SheetNames)}: choose one of them with --sheet.`);
  }
  const sheet = grid(spreadsheet, workbook, name);
  if (!sheet.hasData()) {
    throw new AttestError('EMPTY_FILE', `Sheet "${name}" of "${spreadsheet.file}" is empty; choose a sheet with data (its sheets are ${quoteList(workbook.SheetNames)}) with --sheet.`);
  }
  return sheet;
}

function otherSheetsNote(sheets: number, chosen: string): string {
  return `The workbook has ${sheets} sheets; read "${chosen}". Choose another with --sheet.`;
}

/**
 * The first sheet with data, and a note when other sheets hold data too. xlsx: the first sheet is
 * parsed whole and the others only to their first rows; ods and xls are parsed whole (SheetJS
 * cannot pick sheets in them).
 */
function firstSheetWithData(spreadsheet: SpreadsheetFile): { sheet: SheetGrid; notes: string[] } {
  if (spreadsheet.container !== 'ooxml') {
    const workbook = parseWorkbook(spreadsheet);
    const withData = workbook.SheetNames.map((n) => grid(spreadsheet, workbook, n)).filter((g) => g.hasData());
    const sheet = withData[0];
    if (sheet === undefined) throw emptyWorkbook(spreadsheet.file, workbook.SheetNames.length);
    return { sheet, notes: withData.length > 1 ? [otherSheetsNote(workbook.SheetNames.length, sheet.sheet)] : [] };
  }

  let workbook = parseWorkbook(spreadsheet, { sheets: 0 });
  const names = workbook.SheetNames;
  const first = names[0] === undefined ? undefined : grid(spreadsheet, workbook, names[0]);
  if (names.length <= 1) {
    if (first === undefined || !first.hasData()) throw emptyWorkbook(spreadsheet.file, 1);
    return { sheet: first, notes: [] };
  }
  const others = names.map((_, i) => i).slice(1);
  const probe = parseWorkbook(spreadsheet, { sheets: others, sheetRows: PROBE_ROWS });
  // A damaged other sheet only goes unmentioned: it is reported if it is ever chosen.
  const probed = (name: string): boolean => Object.hasOwn(probe.Sheets, name) && grid(spreadsheet, probe, name).hasData();
  const withData = names.map((name, i) => ({ name, i })).filter(({ name, i }) => (i === 0 ? first?.hasData() === true : probed(name)));
  const chosen = withData[0];
  if (chosen === undefined) throw emptyWorkbook(spreadsheet.file, names.length);
  if (chosen.i !== 0) workbook = parseWorkbook(spreadsheet, { sheets: chosen.i });
  const sheet = chosen.i === 0 && first !== undefined ? first : grid(spreadsheet, workbook, chosen.name);
  return { sheet, notes: withData.length > 1 ? [otherSheetsNote(names.length, chosen.name)] : [] };
}

/** Rows after the header; empty rows skipped, the rest padded with '' to the header's width. */
async function* sheetRows(sheet: SheetGrid, file: string, headerRow: number, width: number, signal: AbortSignal | undefined): AsyncGenerator<TableRow> {
  let seen = 0;
  for (const r of sheet.rowIndices()) {
    if (r <= headerRow) continue;
    if (++seen % CHECK_EVERY_ROWS === 0) {
      await nextTurn();
      if (signal?.aborted) throw cancelled(file);
    }
    const cells = sheet.rowText(r);
    if (cells.length === 0) continue;
    while (cells.length < width) cells.push('');
    yield { line: r + 1, cells };
  }
}

/**
 * An xlsx/xlsm workbook's zip (directory read and checked), or undefined for anything SheetJS reads.
 * Throws NOT_FOUND, USAGE, EMPTY_FILE, FILE_TOO_LARGE, CORRUPT_FILE, CANCELLED.
 */
async function openXlsxZip(path: string, signal?: AbortSignal): Promise<ZipArchive | undefined> {
  const { file } = await checkSpreadsheetFile(path, signal);
  if (!(await isZipFile(path))) return undefined;
  const zip = ZipArchive.open(path, file);
  if (signal?.aborted) throw cancelled(file);
  return zip.find(WORKBOOK_PART) === undefined ? undefined : zip;
}

/**
 * Opens one sheet of a workbook. Throws AttestError NOT_FOUND, EMPTY_FILE, FILE_TOO_LARGE (size,
 * zip bomb), CORRUPT_FILE (damaged, not a workbook, password-protected), USAGE (no such sheet),
 * TOO_MANY_COLUMNS / CELL_TOO_LARGE (in the header; the rows iterator throws them for its rows),
 * CANCELLED. Rows are numbered as the sheet numbers them; empty rows are skipped; a row has the
 * header's width, more only when it holds cells right of the header's last one. The rows iterator
 * may be called again: each call reads the sheet again.
 */
export async function openSpreadsheet(path: string, options: SpreadsheetOptions = {}): Promise<TableSource> {
  const zip = await openXlsxZip(path, options.signal);
  return zip === undefined ? openSpreadsheetWithSheetJs(path, options) : openXlsxStream(zip, options);
}

/** The workbook's sheet names, in order. Throws as openSpreadsheet does for the file itself. */
export async function listSheets(path: string): Promise<string[]> {
  const zip = await openXlsxZip(path);
  if (zip !== undefined) return listXlsxSheets(zip);
  const spreadsheet = await loadSpreadsheet(path);
  return parseWorkbook(spreadsheet, { bookSheets: true }).SheetNames;
}

/**
 * openSpreadsheet through SheetJS, whatever the format: how .xls and .ods are read, and, for
 * .xlsx, the reference the streaming reader is tested against.
 */
export async function openSpreadsheetWithSheetJs(path: string, options: SpreadsheetOptions = {}): Promise<TableSource> {
  const { signal } = options;
  const spreadsheet = await loadSpreadsheet(path, signal);
  const { sheet, notes } = options.sheet === undefined ? firstSheetWithData(spreadsheet) : { sheet: namedSheet(spreadsheet, options.sheet), notes: [] };
  const file = spreadsheet.file;
  if (signal?.aborted) throw cancelled(file);

  let header: string[] = [];
  let headerRow = -1;
  for (const r of sheet.rowIndices()) {
    header = sheet.rowText(r);
    if (header.length > 0) {
      headerRow = r;
      break;
    }
  }
  return {
    kind: 'table',
    header,
    headerLine: headerRow + 1,
    encoding: null,
    delimiter: null,
    sheet: sheet.sheet,
    notes,
    rows: () => sheetRows(sheet, file, headerRow, header.length, signal),
  };
}
