import { createHash, type Hash } from 'node:crypto';
import { closeSync, createWriteStream, openSync, readSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createDeflate, type Deflate } from 'node:zlib';

/** An attachment written to a scratch file, deflated as the PDF embeds it, with the hashes of its plain bytes. */
export interface StagedAttachment {
  name: string;
  mediaType: string;
  description: string;
  /** Of the plain (inflated) bytes. */
  sha256: string;
  md5: string;
  bytes: number;
  /** The deflated bytes, ready to be a /FlateDecode stream. */
  deflatedPath: string;
  deflatedBytes: number;
}

const BATCH = 1 << 18;

/**
 * Writes an attachment as it is generated: text is batched, hashed (SHA-256 for the manifest,
 * MD5 for the PDF's /CheckSum), deflated and written to a scratch file, so a 100k-row CSV never
 * exists whole in memory.
 */
export class AttachmentWriter {
  private readonly sha256: Hash = createHash('sha256');
  private readonly md5: Hash = createHash('md5');
  private readonly deflate: Deflate = createDeflate();
  private readonly file;
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;
  private deflatedBytes = 0;

  constructor(
    private readonly meta: { name: string; mediaType: string; description: string },
    private readonly path: string,
  ) {
    this.file = createWriteStream(path);
    this.deflate.on('data', (chunk: Buffer) => (this.deflatedBytes += chunk.length));
    this.deflate.pipe(this.file);
  }

  /** Adds text; resolves once the deflater can take more. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.sha256.update(chunk);
    this.md5.update(chunk);
    this.bytes += chunk.length;
    if (!this.deflate.write(chunk)) await once(this.deflate, 'drain');
  }

  async finish(): Promise<StagedAttachment> {
    await this.flush();
    this.deflate.end();
    await finished(this.file);
    return { ...this.meta, sha256: this.sha256.digest('hex'), md5: this.md5.digest('hex'), bytes: this.bytes, deflatedPath: this.path, deflatedBytes: this.deflatedBytes };
  }

  /** Stops writing (the scratch directory is removed by the caller). */
  abandon(): void {
    this.deflate.unpipe(this.file);
    // Writes already queued may still fail against the closed file; they no longer matter.
    this.file.on('error', () => undefined);
    this.deflate.on('error', () => undefined);
    this.deflate.destroy();
    this.file.destroy();
  }
}

/** The deflated bytes of a staged attachment, a chunk at a time. */
export function* deflatedChunks(attachment: StagedAttachment, size = 1 << 20): Generator<Buffer> {
  const fd = openSync(attachment.deflatedPath, 'r');
  try {
    for (let at = 0; at < attachment.deflatedBytes; ) {
      const chunk = Buffer.allocUnsafe(Math.min(size, attachment.deflatedBytes - at));
      const read = readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) throw new Error(`${attachment.name}: scratch file ended early`);
      at += read;
      yield read === chunk.length ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
