/**
 * LDIF (RFC 2849) writing: `attr: value`, or `attr:: <base64 of UTF-8>` when the value is not a
 * SAFE-STRING (non-ASCII, NUL/CR/LF, a leading space, colon or "<", or a trailing space); lines
 * longer than 76 characters are folded onto continuation lines that start with one space.
 */

export const LDIF_LINE_WIDTH = 76;

export type LdifAttribute = readonly [name: string, value: string];

export interface LdifRecord {
  /** Comment lines written just above the record (without the leading "# "). */
  comments?: readonly string[];
  dn: string;
  attributes: readonly LdifAttribute[];
}

export function needsBase64(value: string): boolean {
  if (/^[ :<]/.test(value) || value.endsWith(' ')) return true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0 || code === 10 || code === 13 || code > 127) return true;
  }
  return false;
}

/** Splits a line into a first line of `width` characters and continuations of " " + width-1. */
export function foldLine(line: string, width = LDIF_LINE_WIDTH): string[] {
  if (line.length <= width) return [line];
  const lines = [line.slice(0, width)];
  for (let i = width; i < line.length; i += width - 1) lines.push(` ${line.slice(i, i + width - 1)}`);
  return lines;
}

export function attributeLines(name: string, value: string): string[] {
  const line = needsBase64(value) ? `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}` : `${name}: ${value}`;
  return foldLine(line);
}

function recordLines(record: LdifRecord): string[] {
  return [
    ...(record.comments ?? []).map((c) => `# ${c}`),
    ...attributeLines('dn', record.dn),
    ...record.attributes.filter(([, value]) => value !== '').flatMap(([name, value]) => attributeLines(name, value)),
  ];
}

/** version: 1, then the records separated by blank lines (LF line ends, final line break). */
export function ldifText(records: readonly LdifRecord[]): string {
  const blocks = [['version: 1'], ...records.map(recordLines)];
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Escapes one RDN value (RFC 4514): , + " \ < > ; = anywhere, # or space at the start, space at the end. */
export function escapeRdnValue(value: string): string {
  let out = value.replace(/[,+"\\<>;=]/g, (ch) => `\\${ch}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}
