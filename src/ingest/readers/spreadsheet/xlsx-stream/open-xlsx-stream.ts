/**
 * The streaming reader for Office Open XML workbooks (.xlsx, .xlsm): the sheet's XML is inflated
 * and parsed chunk by chunk, rows handed on as they are read; only the shared string table is held
 * whole. Each call of rows() streams the sheet again from the file. Sheet choice, header, notes
 * and errors are those of the SheetJS path (open-spreadsheet).
 */
import { AttestError } from '../../../../errors.js';
import type { TableRow, TableSource } from '../../../source.js';
import { cancelled } from '../../csv/csv-errors.js';
import type { SpreadsheetOptions } from '../open-spreadsheet.js';
import type { SharedStrings } from './shared-strings.js';
import { SharedStringsReader } from './shared-strings.js';
import type { SheetRow } from './sheet-rows.js';
import { SheetRowsReader } from './sheet-rows.js';
import { NumberStyles, StylesReader } from './styles.js';
import type { WorkbookParts, WorkbookSheet } from './workbook-parts.js';
import { parsePart, readWorkbookParts, unreadablePart } from './workbook-parts.js';
import { XmlSyntaxError, XmlTokenizer } from './xml-tokenizer.js';
import type { ZipArchive } from './zip-entries.js';

interface Book {
  zip: ZipArchive;
  parts: WorkbookParts;
  strings: SharedStrings;
  styles: NumberStyles;
  signal: AbortSignal | undefined;
}

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function otherSheetsNote(sheets: number, chosen: string): string {
  return `The workbook has ${sheets} sheets; read "${chosen}". Choose another with --sheet.`;
}

function emptyWorkbook(file: string, sheets: number): AttestError {
  return new AttestError(
    'EMPTY_FILE',
    sheets === 1
      ? `"${file}" has no data in its only sheet; export the data again and import the new file.`
      : `"${file}" has no data in any of its ${sheets} sheets; export the data again and import the new file.`,
  );
}

async function loadBook(zip: ZipArchive, signal: AbortSignal | undefined): Promise<Book> {
  const parts = await readWorkbookParts(zip, signal);
  const stringsReader = new SharedStringsReader(zip.file);
  if (parts.sharedStrings !== undefined) await parsePart(zip, parts.sharedStrings, stringsReader, signal);
  let styles = NumberStyles.none();
  if (parts.styles !== undefined) {
    const stylesReader = new StylesReader(zip.file);
    await parsePart(zip, parts.styles, stylesReader, signal);
    styles = stylesReader.result();
  }
  return { zip, parts, strings: stringsReader.strings, styles, signal };
}

/** A worksheet whose part is missing: CORRUPT_FILE naming it, as the SheetJS path names a sheet it cannot read. */
function missingSheet(file: string, sheet: WorkbookSheet): AttestError {
  return new AttestError(
    'CORRUPT_FILE',
    `Sheet "${sheet.name}" of "${file}" could not be read (its part is missing from the workbook); open the workbook in Excel or LibreOffice and save it again, or choose another sheet with --sheet.`,
  );
}

/**
 * Streams a sheet through a SheetRowsReader: one batch of completed rows (maybe none) per inflated
 * chunk. Breaking out stops reading. Chart and other non-worksheet sheets have nothing to stream.
 */
async function* sheetBatches(book: Book, sheet: WorkbookSheet, reader: SheetRowsReader): AsyncGenerator<SheetRow[]> {
  if (!sheet.isWorksheet) return;
  if (sheet.part === undefined) throw missingSheet(book.zip.file, sheet);
  const tokenizer = new XmlTokenizer(reader);
  try {
    for await (const chunk of book.zip.chunks(sheet.part, book.signal)) {
      tokenizer.write(chunk);
      yield reader.take();
    }
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw unreadablePart(book.zip.file, sheet.part.name, error.message);
    throw error;
  }
  yield reader.take();
}

function rowsReader(book: Book, sheet: WorkbookSheet, onSharedFormula?: (sheet: string) => void, stopAfter?: 'row' | 'cell'): SheetRowsReader {
  return new SheetRowsReader({
    file: book.zip.file,
    sheet: sheet.name,
    strings: book.strings,
    styles: book.styles,
    date1904: book.parts.date1904,
    ...(onSharedFormula === undefined ? {} : { onSharedFormula }),
    ...(stopAfter === undefined ? {} : { stopAfter }),
  });
}

/**
 * The sheet's first non-empty row (its header), streaming no further than it: what follows it is
 * not read, so a problem in a later row is reported by the rows iterator, not here.
 */
async function firstRow(book: Book, sheet: WorkbookSheet, onSharedFormula?: (sheet: string) => void): Promise<SheetRow | undefined> {
  for await (const batch of sheetBatches(book, sheet, rowsReader(book, sheet, onSharedFormula, 'row'))) {
    if (batch[0] !== undefined) return batch[0];
  }
  return undefined;
}

/**
 * Whether another sheet holds data, streaming it only to its first non-empty cell. A sheet that
 * cannot be read is reported only if it is ever chosen (as on the SheetJS path); one whose cells
 * are too large or too many holds data.
 */
async function hasData(book: Book, sheet: WorkbookSheet): Promise<boolean> {
  const reader = rowsReader(book, sheet, undefined, 'cell');
  try {
    for await (const _batch of sheetBatches(book, sheet, reader)) if (reader.sawData) return true;
  } catch (error) {
    if (error instanceof AttestError) {
      if (error.code === 'CELL_TOO_LARGE' || error.code === 'TOO_MANY_COLUMNS') return true;
      if (error.code !== 'CANCELLED') return false;
    }
    throw error;
  }
  return false;
}

function findSheet(sheets: readonly WorkbookSheet[], wanted: string): WorkbookSheet | undefined {
  return sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
}

interface Chosen {
  sheet: WorkbookSheet;
  header: SheetRow;
  notes: string[];
}

async function namedSheet(book: Book, wanted: string, onSharedFormula: (sheet: string) => void): Promise<Chosen> {
  const names = book.parts.sheets.map((s) => s.name);
  const sheet = findSheet(book.parts.sheets, wanted);
  if (sheet === undefined) {
    throw new AttestError('USAGE', `"${book.zip.file}" has no sheet named "${wanted}"; its sheets are ${quoteList(names)}: choose one of them with --sheet.`);
  }
  const header = await firstRow(book, sheet, onSharedFormula);
  if (header === undefined) {
    throw new AttestError('EMPTY_FILE', `Sheet "${sheet.name}" of "${book.zip.file}" is empty; choose a sheet with data (its sheets are ${quoteList(names)}) with --sheet.`);
  }
  return { sheet, header, notes: [] };
}

/** The first sheet with data, and a note when other sheets hold data too (or when it is hidden). */
async function firstSheetWithData(book: Book, onSharedFormula: (sheet: string) => void): Promise<Chosen> {
  const { sheets } = book.parts;
  if (sheets.length === 0) throw unreadablePart(book.zip.file, 'xl/workbook.xml', 'it lists no sheets');
  for (const [index, sheet] of sheets.entries()) {
    const header = await firstRow(book, sheet, onSharedFormula);
    if (header === undefined) continue;
    const notes: string[] = [];
    for (const other of sheets.slice(index + 1)) {
      if (await hasData(book, other)) {
        notes.push(otherSheetsNote(sheets.length, sheet.name));
        break;
      }
    }
    if (sheet.state !== 'visible') notes.push(`Sheet "${sheet.name}" is hidden in the workbook; it was read because it is the first sheet with data.`);
    return { sheet, header, notes };
  }
  throw emptyWorkbook(book.zip.file, sheets.length);
}

/**
 * Opens one sheet of an xlsx/xlsm workbook whose zip directory was read and checked. Throws as
 * openSpreadsheet does.
 */
export async function openXlsxStream(zip: ZipArchive, options: SpreadsheetOptions = {}): Promise<TableSource> {
  const { signal } = options;
  const book = await loadBook(zip, signal);
  // Shared with the caller: a shared-formula note may be added while the rows are read.
  const notes: string[] = [];
  let sharedNoted = false;
  const onSharedFormula = (sheetName: string): void => {
    if (sharedNoted) return;
    sharedNoted = true;
    notes.push(`Some formulas in sheet "${sheetName}" are shared across cells (filled down or across); each such cell shows the formula as written in its first cell, its references not adjusted.`);
  };
  const chosen = options.sheet === undefined ? await firstSheetWithData(book, onSharedFormula) : await namedSheet(book, options.sheet, onSharedFormula);
  notes.unshift(...chosen.notes);
  if (signal?.aborted) throw cancelled(zip.file);

  const { sheet, header } = chosen;
  const width = header.cells.length;
  async function* rows(): AsyncGenerator<TableRow> {
    let headerSeen = false;
    for await (const batch of sheetBatches(book, sheet, rowsReader(book, sheet, onSharedFormula))) {
      for (const row of batch) {
        // The first non-empty row is the header.
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        const cells = row.cells;
        while (cells.length < width) cells.push('');
        yield { line: row.line, cells };
      }
    }
  }
  return { kind: 'table', header: header.cells, headerLine: header.line, encoding: null, delimiter: null, sheet: sheet.name, notes, rows };
}

/** The workbook's sheet names, in order (hidden ones too). */
export async function listXlsxSheets(zip: ZipArchive): Promise<string[]> {
  return (await readWorkbookParts(zip)).sheets.map((s) => s.name);
}
