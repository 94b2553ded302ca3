/**
 * Active Directory's binary identifiers as text. Entries carry binary values as base64 (the LDIF
 * reader keeps them so; the LDAP connector hands them over so).
 */

function bytesOf(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64');
}

/** objectSid → `S-1-5-21-…` (revision, 48-bit authority big-endian, sub-authorities little-endian). */
export function sidText(value: string): string | undefined {
  if (/^S-1-\d+(-\d+)*$/i.test(value)) return value.toUpperCase();
  const bytes = bytesOf(value);
  if (!bytes || bytes.length < 8 || bytes[0] !== 1) return undefined;
  const count = bytes[1] ?? 0;
  if (bytes.length !== 8 + count * 4) return undefined;
  const authority = bytes.readUIntBE(2, 6);
  const parts = Array.from({ length: count }, (_, i) => bytes.readUInt32LE(8 + i * 4));
  return ['S', 1, authority, ...parts].join('-');
}

/** objectGUID → `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` as Windows prints it (the first three fields little-endian). */
export function guidText(value: string): string | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return value.toLowerCase();
  const bytes = bytesOf(value);
  if (!bytes || bytes.length !== 16) return undefined;
  const hex = (from: number, to: number, reverse: boolean): string => {
    const slice = [...bytes.subarray(from, to)];
    return (reverse ? slice.reverse() : slice).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
}
