import { open } from 'node:fs/promises';

export type SourceKind = 'csv' | 'spreadsheet' | 'json' | 'ldif' | 'c1z';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
/** `C1Z`: a baton sync file (`C1ZF\0` v1, `C1Z3\0` v3). */
const C1Z = [0x43, 0x31, 0x5a];

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * What kind of file this is, from its first bytes, never its name: spreadsheets and baton sync
 * files by their magic, JSON by its first character, LDIF by `dn:`/`version:` on its first
 * non-comment line; anything else is read as delimited text.
 */
export async function detectSourceKind(path: string): Promise<SourceKind> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWith(bytes, ZIP) || startsWith(bytes, CFB)) return 'spreadsheet';
    if (startsWith(bytes, C1Z) && (bytes[3] === 0x46 || bytes[3] === 0x33) && bytes[4] === 0) return 'c1z';
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    if (/^\s*[[{]/.test(text)) return 'json';
    const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
    if (/^(dn|version)::?\s/i.test(firstLine)) return 'ldif';
    return 'csv';
  } finally {
    await handle.close();
  }
}
