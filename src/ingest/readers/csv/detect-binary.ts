/** Is it text at all? Spreadsheets, archives and executables sent to the CSV reader are refused early. */

/** How much of the file's start the checks look at. */
export const SNIFF_BYTES = 64 * 1024;

/** A share of control characters above this (in the first 64 KB of text) means "not text". */
const MAX_CONTROL_SHARE = 0.05;

export function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** The share of C0 control characters (NUL included) other than tab, LF and CR in a piece of decoded text. */
export function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls / text.length;
}

/** Why a decoded sample is not text, or null when it looks like text. */
export function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'it contains NUL characters';
  const share = controlShare(text);
  if (share > MAX_CONTROL_SHARE) return `${Math.round(share * 100)}% of its first characters are control characters`;
  return null;
}
