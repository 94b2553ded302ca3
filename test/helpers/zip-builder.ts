/**
 * Hand-made zips for tests (the spreadsheet guard, the hostile corpus): honest bombs, parts whose declared sizes lie, and
 * directories that point past the end of the file.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Compressed bytes (deflate) or the stored bytes (method 0). */
  data: Buffer;
  /** The real uncompressed size. */
  size: number;
  crc: number;
  method?: 0 | 8;
  /** What the headers claim instead of `size`, to lie. */
  declaredSize?: number;
}

export function deflatedPart(name: string, content: string | Buffer): ZipPart {
  const bytes = Buffer.from(content);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** `size` bytes of spaces, deflated in 1 MB steps without ever holding them. */
export async function deflatedSpaces(name: string, size: number): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1 << 20, 0x20);
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = size - written >= chunk.length ? chunk : chunk.subarray(0, size - written);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(parts), size, crc };
}

export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const method = part.method ?? 8;
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest parts SheetJS accepts as an xlsx, around the given sheet1.xml part (and styles.xml, if given). */
export function xlsxParts(sheet: ZipPart, stylesXml?: string): ZipPart[] {
  const styles = stylesXml === undefined ? '' : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  const stylesRel = stylesXml === undefined ? '' : '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>';
  return [
    deflatedPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${styles}</Types>`,
    ),
    deflatedPart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflatedPart(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${stylesRel}</Relationships>`,
    ),
    ...(stylesXml === undefined ? [] : [deflatedPart('xl/styles.xml', stylesXml)]),
    sheet,
  ];
}

export interface HandMadeSheet {
  name: string;
  /** The whole worksheet XML, or just what goes inside <sheetData>. */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

export interface HandMadeWorkbook {
  sheets: HandMadeSheet[];
  /** The <si> items of xl/sharedStrings.xml (no table when undefined). */
  sharedStrings?: string[];
  /** The whole of xl/styles.xml. */
  styles?: string;
  date1904?: boolean;
  /** Relationship types in ISO/IEC 29500 Strict form (http://purl.oclc.org/ooxml/...). */
  strict?: boolean;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A worksheet's XML around the rows given (what goes inside <sheetData>). */
export const worksheet = (rows: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;

/** A styles.xml with the given custom number formats ({id: code}) and cell formats (numFmtIds, in order). */
export function stylesXml(numFmts: Record<number, string>, cellFormats: number[]): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fmts = Object.entries(numFmts).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`).join('');
  const xfs = cellFormats.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><numFmts count="${Object.keys(numFmts).length}">${fmts}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${cellFormats.length}">${xfs}</cellXfs></styleSheet>`;
}

/** The parts of an xlsx written by hand: any sheets, shared strings, styles, date system. */
export function handMadeParts(book: HandMadeWorkbook): ZipPart[] {
  const rel = book.strict === true ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...book.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    book.sharedStrings === undefined ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    book.styles === undefined ? '' : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  ].join('');
  const sheets = book.sheets.map((s, i) => `<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.state === undefined ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`).join('');
  const rels = [
    ...book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    book.sharedStrings === undefined ? '' : `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml"/>`,
    book.styles === undefined ? '' : `<Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/>`,
  ].join('');
  return [
    deflatedPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
    ),
    deflatedPart('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflatedPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${rel}">${book.date1904 === true ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`,
    ),
    deflatedPart('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    ...(book.sharedStrings === undefined
      ? []
      : [deflatedPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${book.sharedStrings.join('')}</sst>`)]),
    ...(book.styles === undefined ? [] : [deflatedPart('xl/styles.xml', book.styles)]),
    ...book.sheets.map((s, i) => deflatedPart(`xl/worksheets/sheet${i + 1}.xml`, s.xml.includes('<worksheet') ? s.xml : worksheet(s.xml))),
  ];
}
