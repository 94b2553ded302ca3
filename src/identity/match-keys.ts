import { foldKey } from '../ingest/normalize/keys.js';

/**
 * The forms in which accounts and identities are compared. E-mails and logins use the import's
 * folded key (NFC, trimmed, lower-case); names drop accents, punctuation and spacing so that
 * "Mei Öztürk" and "mei ozturk" meet (a name match is only ever a suggestion).
 */

export { foldKey };

/** `jane.doe@corp.com` → `jane.doe`; null when the text is not an e-mail. */
export function localPart(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(0, at) : null;
}

export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key === '' ? null : key;
}

const ALIAS_ATTRIBUTE = /alias|proxyaddress|othermail/i;

/**
 * The e-mail aliases an account's attributes carry (`aliases`, `proxyAddresses`, `otherMails`…,
 * a list or one string separated by `;`, `,` or spaces; `smtp:` prefixes dropped), folded.
 */
export function emailAliases(attributes: string | null): string[] {
  if (attributes === null || !ALIAS_ATTRIBUTE.test(attributes)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(attributes);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const aliases = new Set<string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (!ALIAS_ATTRIBUTE.test(key)) continue;
    const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[;,\s]+/) : [];
    for (const part of parts) {
      const alias = foldKey(part.replace(/^smtp:/i, ''));
      if (alias.includes('@')) aliases.add(alias);
    }
  }
  return [...aliases];
}
