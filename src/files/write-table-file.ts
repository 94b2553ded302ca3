import { existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as XLSX from 'xlsx';
import { AttestError } from '../errors.js';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes a table (header row first, cells already neutralised against formulas) to a new file:
 * CSV (UTF-8 with BOM, so spreadsheets read the accents) or XLSX, by the path's extension. An
 * existing file is never overwritten (EXISTS).
 */
export function writeTableFile(path: string, table: readonly (readonly string[])[], sheetName: string, what: string): void {
  const extension = extname(path).toLowerCase();
  if (existsSync(path)) throw new AttestError('EXISTS', `${path} already exists. Choose a new file name for the export; nothing is overwritten.`);
  if (extension === '.csv') {
    writeFileSync(path, `\uFEFF${table.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`, { flag: 'wx' });
  } else if (extension === '.xlsx') {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table as string[][]), sheetName);
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, { flag: 'wx' });
  } else {
    throw new AttestError('USAGE', `Export ${what} to a .csv or .xlsx file, not "${extension || path}".`);
  }
}
