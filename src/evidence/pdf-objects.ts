import { inflateSync } from 'node:zlib';

/**
 * Just enough of PDF to read a pack back: the classic cross-reference table, indirect objects,
 * dictionaries, arrays, names, strings, numbers, references and streams. Packs are written by
 * pdfkit in that form (no object streams, no incremental updates); anything else is refused.
 */
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfString {
  constructor(readonly bytes: Buffer) {}
  /** Text strings: UTF-16BE with a BOM, or PDFDocEncoding (read as Latin-1). */
  get text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return b.toString('latin1');
  }
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export type PdfDict = Map<string, PdfValue>;
export interface PdfStream {
  dict: PdfDict;
  /** Offset of the first data byte in the file, and the raw (still encoded) bytes. */
  offset: number;
  raw: Buffer;
}

export class PdfFormatError extends Error {}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function isStream(value: PdfValue | undefined): value is PdfStream {
  return typeof value === 'object' && value !== null && 'raw' in value && 'dict' in value;
}
export function isDict(value: PdfValue | undefined): value is PdfDict {
  return value instanceof Map;
}

class Lexer {
  constructor(
    readonly bytes: Buffer,
    public pos: number,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITESPACE.has(c)) this.pos += 1;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos += 1;
      else break;
    }
  }

  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.bytes.length && !WHITESPACE.has(this.bytes[this.pos]!) && !DELIMITERS.has(this.bytes[this.pos]!)) this.pos += 1;
    return this.bytes.toString('latin1', start, this.pos);
  }

  peekWord(): string {
    const at = this.pos;
    const w = this.word();
    this.pos = at;
    return w;
  }

  value(): PdfValue {
    this.skipSpace();
    const c = this.bytes[this.pos];
    if (c === undefined) throw new PdfFormatError('unexpected end of file');
    if (c === 0x3c && this.bytes[this.pos + 1] === 0x3c) return this.dict();
    if (c === 0x3c) return this.hexString();
    if (c === 0x28) return this.literalString();
    if (c === 0x2f) return this.name();
    if (c === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.pos] === 0x5d) {
          this.pos += 1;
          return items;
        }
        items.push(this.value());
      }
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new PdfFormatError(`unexpected token "${w.slice(0, 20)}" at ${this.pos}`);
    const n = Number(w);
    // `num gen R`
    if (/^\d+$/.test(w)) {
      const at = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(n, Number(gen));
      this.pos = at;
    }
    return n;
  }

  private dict(): PdfDict {
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return dict;
      }
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfFormatError(`a dictionary key is not a name at ${this.pos}`);
      dict.set(key.name, this.value());
    }
  }

  private name(): PdfName {
    this.pos += 1;
    const start = this.pos;
    while (this.pos < this.bytes.length && !WHITESPACE.has(this.bytes[this.pos]!) && !DELIMITERS.has(this.bytes[this.pos]!)) this.pos += 1;
    return new PdfName(this.bytes.toString('latin1', start, this.pos).replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private hexString(): PdfString {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfFormatError('unterminated hex string');
    let hex = this.bytes.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
    if (hex.length % 2 === 1) hex += '0';
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex, 'hex'));
  }

  private literalString(): PdfString {
    const out: number[] = [];
    let depth = 0;
    this.pos += 1;
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos++];
      if (c === undefined) throw new PdfFormatError('unterminated string');
      if (c === 0x28) depth += 1;
      else if (c === 0x29) {
        if (depth === 0) return new PdfString(Buffer.from(out));
        depth -= 1;
      } else if (c === 0x5c) {
        const e = b[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++) oct = oct * 8 + (b[this.pos++]! - 0x30);
          out.push(oct & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos += 1;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      out.push(c);
    }
  }
}

export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();
  readonly trailer: PdfDict;
  /** Where the last `startxref` points: the one cross-reference section the file may have. */
  readonly xrefOffset: number;

  constructor(readonly bytes: Buffer) {
    const tail = bytes.toString('latin1', Math.max(0, bytes.length - 64));
    const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!match) throw new PdfFormatError('no startxref at the end of the file');
    this.xrefOffset = Number(match[1]);
    const lex = new Lexer(bytes, this.xrefOffset);
    if (lex.word() !== 'xref') throw new PdfFormatError('the cross-reference table is not where startxref points');
    while (/^\d+$/.test(lex.peekWord())) {
      const first = Number(lex.word());
      const count = Number(lex.word());
      for (let i = 0; i < count; i++) {
        const offset = Number(lex.word());
        lex.word();
        const kind = lex.word();
        if (kind === 'n') this.offsets.set(first + i, offset);
      }
    }
    if (lex.word() !== 'trailer') throw new PdfFormatError('no trailer after the cross-reference table');
    const trailer = lex.value();
    if (!isDict(trailer)) throw new PdfFormatError('the trailer is not a dictionary');
    if (trailer.has('Prev') || trailer.has('XRefStm')) throw new PdfFormatError('the file was updated after it was written (an incremental update)');
    this.trailer = trailer;
  }

  /** The object a value refers to (values that are not references are returned as they are). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    const cached = this.cache.get(value.num);
    if (cached !== undefined) return cached;
    const offset = this.offsets.get(value.num);
    if (offset === undefined) return undefined;
    const lex = new Lexer(this.bytes, offset);
    if (Number(lex.word()) !== value.num || Number(lex.word()) !== value.gen || lex.word() !== 'obj') throw new PdfFormatError(`object ${value.num} is not at its cross-reference offset`);
    let object = lex.value();
    if (isDict(object) && lex.peekWord() === 'stream') {
      lex.word();
      // The keyword is followed by CRLF or LF, then exactly /Length bytes.
      if (this.bytes[lex.pos] === 0x0d) lex.pos += 1;
      if (this.bytes[lex.pos] === 0x0a) lex.pos += 1;
      const length = this.resolve(object.get('Length'));
      if (typeof length !== 'number') throw new PdfFormatError(`stream ${value.num} has no length`);
      object = { dict: object, offset: lex.pos, raw: this.bytes.subarray(lex.pos, lex.pos + length) };
    }
    this.cache.set(value.num, object);
    return object;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return isDict(resolved) ? resolved : undefined;
  }

  stream(value: PdfValue | undefined): PdfStream | undefined {
    const resolved = this.resolve(value);
    return isStream(resolved) ? resolved : undefined;
  }

  /** Every object the cross-reference table lists; one that cannot be read (a changed byte) is counted in `unreadable`. */
  *objects(): Generator<{ num: number; value: PdfValue | undefined }> {
    for (const num of [...this.offsets.keys()].sort((a, b) => a - b)) {
      try {
        yield { num, value: this.resolve(new PdfRef(num, 0)) };
      } catch (error) {
        if (!(error instanceof PdfFormatError)) throw error;
        this.unreadable.push(num);
      }
    }
  }

  readonly unreadable: number[] = [];
}

/** A stream's decoded bytes (no filter, or FlateDecode: all pdfkit writes). */
export function decodeStream(stream: PdfStream): Buffer {
  const filter = stream.dict.get('Filter');
  const name = Array.isArray(filter) ? (filter.length === 1 ? filter[0] : undefined) : filter;
  if (filter === undefined) return stream.raw;
  if (name instanceof PdfName && name.name === 'FlateDecode') return inflateSync(stream.raw);
  throw new PdfFormatError('a stream uses a filter other than FlateDecode');
}
