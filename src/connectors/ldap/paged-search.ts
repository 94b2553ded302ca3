import type { Client, Entry } from 'ldapts';
import { AttestError } from '../../errors.js';
import { BINARY_ATTRIBUTES, DIRECTORY_ATTRIBUTES } from '../../ingest/directory/map-directory-entry.js';
import type { LdifEntry } from '../../ingest/source.js';
import { ldapFailure } from './ldap-errors.js';

export interface SearchHooks {
  server: string;
  bindDn: string | undefined;
  pageSize: number;
  signal?: AbortSignal | undefined;
  /** After each page: how many entries so far. */
  onPage?: ((entries: number) => void) | undefined;
}

export interface SearchOutcome {
  /** Entries as the LDIF reader hands them: names lower-cased, binary values as base64; `line` is 0 until ordered. */
  entries: LdifEntry[];
  /** Continuation references (another server's part of the tree): not followed. */
  referrals: number;
}

// Servers spell attribute names as their schema does: ask for buffers under either spelling.
const BUFFER_ATTRIBUTES = BINARY_ATTRIBUTES.flatMap((name) => [name, name.toLowerCase()]);

function toEntry(raw: Entry): LdifEntry {
  const attributes = new Map<string, string[]>();
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'dn') continue;
    const list = (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
    if (list.length > 0) attributes.set(name.toLowerCase(), [...(attributes.get(name.toLowerCase()) ?? []), ...list]);
  }
  return { line: 0, dn: raw.dn, attributes };
}

/** A subtree search a page at a time (the paged-results control), so no server size limit cuts it short. */
export async function pagedSearch(client: Client, base: string, filter: string, hooks: SearchHooks): Promise<SearchOutcome> {
  const entries: LdifEntry[] = [];
  let referrals = 0;
  try {
    const pages = client.searchPaginated(base, {
      scope: 'sub',
      filter,
      attributes: [...DIRECTORY_ATTRIBUTES],
      explicitBufferAttributes: BUFFER_ATTRIBUTES,
      paged: { pageSize: hooks.pageSize },
    });
    for await (const page of pages) {
      for (const raw of page.searchEntries) entries.push(toEntry(raw));
      referrals += page.searchReferences.length;
      if (hooks.signal?.aborted) throw new AttestError('CANCELLED', 'The pull was cancelled; nothing was imported.');
      hooks.onPage?.(entries.length);
    }
  } catch (error) {
    if (hooks.signal?.aborted) throw new AttestError('CANCELLED', 'The pull was cancelled; nothing was imported.');
    throw ldapFailure(error, 'search', hooks.server, { base, bindDn: hooks.bindDn });
  }
  return { entries, referrals };
}
