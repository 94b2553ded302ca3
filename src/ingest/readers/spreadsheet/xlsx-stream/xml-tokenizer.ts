/**
 * A push tokenizer for the XML of workbook parts, fed the inflated bytes chunk by chunk: never the
 * whole document at once. It reports start tags, end tags and text to a handler; markup split
 * across chunks (a tag, a comment, a CDATA section) is carried over to the next chunk, text is
 * reported in pieces as it comes. It does not validate: it finds what a workbook reader needs.
 * Only UTF-8 is read (Excel and LibreOffice write nothing else); entities are left to xml-text.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const PI_CLOSE = Buffer.from('?>');

/** Markup (a tag, comment, CDATA section) longer than this is refused: no workbook writer makes one. */
export const MAX_MARKUP_BYTES = 16 * 1024 * 1024;

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Thrown by the tokenizer; the reader turns it into a CORRUPT_FILE naming the part. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * One start or end tag. The tokenizer reuses a single instance: it is valid only during the
 * callback that receives it. Positions index `buf`.
 */
export class XmlTag {
  buf: Buffer = Buffer.alloc(0);
  /** The local name (after any `prefix:`). */
  nameStart = 0;
  nameEnd = 0;
  /** The attributes lie in [attrsStart, attrsEnd): attrsEnd is at the closing `/>` or `>`. */
  attrsStart = 0;
  attrsEnd = 0;
  selfClosing = false;
  /** Set by nextAttribute: the attribute's qualified name and its raw (undecoded) value. */
  attrNameStart = 0;
  attrNameEnd = 0;
  valueStart = 0;
  valueEnd = 0;

  /** Whether the local name is `name` (ASCII bytes). */
  is(name: Uint8Array): boolean {
    const length = this.nameEnd - this.nameStart;
    if (length !== name.length) return false;
    for (let i = 0; i < length; i++) if (this.buf[this.nameStart + i] !== name[i]) return false;
    return true;
  }

  /**
   * Moves to the attribute at or after `at` (start with attrsStart); returns the position after
   * it, or -1 when there are no more (a malformed attribute ends the list).
   */
  nextAttribute(at: number): number {
    const buf = this.buf;
    const end = this.attrsEnd;
    let i = at;
    while (i < end && isSpace(buf[i])) i++;
    if (i >= end) return -1;
    const nameStart = i;
    while (i < end && buf[i] !== EQUALS && !isSpace(buf[i])) i++;
    const nameEnd = i;
    while (i < end && isSpace(buf[i])) i++;
    if (buf[i] !== EQUALS || nameEnd === nameStart) return -1;
    i++;
    while (i < end && isSpace(buf[i])) i++;
    const quote = buf[i];
    if (quote !== DQUOTE && quote !== SQUOTE) return -1;
    const close = buf.indexOf(quote, i + 1);
    if (close < 0 || close >= end) return -1;
    this.attrNameStart = nameStart;
    this.attrNameEnd = nameEnd;
    this.valueStart = i + 1;
    this.valueEnd = close;
    return close + 1;
  }

  /**
   * Whether the current attribute is `name`: exactly, or as the local part of a prefixed name
   * (`r:id` is `id`), namespace declarations (`xmlns:x`) excepted.
   */
  attrIs(name: Uint8Array): boolean {
    const buf = this.buf;
    const end = this.attrNameEnd;
    const start = afterPrefix(buf, this.attrNameStart, end);
    if (start !== this.attrNameStart && start - this.attrNameStart === 6 && buf.toString('latin1', this.attrNameStart, start - 1) === 'xmlns') return false;
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false;
    return true;
  }

  /** The raw value of the first attribute named `name` (see attrIs), undecoded; undefined when absent. */
  rawAttr(name: Uint8Array): string | undefined {
    for (let at = this.attrsStart; (at = this.nextAttribute(at)) >= 0; ) {
      if (this.attrIs(name)) return this.buf.toString('utf8', this.valueStart, this.valueEnd);
    }
    return undefined;
  }

  /** The local name as text (for messages and small parts; hot paths compare bytes with `is`). */
  name(): string {
    return this.buf.toString('utf8', this.nameStart, this.nameEnd);
  }
}

export interface XmlHandler {
  /** A start tag; for `<x/>` close follows at once. */
  open(tag: XmlTag): void;
  close(tag: XmlTag): void;
  /**
   * Character data between tags, raw (entities undecoded), possibly in several pieces (a piece may
   * end inside a UTF-8 sequence or an entity). `cdata`: the piece is the inside of a CDATA
   * section, literal text.
   */
  text(buf: Buffer, start: number, end: number, cdata: boolean): void;
}

export class XmlTokenizer {
  private carry: Buffer | null = null;
  private readonly tag = new XmlTag();
  private started = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxMarkup = MAX_MARKUP_BYTES,
  ) {}

  /** Feeds the next bytes of the document. Throws XmlSyntaxError, and whatever the handler throws. */
  write(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry !== null) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    let i = 0;
    if (!this.started) {
      if (buf.length < 3) {
        this.keep(buf, 0);
        return;
      }
      this.started = true;
      if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) throw new XmlSyntaxError('it is encoded as UTF-16, which Attest does not read in a workbook');
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    }
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0) {
        this.handler.text(buf, i, n, false);
        return;
      }
      if (lt > i) this.handler.text(buf, i, lt, false);
      const next = this.markup(buf, lt);
      if (next < 0) {
        this.keep(buf, lt);
        return;
      }
      i = next;
    }
  }

  /** The document is complete. Throws XmlSyntaxError when it ends inside markup. */
  end(): void {
    if (!this.started && this.carry !== null) {
      // A document shorter than 3 bytes: nothing to carry over any more.
      const rest = this.carry;
      this.carry = null;
      this.started = true;
      if (rest.length > 0) this.write(rest);
    }
    if (this.carry !== null && this.carry.length > 0) throw new XmlSyntaxError('it ends in the middle of a tag');
  }

  private keep(buf: Buffer, from: number): void {
    if (buf.length - from > this.maxMarkup) throw new XmlSyntaxError(`it has a tag, comment or CDATA section longer than ${this.maxMarkup / 1024 / 1024} MB`);
    this.carry = Buffer.from(buf.subarray(from));
  }

  /** Handles the markup starting at `lt`; returns the position after it, or -1 when it is incomplete. */
  private markup(buf: Buffer, lt: number): number {
    const n = buf.length;
    if (lt + 1 >= n) return -1;
    const second = buf[lt + 1];
    if (second === SLASH) return this.endTag(buf, lt);
    if (second === QUESTION) {
      const close = buf.indexOf(PI_CLOSE, lt + 2);
      return close < 0 ? -1 : close + 2;
    }
    if (second === BANG) return this.declaration(buf, lt);
    return this.startTag(buf, lt);
  }

  private endTag(buf: Buffer, lt: number): number {
    const gt = buf.indexOf(GT, lt + 2);
    if (gt < 0) return -1;
    let nameEnd = lt + 2;
    while (nameEnd < gt && !isSpace(buf[nameEnd])) nameEnd++;
    this.setName(buf, lt + 2, nameEnd);
    const tag = this.tag;
    tag.attrsStart = tag.attrsEnd = nameEnd;
    tag.selfClosing = false;
    this.handler.close(tag);
    return gt + 1;
  }

  /** Comments, CDATA sections and DOCTYPE-like declarations. */
  private declaration(buf: Buffer, lt: number): number {
    const n = buf.length;
    if (startsAt(buf, lt, COMMENT_OPEN)) {
      const close = buf.indexOf(COMMENT_CLOSE, lt + COMMENT_OPEN.length);
      return close < 0 ? -1 : close + COMMENT_CLOSE.length;
    }
    if (startsAt(buf, lt, CDATA_OPEN)) {
      const from = lt + CDATA_OPEN.length;
      const close = buf.indexOf(CDATA_CLOSE, from);
      if (close < 0) return -1;
      if (close > from) this.handler.text(buf, from, close, true);
      return close + CDATA_CLOSE.length;
    }
    // Not yet enough bytes to tell a comment or CDATA section from a declaration.
    if (n - lt < CDATA_OPEN.length && (isPrefixAt(buf, lt, COMMENT_OPEN) || isPrefixAt(buf, lt, CDATA_OPEN))) return -1;
    // <!DOCTYPE ...> and the like: skipped, with any [internal subset] (its entities are never expanded).
    let depth = 0;
    for (let i = lt + 2; i < n; i++) {
      const b = buf[i];
      if (b === LBRACKET) depth++;
      else if (b === RBRACKET) depth--;
      else if (b === GT && depth <= 0) return i + 1;
    }
    return -1;
  }

  private startTag(buf: Buffer, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const b = buf[i];
      if (b === GT || b === SLASH || isSpace(b)) break;
      i++;
    }
    const nameEnd = i;
    let quote = 0;
    for (; i < n; i++) {
      const b = buf[i] ?? 0;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === GT) {
        break;
      } else if (b === DQUOTE || b === SQUOTE) {
        quote = b;
      }
    }
    if (i >= n) return -1;
    this.setName(buf, lt + 1, nameEnd);
    const tag = this.tag;
    tag.selfClosing = buf[i - 1] === SLASH;
    tag.attrsStart = nameEnd;
    tag.attrsEnd = tag.selfClosing ? i - 1 : i;
    this.handler.open(tag);
    if (tag.selfClosing) this.handler.close(tag);
    return i + 1;
  }

  private setName(buf: Buffer, start: number, end: number): void {
    const tag = this.tag;
    tag.buf = buf;
    tag.nameStart = afterPrefix(buf, start, end);
    tag.nameEnd = end;
  }
}

/** Where the local part of the name in [start, end) begins: after its last colon, if any. */
function afterPrefix(buf: Buffer, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (buf[i] === COLON) return i + 1;
  return start;
}

function startsAt(buf: Buffer, at: number, what: Uint8Array): boolean {
  if (at + what.length > buf.length) return false;
  for (let i = 0; i < what.length; i++) if (buf[at + i] !== what[i]) return false;
  return true;
}

/** Whether the bytes from `at` to the end of `buf` are the beginning of `what`. */
function isPrefixAt(buf: Buffer, at: number, what: Uint8Array): boolean {
  for (let i = 0; at + i < buf.length && i < what.length; i++) if (buf[at + i] !== what[i]) return false;
  return true;
}

/** An ASCII name as bytes, for XmlTag.is and attrIs. */
export const name = (text: string): Uint8Array => Buffer.from(text, 'latin1');
