/** A small LDIF (RFC 2849) reader for the tests: comments, folded lines, base64 values, multi-valued attributes. */

export interface LdifEntry {
  dn: string;
  attrs: Map<string, string[]>;
}

/** Physical lines joined into logical ones (a line starting with one space continues the previous). */
export function unfold(text: string): string[] {
  const logical: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(' ') && logical.length > 0) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical;
}

function decodeLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`not an attribute line: ${line}`);
  const name = line.slice(0, colon);
  if (line[colon + 1] === ':') return [name, Buffer.from(line.slice(colon + 2).trim(), 'base64').toString('utf8')];
  return [name, line.slice(colon + 1).replace(/^ /, '')];
}

export function parseLdif(text: string): { version: string | null; entries: LdifEntry[] } {
  let version: string | null = null;
  const entries: LdifEntry[] = [];
  let current: LdifEntry | null = null;
  for (const line of unfold(text)) {
    if (line.startsWith('#')) continue;
    if (line === '') {
      current = null;
      continue;
    }
    const [name, value] = decodeLine(line);
    if (name === 'version' && current === null && entries.length === 0) version = value;
    else if (name === 'dn') {
      current = { dn: value, attrs: new Map() };
      entries.push(current);
    } else if (current) current.attrs.set(name, [...(current.attrs.get(name) ?? []), value]);
    else throw new Error(`attribute outside a record: ${line}`);
  }
  return { version, entries };
}

export function first(entry: LdifEntry, name: string): string | undefined {
  return entry.attrs.get(name)?.[0];
}
