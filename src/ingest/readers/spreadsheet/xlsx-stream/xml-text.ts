/**
 * Character data of workbook XML as the text Excel shows: UTF-8 decoded, line ends normalised as
 * XML does, entities (`&amp;`, `&#10;`, `&#x1F600;`) replaced, then Excel's own `_xHHHH_` escapes
 * (how it writes control characters such as `_x000D_`, and `_x005F_` for a literal underscore)
 * replaced, and CR LF read as LF, as SheetJS reads it.
 */

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/g;
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/gi;

function entity(match: string, named: string | undefined, decimal: string | undefined, hex: string | undefined): string {
  if (named !== undefined) return NAMED[named] ?? match;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  // Not a character (0, past U+10FFFF): kept as written rather than guessed at.
  if (!(code > 0 && code <= 0x10ffff)) return match;
  return String.fromCodePoint(code);
}

/** Entities only: attribute values that are not Excel strings (part names, relationship targets). */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, entity) : text;
}

/** An Excel string (ST_Xstring) from its raw text: see the module comment. */
export function decodeXstring(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('&')) text = text.replace(ENTITY, entity);
  if (text.includes('_')) text = text.replace(EXCEL_ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  return text;
}

/** Whether raw bytes need decodeXstring, or are their UTF-8 text as they stand. */
export function needsDecoding(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === 0x26 || b === 0x0d) return true;
    if (b === 0x5f && (buf[i + 1] === 0x78 || buf[i + 1] === 0x58)) return true;
  }
  return false;
}

const AMP = Buffer.from('&amp;');
const LT = Buffer.from('&lt;');

/**
 * The raw bytes of one text value, gathered from the pieces the tokenizer reports. One piece (the
 * usual case) is only referenced; several are copied together. CDATA pieces are stored escaped,
 * so the whole value decodes alike.
 */
export class TextCollector {
  private single: Buffer | null = null;
  private singleStart = 0;
  private singleEnd = 0;
  private joined: Buffer | null = null;
  private joinedLength = 0;
  /** Raw bytes gathered. */
  length = 0;

  reset(): void {
    this.single = null;
    this.joined = null;
    this.joinedLength = 0;
    this.length = 0;
  }

  add(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (end <= start) return;
    if (cdata && buf.subarray(start, end).some((b) => b === 0x26 || b === 0x3c)) {
      this.addEscaped(buf.subarray(start, end));
      return;
    }
    if (this.length === 0) {
      this.single = buf;
      this.singleStart = start;
      this.singleEnd = end;
      this.length = end - start;
      return;
    }
    this.append(buf, start, end);
  }

  /** The gathered bytes: [buffer, start, end). Valid until the next add or reset. */
  bytes(): [Buffer, number, number] {
    if (this.joined !== null) return [this.joined, 0, this.joinedLength];
    if (this.single !== null) return [this.single, this.singleStart, this.singleEnd];
    return [EMPTY, 0, 0];
  }

  /** The value as an Excel string (decodeXstring). */
  text(): string {
    const [buf, start, end] = this.bytes();
    if (end === start) return '';
    const raw = buf.toString('utf8', start, end);
    return needsDecoding(buf, start, end) ? decodeXstring(raw) : raw;
  }

  private addEscaped(piece: Buffer): void {
    let from = 0;
    for (let i = 0; i < piece.length; i++) {
      const b = piece[i];
      if (b !== 0x26 && b !== 0x3c) continue;
      if (i > from) this.addPlain(piece, from, i);
      this.addPlain(b === 0x26 ? AMP : LT, 0, b === 0x26 ? AMP.length : LT.length);
      from = i + 1;
    }
    if (from < piece.length) this.addPlain(piece, from, piece.length);
  }

  private addPlain(buf: Buffer, start: number, end: number): void {
    if (this.length === 0) {
      this.single = buf;
      this.singleStart = start;
      this.singleEnd = end;
      this.length = end - start;
    } else {
      this.append(buf, start, end);
    }
  }

  private append(buf: Buffer, start: number, end: number): void {
    if (this.joined === null) {
      const first = this.single;
      this.joined = Buffer.allocUnsafe(Math.max(256, (this.length + end - start) * 2));
      if (first !== null) first.copy(this.joined, 0, this.singleStart, this.singleEnd);
      this.joinedLength = this.length;
      this.single = null;
    }
    const needed = this.joinedLength + end - start;
    if (needed > this.joined.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.joined.length * 2));
      this.joined.copy(grown, 0, 0, this.joinedLength);
      this.joined = grown;
    }
    buf.copy(this.joined, this.joinedLength, start, end);
    this.joinedLength = needed;
    this.length = needed;
  }
}

const EMPTY = Buffer.alloc(0);
