import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Bytes written through to a new file in 1 MB batches: pdfkit emits thousands of small chunks,
 * and a pack of 100k decisions is never held in memory.
 */
export class FileSink {
  private readonly fd: number;
  private readonly batch = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Bytes written so far (the offset of the next byte). */
  length = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'wx');
  }

  write(chunk: Uint8Array): void {
    if (this.used + chunk.length > this.batch.length) this.flush();
    if (chunk.length >= this.batch.length) writeSync(this.fd, chunk);
    else {
      this.batch.set(chunk, this.used);
      this.used += chunk.length;
    }
    this.length += chunk.length;
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.batch, 0, this.used);
    this.used = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}
