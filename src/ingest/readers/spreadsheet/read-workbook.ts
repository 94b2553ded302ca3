/**
 * The only door to SheetJS: the file's size is checked, its container recognised by its magic
 * bytes (never its name), a zip guarded against bombs and damage, and every SheetJS failure
 * turned into a coded sentence.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import type { ParsingOptions, WorkBook } from 'xlsx';
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';
import { cancelled, fileError, notAFile } from '../csv/csv-errors.js';
import { guardZip } from './zip-guard.js';

/**
 * ooxml: xlsx/xlsm/xlsb, where SheetJS can parse just the sheets asked for; ods and xls (and any
 * other zip SheetJS may recognise) are parsed whole.
 */
export type WorkbookContainer = 'ooxml' | 'ods' | 'zip' | 'xls';

export interface SpreadsheetFile {
  /** The file's name, for messages. */
  file: string;
  bytes: Buffer;
  container: WorkbookContainer;
}

/** What every read asks of SheetJS: dense sheets, real dates, formulas kept, no styles or HTML. */
const BASE_OPTIONS: ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellDates: true,
  cellFormula: true,
  cellHTML: false,
  cellStyles: false,
  // The number format decides how a number reads. Formatted text (cellText) must stay on: without
  // it SheetJS 0.20.3 never loads Excel's implicit formats (ids 5-8, 27-36, 41-44, 50-81) and, with
  // cellDates, silently drops any sheet that uses one.
  cellNF: true,
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

const megabytes = (bytes: number, digits = 0): string => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} MB`;

/** Reads and checks a workbook's bytes. Throws NOT_FOUND, USAGE, EMPTY_FILE, FILE_TOO_LARGE, CORRUPT_FILE, CANCELLED. */
export async function loadSpreadsheet(path: string, signal?: AbortSignal): Promise<SpreadsheetFile> {
  const file = basename(path);
  if (signal?.aborted) throw cancelled(file);
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (info.isDirectory()) throw notAFile(path);
  if (info.size === 0) throw new AttestError('EMPTY_FILE', `"${file}" is empty (0 bytes); export the workbook again and import the new file.`);
  if (info.size > READ_LIMITS.maxSpreadsheetBytes) {
    throw new AttestError(
      'FILE_TOO_LARGE',
      `"${file}" is ${megabytes(info.size, 1)}, more than the ${megabytes(READ_LIMITS.maxSpreadsheetBytes)} Attest reads from one workbook; export the sheet you need as CSV (CSV has no size limit) and import that.`,
    );
  }
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (signal?.aborted) throw cancelled(file);
  if (startsWith(bytes, ZIP_MAGIC)) {
    const entries = await guardZip(bytes, file, signal);
    if (signal?.aborted) throw cancelled(file);
    const names = new Set(entries.map((e) => e.name));
    const container = names.has('[Content_Types].xml') ? 'ooxml' : names.has('content.xml') ? 'ods' : 'zip';
    return { file, bytes, container };
  }
  if (startsWith(bytes, CFB_MAGIC)) return { file, bytes, container: 'xls' };
  throw new AttestError(
    'CORRUPT_FILE',
    `"${file}" is not a spreadsheet SheetJS can read (it is neither an xlsx/xlsm/ods zip nor a legacy .xls file); if it is a CSV or text export, save it with a .csv name and import that.`,
  );
}

function sheetJsFailure(file: string, error: unknown): AttestError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(reason)) {
    return new AttestError('CORRUPT_FILE', `"${file}" is password-protected or encrypted, so it cannot be read; save an unprotected copy (File > Info > Protect Workbook) and import that.`, { cause: error });
  }
  return new AttestError(
    'CORRUPT_FILE',
    `"${file}" could not be read as a spreadsheet (SheetJS: ${reason.slice(0, 200)}); open it in Excel or LibreOffice, save it again as .xlsx, and import the saved copy.`,
    { cause: error },
  );
}

/** SheetJS over bytes already loaded and guarded, with any of its failures as CORRUPT_FILE. */
export function parseWorkbook(spreadsheet: SpreadsheetFile, options: ParsingOptions = {}): WorkBook {
  try {
    return XLSX.read(spreadsheet.bytes, { ...BASE_OPTIONS, ...options });
  } catch (error) {
    throw sheetJsFailure(spreadsheet.file, error);
  }
}
