import { z } from 'zod';

/**
 * The largest file a page may send as its bytes (a dropped file: the page holds its bytes, never
 * its path): base64 makes it a third larger, and that still fits the serve host's 16 MB request
 * limit. `evidence.verifyBytes` and `files.stage` take at most this.
 */
export const DROPPED_BYTES_LIMIT = 11 * 1024 * 1024;

/** A dropped file's bytes as base64, at most DROPPED_BYTES_LIMIT once decoded; `tooLarge` says what to do instead. */
export function droppedBase64(tooLarge: string) {
  return z.string().max(Math.ceil(DROPPED_BYTES_LIMIT / 3) * 4, tooLarge);
}
