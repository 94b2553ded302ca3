/**
 * The shared string table (xl/sharedStrings.xml), which cells of type `s` index. It is the one
 * thing the streaming reader holds whole, so it is held compactly: the strings' UTF-8 bytes in one
 * buffer and their end offsets in a typed array, each string decoded when a cell asks for it.
 * A rich text string is the text of its runs (`<r><t>`), phonetic guides (`<rPh>`) left out.
 */
import { AttestError } from '../../../../errors.js';
import { READ_LIMITS } from '../../../source.js';
import type { XmlHandler, XmlTag } from './xml-tokenizer.js';
import { name } from './xml-tokenizer.js';
import { needsDecoding, TextCollector } from './xml-text.js';

/** The table's text beyond this is refused (FILE_TOO_LARGE): it is held in memory. */
export const MAX_SHARED_STRING_BYTES = 512 * 1024 * 1024;
const MAX_SHARED_STRINGS = 32 * 1024 * 1024;
/** A string's raw XML beyond this is not kept: a cell using it is refused as too large, uncounted. */
const MAX_STRING_RAW_BYTES = 8 * READ_LIMITS.maxCellChars;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;

export class SharedStrings {
  private store = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private ends = new Uint32Array(1024);
  private oversized: Set<number> | undefined;
  count = 0;

  /** The string at `index`; undefined when there is none; null when it was too long to keep. */
  get(index: number): string | null | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    if (this.oversized?.has(index) === true) return null;
    const start = index === 0 ? 0 : (this.ends[index - 1] ?? 0);
    return this.store.toString('utf8', start, this.ends[index]);
  }

  /** Appends raw UTF-8 bytes that need no decoding. */
  addBytes(buf: Buffer, start: number, end: number, file: string): void {
    this.reserve(end - start, file);
    buf.copy(this.store, this.used, start, end);
    this.used += end - start;
    this.finish();
  }

  addText(text: string, file: string): void {
    const length = Buffer.byteLength(text);
    this.reserve(length, file);
    this.store.write(text, this.used, length, 'utf8');
    this.used += length;
    this.finish();
  }

  addOversized(file: string): void {
    (this.oversized ??= new Set()).add(this.count);
    this.reserve(0, file);
    this.finish();
  }

  private reserve(bytes: number, file: string): void {
    if (this.count >= MAX_SHARED_STRINGS) throw tooManyStrings(file, `more than ${MAX_SHARED_STRINGS.toLocaleString('en-US')} strings`);
    const needed = this.used + bytes;
    if (needed > MAX_SHARED_STRING_BYTES) throw tooManyStrings(file, `more than ${megabytes(MAX_SHARED_STRING_BYTES)} of text`);
    if (needed > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.min(MAX_SHARED_STRING_BYTES, Math.max(needed, this.store.length * 2)));
      this.store.copy(grown, 0, 0, this.used);
      this.store = grown;
    }
    if (this.count >= this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
  }

  private finish(): void {
    this.ends[this.count++] = this.used;
  }
}

function tooManyStrings(file: string, what: string): AttestError {
  return new AttestError('FILE_TOO_LARGE', `"${file}" has a shared string table of ${what}, more than Attest holds in memory; export the sheet you need as CSV and import that.`);
}

const SI = name('si');
const T = name('t');
const RPH = name('rPh');

/** Reads sharedStrings.xml, fed to an XmlTokenizer, into SharedStrings. */
export class SharedStringsReader implements XmlHandler {
  readonly strings = new SharedStrings();
  private readonly value = new TextCollector();
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private tooLong = false;

  constructor(private readonly file: string) {}

  open(tag: XmlTag): void {
    if (tag.is(SI)) {
      this.inItem = true;
      this.value.reset();
      this.phonetic = 0;
      this.tooLong = false;
    } else if (this.inItem) {
      if (tag.is(T)) this.inText = this.phonetic === 0;
      else if (tag.is(RPH)) this.phonetic++;
    }
  }

  close(tag: XmlTag): void {
    if (!this.inItem) return;
    if (tag.is(T)) {
      this.inText = false;
    } else if (tag.is(RPH)) {
      this.phonetic--;
    } else if (tag.is(SI)) {
      this.inItem = false;
      this.inText = false;
      if (this.tooLong) {
        this.strings.addOversized(this.file);
        return;
      }
      const [buf, start, end] = this.value.bytes();
      if (needsDecoding(buf, start, end)) this.strings.addText(this.value.text(), this.file);
      else this.strings.addBytes(buf, start, end, this.file);
    }
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (!this.inText || this.tooLong) return;
    this.value.add(buf, start, end, cdata);
    if (this.value.length > MAX_STRING_RAW_BYTES) {
      this.tooLong = true;
      this.value.reset();
    }
  }
}
