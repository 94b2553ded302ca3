import { open } from 'node:fs/promises';

export type SourceKind = 'csv' | 'spreadsheet' | 'json' | 'ldif';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * What kind of file this is, from its first bytes, never its name: spreadsheets by their
 * container magic, JSON by its first character, LDIF by `dn:`/`version:` on its first
 * non-comment line; anything else is read as delimited text.
 */
export async function detectSourceKind(path: string): Promise<SourceKind> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWith(bytes, ZIP) || startsWith(bytes, CFB)) return 'spreadsheet';
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    if (/^\s*[[{]/.test(text)) return 'json';
    const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
    if (/^(dn|version)::?\s/i.test(firstLine)) return 'ldif';
    return 'csv';
  } finally {
    await handle.close();
  }
}
