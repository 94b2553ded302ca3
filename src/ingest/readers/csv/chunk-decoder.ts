import type { TextEncodingName } from '../../source.js';
import { decodeWindows1252 } from './windows-1252.js';

/** Turns a file's bytes into text chunk by chunk; a character split across chunks is carried over. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  /** The end of the input: whatever is left (a truncated character becomes U+FFFD). */
  end(): string;
}

/** A byte-order mark at the start is dropped for UTF-8 and UTF-16 (TextDecoder's default). */
export function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') return { decode: decodeWindows1252, end: () => '' };
  const decoder = new TextDecoder(encoding);
  return {
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}
