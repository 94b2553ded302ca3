import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { detachedCms } from './cms-sign.js';
import type { PackSteps } from './pack-steps.js';
import type { KeyAndCertificate } from './self-signed-certificate.js';

const CHUNK = 1 << 20;

/**
 * Room for the CMS signature in /Contents: the certificates travel inside it, so an
 * organisation's chain needs more than the 8 KB default.
 */
export function signatureLengthFor(certificatePems: readonly string[]): number {
  const certBytes = certificatePems.reduce((sum, pem) => sum + Math.ceil((pem.replace(/-----[^-]+-----|\s/g, '').length * 3) / 4), 0);
  return Math.max(8192, certBytes + 4096);
}
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

function readAt(fd: number, at: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, at);
  return buffer.subarray(0, read);
}

/** Feeds bytes [from, to) of the file to the hashes, a megabyte at a time. */
async function hashRange(fd: number, from: number, to: number, hashes: Hash[], steps: PackSteps, progress: { done: number; total: number; chunks: number }): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (let at = from; at < to; ) {
    const read = readSync(fd, buffer, 0, Math.min(CHUNK, to - at), at);
    if (read === 0) throw new Error('evidence pack: the file ended before its byte range');
    for (const h of hashes) h.update(buffer.subarray(0, read));
    at += read;
    progress.done += read;
    if (++progress.chunks % 8 === 0) {
      steps.report('signing', progress.done, progress.total);
      await steps.pause();
    }
  }
}

/**
 * Signs the rendered pack in place, streaming: the /ByteRange (the whole file but the
 * placeholder's hex) is written over its placeholder, the two ranges are hashed with
 * node:crypto, and the CMS goes into /Contents. The trailing newline after %%EOF is dropped
 * first, as @signpdf does. Returns the SHA-256 of the signed file.
 */
export async function signPackFile(path: string, placeholder: { signatureOffset: number; signatureLength: number }, identity: KeyAndCertificate, signingTime: Date, steps: PackSteps): Promise<string> {
  const fd = openSync(path, 'r+');
  try {
    let size = fstatSync(fd).size;
    if (readAt(fd, size - 1, 1).toString('latin1') === '\n') ftruncateSync(fd, (size -= 1));
    const windowStart = placeholder.signatureOffset;
    const window = readAt(fd, windowStart, Math.min(size - windowStart, placeholder.signatureLength * 2 + 4096));
    const byteRangeAt = window.indexOf(BYTE_RANGE_PLACEHOLDER);
    const contentsAt = window.indexOf('/Contents <', byteRangeAt);
    const lt = window.indexOf('<', contentsAt);
    const gt = window.indexOf('>', lt);
    if (byteRangeAt < 0 || contentsAt < 0 || gt < 0) throw new Error('evidence pack: the signature placeholder was not where pdfkit wrote it');
    const b = windowStart + lt;
    const c = windowStart + gt + 1;
    const byteRange = `/ByteRange [0 ${b} ${c} ${size - c}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
    writeSync(fd, byteRange, windowStart + byteRangeAt, 'latin1');

    const signed = createHash('sha256');
    const progress = { done: 0, total: size * 2, chunks: 0 };
    await hashRange(fd, 0, b, [signed], steps, progress);
    await hashRange(fd, c, size, [signed], steps, progress);
    const cms = detachedCms(signed.digest(), signingTime, identity);
    const room = c - b - 2;
    if (cms.length * 2 > room) throw new Error(`evidence pack: the signature (${cms.length * 2} hex digits) exceeds its placeholder (${room})`);
    writeSync(fd, cms.toString('hex').padEnd(room, '0'), b + 1, 'latin1');

    const whole = createHash('sha256');
    progress.done = size;
    await hashRange(fd, 0, size, [whole], steps, progress);
    steps.report('signing', progress.total, progress.total);
    return whole.digest('hex');
  } finally {
    closeSync(fd);
  }
}
