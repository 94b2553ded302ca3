/**
 * A reader for the protobuf wire format (varints, length-delimited fields, fixed 32/64-bit),
 * enough to decode baton's messages from their field numbers without generated code. Unknown
 * fields are skipped, as protobuf requires; a blob that does not parse throws ProtobufError.
 */

export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

/** Nested messages deeper than this are refused (a hostile blob could nest without end). */
const MAX_DEPTH = 32;

export class ProtobufReader {
  private pos: number;
  /** The wire type of the field read by the last next(). */
  wire = 0;

  constructor(
    private readonly buf: Buffer,
    start = 0,
    private readonly end = buf.length,
    readonly depth = 0,
  ) {
    if (depth > MAX_DEPTH) throw new ProtobufError(`messages nested more than ${MAX_DEPTH} deep`);
    this.pos = start;
  }

  /** The next field's number, or 0 at the end of the message. */
  next(): number {
    if (this.pos >= this.end) return 0;
    const key = this.varint();
    this.wire = key & 7;
    const field = key >>> 3;
    if (field === 0) throw new ProtobufError('field number 0');
    return field;
  }

  /** A varint as a number (exact to 2^53; enums, booleans, lengths and counts are far below). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtobufError('truncated varint');
      const byte = this.buf[this.pos++] as number;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  private length(): number {
    const length = this.varint();
    if (length > this.end - this.pos) throw new ProtobufError('length runs past the end of the message');
    return length;
  }

  string(): string {
    this.expect(WIRE.bytes);
    const length = this.length();
    const text = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return text;
  }

  bool(): boolean {
    this.expect(WIRE.varint);
    return this.varint() !== 0;
  }

  double(): number {
    this.expect(WIRE.fixed64);
    if (this.end - this.pos < 8) throw new ProtobufError('truncated double');
    const value = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return value;
  }

  /** A nested message's reader; this one moves past it. */
  message(): ProtobufReader {
    this.expect(WIRE.bytes);
    const length = this.length();
    const nested = new ProtobufReader(this.buf, this.pos, this.pos + length, this.depth + 1);
    this.pos += length;
    return nested;
  }

  /** A repeated enum or integer: packed (one length-delimited run) or one value per field. */
  varints(into: number[]): void {
    if (this.wire === WIRE.varint) {
      into.push(this.varint());
      return;
    }
    const inner = this.message();
    while (inner.pos < inner.end) into.push(inner.varint());
  }

  skip(): void {
    switch (this.wire) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.fixed64:
        this.advance(8);
        return;
      case WIRE.bytes:
        this.advance(this.length());
        return;
      case WIRE.fixed32:
        this.advance(4);
        return;
      default:
        throw new ProtobufError(`unsupported wire type ${this.wire}`);
    }
  }

  private advance(bytes: number): void {
    if (this.end - this.pos < bytes) throw new ProtobufError('field runs past the end of the message');
    this.pos += bytes;
  }

  private expect(wire: number): void {
    if (this.wire !== wire) throw new ProtobufError(`wire type ${this.wire} where ${wire} was expected`);
  }
}
