import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json.js';
import type { LdifEntry } from '../../ingest/source.js';

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Entries in their canonical order: by DN as the server spelled it, compared by code point. */
export function canonicalOrder(entries: readonly LdifEntry[]): LdifEntry[] {
  return [...entries].sort((a, b) => byCodePoint(a.dn, b.dn)).map((entry, index) => ({ ...entry, line: index + 1 }));
}

/**
 * The provenance of a search's result: SHA-256 and size of its canonical serialisation, one
 * canonical JSON line per entry in canonical order, `{"attributes":{name:[values sorted]},"dn":…}`
 * (names lower-cased, binary values base64). The same directory content gives the same hash,
 * whatever order the server sent it in.
 */
export function entriesDigest(ordered: readonly LdifEntry[]): { sha256: string; sizeBytes: number } {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for (const entry of ordered) {
    const attributes: Record<string, string[]> = {};
    for (const [name, values] of entry.attributes) attributes[name] = [...values].sort(byCodePoint);
    const line = `${canonicalJson({ dn: entry.dn, attributes })}\n`;
    hash.update(line);
    sizeBytes += Buffer.byteLength(line);
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}
