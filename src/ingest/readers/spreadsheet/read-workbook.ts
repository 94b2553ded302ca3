/**
 * The only door to SheetJS (which reads .xls, .ods and other workbooks; .xlsx and .xlsm are read
 * streaming, by xlsx-stream): the file's size is checked, its container recognised by its magic
 * bytes (never its name), a zip guarded against bombs and damage, what SheetJS could not hold in
 * memory refused, and every SheetJS failure turned into a coded sentence.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import type { ParsingOptions, WorkBook } from 'xlsx';
import { AttestError } from '../../../errors.js';
import { READ_LIMITS } from '../../source.js';
import { cancelled, fileError, notAFile } from '../csv/csv-errors.js';
import { checkOdsLimits } from './ods-limits.js';
import { ZipArchive } from './xlsx-stream/zip-entries.js';
import { bufferBytes, checkEntries, readZipDirectory, verifyInflatedSizes } from './zip-guard.js';

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

/**
 * What SheetJS may be given. It builds every cell as an object: its peak memory is about 6 times
 * an .ods content.xml, 9 times an .xlsb sheet and 20 times an .xls file; beyond these limits the
 * workbook is refused with a request to save it as .xlsx (read streaming) or CSV.
 */
export const MAX_XLS_BYTES = 32 * 1024 * 1024;
/** A zip SheetJS reads whole, unpacked: an .ods (its content.xml is limited apart, in ods-limits). */
export const MAX_ODS_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Any other zip SheetJS reads, unpacked: .xlsb, Numbers, an xlsx whose workbook is not xl/workbook.xml. */
export const MAX_OTHER_ZIP_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

function sheetJsTooLarge(file: string, what: string): AttestError {
  return new AttestError('FILE_TOO_LARGE', `"${file}" ${what}; open it in Excel or LibreOffice and save it as .xlsx (or export the sheet you need as CSV), and import that.`);
}

/**
 * The checks every workbook read starts with: it exists, is a file, is not empty and not over the
 * size limit. Returns the name for messages. Throws NOT_FOUND, USAGE, EMPTY_FILE, FILE_TOO_LARGE, CANCELLED.
 */
export async function checkSpreadsheetFile(path: string, signal?: AbortSignal): Promise<{ file: string; size: number }> {
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
  return { file, size: info.size };
}

/** Whether the file starts as a zip does (its content decides, never its name). */
export async function isZipFile(path: string): Promise<boolean> {
  return startsWith(await magicBytes(path), ZIP_MAGIC);
}

async function magicBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileError(error, path);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads and checks a workbook's bytes for SheetJS. On top of the zip guard, what SheetJS could not
 * read without running out of memory is refused: .xls over 32 MB; .ods over 256 MB unpacked, or
 * whose content.xml is over 128 MB or whose repeated cells expand too far (ods-limits); other
 * zips (.xlsb) over 64 MB unpacked.
 * Throws NOT_FOUND, USAGE, EMPTY_FILE, FILE_TOO_LARGE, CORRUPT_FILE, CANCELLED.
 */
export async function loadSpreadsheet(path: string, signal?: AbortSignal): Promise<SpreadsheetFile> {
  const { file, size } = await checkSpreadsheetFile(path, signal);
  if (startsWith(await magicBytes(path), CFB_MAGIC) && size > MAX_XLS_BYTES) {
    throw sheetJsTooLarge(file, `is a legacy Excel 97-2003 workbook (.xls) of ${megabytes(size, 1)}, more than the ${megabytes(MAX_XLS_BYTES)} Attest reads in that format`);
  }
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (signal?.aborted) throw cancelled(file);
  if (startsWith(bytes, ZIP_MAGIC)) {
    const entries = readZipDirectory(bufferBytes(bytes), file);
    checkEntries(entries, file);
    const names = new Set(entries.map((e) => e.name));
    const container = names.has('[Content_Types].xml') ? 'ooxml' : names.has('content.xml') ? 'ods' : 'zip';
    const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    // SheetJS reads any zip with a content.xml (and a manifest) as OpenDocument, whatever else it holds.
    if (names.has('content.xml')) {
      if (unpacked > MAX_ODS_UNCOMPRESSED_BYTES) throw sheetJsTooLarge(file, `would unpack to ${megabytes(unpacked, 1)}, more than the ${megabytes(MAX_ODS_UNCOMPRESSED_BYTES)} Attest reads from an .ods file`);
      await checkOdsLimits(ZipArchive.fromBuffer(bytes, file, entries), signal);
    } else if (!names.has('xl/workbook.xml') && unpacked > MAX_OTHER_ZIP_UNCOMPRESSED_BYTES) {
      throw sheetJsTooLarge(file, `would unpack to ${megabytes(unpacked, 1)}, more than the ${megabytes(MAX_OTHER_ZIP_UNCOMPRESSED_BYTES)} Attest reads from a workbook of this kind (only .xlsx and .xlsm are read streaming)`);
    }
    await verifyInflatedSizes(bytes, entries, file, signal);
    if (signal?.aborted) throw cancelled(file);
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
