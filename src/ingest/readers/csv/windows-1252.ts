/**
 * Windows-1252, decoded by hand: Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as
 * Latin-1 control characters (U+0080-U+009F) instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * A single-byte encoding: every chunk decodes on its own, no state across chunk boundaries.
 */

/** WHATWG's windows-1252 table for 0x80-0x9F; the five unassigned bytes map to themselves. */
const HIGH_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
].map((code) => String.fromCharCode(code));

const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;

function mapC1(char: string): string {
  return HIGH_C1[char.charCodeAt(0) - 0x80] ?? char;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return C1.test(latin1) ? latin1.replace(C1_ALL, mapC1) : latin1;
}
