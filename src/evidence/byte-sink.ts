/**
 * Bytes collected into one growing buffer. pdfkit emits thousands of small chunks, each a slice
 * of an 8 KB pool slab that stays alive while the slice does: kept as chunks, a 23 MB pack held
 * ~150 MB. Copied here, it holds its size (and at most as much again while growing).
 */
export class ByteSink {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  write(chunk: Buffer | string): void {
    if (typeof chunk === 'string') {
      this.reserve(Buffer.byteLength(chunk, 'utf8'));
      this.length += this.buffer.write(chunk, this.length, 'utf8');
      return;
    }
    this.reserve(chunk.length);
    chunk.copy(this.buffer, this.length);
    this.length += chunk.length;
  }

  /** The bytes written, in a buffer of their own size. */
  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}
