/**
 * Reading the parts of an LDAP distinguished name (RFC 4514): `CN=Smith\, Ann,OU=Staff,DC=corp`.
 * A comma, plus, equals sign… escaped with a backslash (`\,`) or as hex (`\2C`, UTF-8 bytes) is
 * part of the value. Lenient: a part without `=` comes back with an empty type.
 */

export interface Rdn {
  /** Lower-cased attribute type: `cn`, `ou`, `dc`. */
  type: string;
  /** The value with escapes undone. */
  value: string;
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

function unescapeValue(raw: string): string {
  const bytes: number[] = [];
  const pushText = (text: string): void => {
    for (const byte of Buffer.from(text, 'utf8')) bytes.push(byte);
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch !== '\\' || i + 1 >= raw.length) {
      pushText(ch);
      continue;
    }
    const pair = raw.slice(i + 1, i + 3);
    if (HEX_PAIR.test(pair)) {
      bytes.push(parseInt(pair, 16));
      i += 2;
    } else {
      pushText(raw.charAt(i + 1));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Trims unescaped spaces at both ends (an escaped trailing space `\ ` stays). */
function trimUnescaped(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charAt(end - 1) === ' ') {
    let backslashes = 0;
    for (let i = end - 2; i >= 0 && raw.charAt(i) === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return raw.slice(0, end).trimStart();
}

/** Splits at each unescaped `separator`. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The RDNs of a DN, leaf first. */
export function parseDn(dn: string): Rdn[] {
  if (dn.trim() === '') return [];
  return splitUnescaped(dn, ',').map((part) => {
    const [type, ...rest] = splitUnescaped(part, '=');
    if (rest.length === 0) return { type: '', value: unescapeValue(trimUnescaped(part)) };
    return { type: (type ?? '').trim().toLowerCase(), value: unescapeValue(trimUnescaped(rest.join('='))) };
  });
}

/** The leaf RDN's value: a group's CN. */
export function leafName(dn: string): string {
  return parseDn(dn)[0]?.value ?? dn;
}

/** The names of the OUs a DN sits in, outermost first (`Staff/Finance` for `CN=x,OU=Finance,OU=Staff,…`). */
export function organizationalUnits(dn: string): string[] {
  return parseDn(dn)
    .filter((rdn) => rdn.type === 'ou')
    .map((rdn) => rdn.value)
    .reverse();
}

export function hasDomainComponent(dn: string): boolean {
  return parseDn(dn).some((rdn) => rdn.type === 'dc');
}

/** A uniqueMember value may carry an optional unique id after the DN (`cn=x,dc=y#'0101'B`): the DN alone. */
export function withoutUniqueId(value: string): string {
  return value.replace(/#'[01]*'B$/, '');
}
