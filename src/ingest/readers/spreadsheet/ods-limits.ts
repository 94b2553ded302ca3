/**
 * What an OpenDocument spreadsheet must not ask of SheetJS, which builds every cell of a sheet as
 * an object: content.xml too large (SheetJS's peak is about 8 times it), or repeat counts
 * (`table:number-columns-repeated` on a cell with content, `table:number-rows-repeated` on its
 * row) that make a few bytes of XML into millions of cells. content.xml is scanned streaming,
 * before SheetJS sees it, counting the cells SheetJS would build. Empty repeated cells and rows
 * (LibreOffice writes them to the sheet's edge) cost SheetJS nothing and count for nothing.
 */
import { AttestError } from '../../../errors.js';
import { parsePart } from './xlsx-stream/workbook-parts.js';
import type { XmlHandler, XmlTag } from './xlsx-stream/xml-tokenizer.js';
import { name } from './xlsx-stream/xml-tokenizer.js';
import type { ZipArchive } from './xlsx-stream/zip-entries.js';

export const ODS_CONTENT_PART = 'content.xml';
/** content.xml larger than this (uncompressed) is refused. */
export const MAX_ODS_CONTENT_BYTES = 128 * 1024 * 1024;
/**
 * Cells SheetJS may build from one .ods file, repeats expanded: about 350 MB of SheetJS's memory
 * (measured: 4 million repeated text cells). A 128 MB content.xml written cell by cell holds
 * about 1.3 million cells.
 */
export const MAX_ODS_CELLS = 4_000_000;

const count = (n: number): string => n.toLocaleString('en-US');
const megabytes = (bytes: number): string => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

const TABLE_ROW = name('table-row');
const TABLE_CELL = name('table-cell');
const P = name('p');
const ROWS_REPEATED = name('number-rows-repeated');
const COLUMNS_REPEATED = name('number-columns-repeated');
const VALUE_TYPE = name('value-type');

/** As SheetJS reads a repeat count: a positive integer, anything else 1. */
function repeat(raw: string | undefined): number {
  const n = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function tooManyCells(file: string): AttestError {
  return new AttestError(
    'FILE_TOO_LARGE',
    `"${file}" was refused because its repeated cells (number-columns-repeated, number-rows-repeated) expand to more than ${count(MAX_ODS_CELLS)} cells, more than Attest reads from an .ods file; open it in LibreOffice or Excel and save it as .xlsx (or export the sheet you need as CSV), and import that.`,
  );
}

/** Counts, streaming, the cells SheetJS would build; throws as soon as they pass MAX_ODS_CELLS. */
class RepeatCounter implements XmlHandler {
  cells = 0;
  private rowRepeat = 1;
  private inCell = false;
  private cellRepeat = 1;
  private cellHasContent = false;

  constructor(private readonly file: string) {}

  open(tag: XmlTag): void {
    if (tag.is(TABLE_ROW)) {
      this.rowRepeat = repeat(tag.rawAttr(ROWS_REPEATED));
    } else if (tag.is(TABLE_CELL)) {
      const valueType = tag.rawAttr(VALUE_TYPE);
      if (tag.selfClosing) {
        // SheetJS keeps an empty string cell once, its repeats not expanded.
        if (valueType === 'string') this.add(1);
        return;
      }
      this.inCell = true;
      this.cellRepeat = repeat(tag.rawAttr(COLUMNS_REPEATED));
      this.cellHasContent = valueType !== undefined;
    } else if (this.inCell && tag.is(P)) {
      this.cellHasContent = true;
    }
  }

  close(tag: XmlTag): void {
    if (tag.is(TABLE_ROW)) {
      this.rowRepeat = 1;
    } else if (tag.is(TABLE_CELL) && this.inCell) {
      this.inCell = false;
      if (this.cellHasContent) this.add(this.rowRepeat * this.cellRepeat);
    }
  }

  text(): void {
    // Only the structure counts.
  }

  private add(cells: number): void {
    this.cells += cells;
    if (this.cells > MAX_ODS_CELLS) throw tooManyCells(this.file);
  }
}

/** Refuses an .ods SheetJS could not hold: FILE_TOO_LARGE; CORRUPT_FILE for a damaged content.xml. */
export async function checkOdsLimits(zip: ZipArchive, signal?: AbortSignal): Promise<void> {
  const content = zip.find(ODS_CONTENT_PART);
  if (content === undefined) return;
  if (content.uncompressedSize > MAX_ODS_CONTENT_BYTES) {
    throw new AttestError(
      'FILE_TOO_LARGE',
      `"${zip.file}" is an OpenDocument spreadsheet whose sheets unpack to ${megabytes(content.uncompressedSize)}, more than the ${megabytes(MAX_ODS_CONTENT_BYTES)} Attest reads from an .ods file; open it in LibreOffice or Excel and save it as .xlsx (or export the sheet you need as CSV), and import that.`,
    );
  }
  await parsePart(zip, content, new RepeatCounter(zip.file), signal);
}
