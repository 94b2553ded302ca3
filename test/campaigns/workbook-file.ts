import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/** A returned reviewer workbook as its reviewer (or a tamperer) edits it in a spreadsheet program. */
export class WorkbookFile {
  readonly book: XLSX.WorkBook;

  constructor(readonly path: string) {
    this.book = XLSX.read(readFileSync(path), { type: 'buffer' });
  }

  rows(sheet = 'Items'): string[][] {
    return XLSX.utils.sheet_to_json<string[]>(this.book.Sheets[sheet]!, { header: 1, defval: '', raw: false });
  }

  /** Replaces a sheet's rows (header included) and writes the file (or a copy) back. */
  write(rows: string[][], sheet = 'Items', to = this.path): string {
    this.book.Sheets[sheet] = XLSX.utils.aoa_to_sheet(rows);
    writeFileSync(to, XLSX.write(this.book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return to;
  }

  column(name: string): number {
    return this.rows()[0]!.indexOf(name);
  }

  /** Sets Decision (and Comment) on the row of an item; returns the rows. */
  decide(rows: string[][], itemId: number, decision: string, comment = ''): string[][] {
    const row = rows.find((r) => r[0] === String(itemId));
    if (!row) throw new Error(`no row for item ${itemId}`);
    row[this.column('Decision')] = decision;
    row[this.column('Comment')] = comment;
    return rows;
  }
}
