import { firstValue } from '../../ingest/directory/entry-values.js';
import { sidText } from '../../ingest/directory/windows-ids.js';
import type { LdifEntry } from '../../ingest/source.js';

/**
 * Active Directory leaves a user's primary group out of both `member` and `memberOf`: the user
 * names it only by `primaryGroupID`, a relative id in the user's own domain (513, Domain Users,
 * as a rule). Setting it to 512 makes a Domain Admin that no membership list shows, a known way
 * to hide one. This finds each user's primary group among the groups pulled (the group whose
 * objectSid is the user's domain SID followed by that id) and adds it to the user's `memberOf`,
 * so that mapping and nested expansion treat it as any direct membership.
 */
export function withPrimaryGroups(users: readonly LdifEntry[], groups: readonly LdifEntry[]): { users: LdifEntry[]; added: number } {
  const groupBySid = new Map<string, string>();
  for (const group of groups) {
    const sid = sidOf(group);
    if (sid !== undefined) groupBySid.set(sid, group.dn);
  }
  let added = 0;
  const out = users.map((user) => {
    const rid = safeFirst(user, 'primaryGroupID');
    const sid = sidOf(user);
    if (rid === undefined || !/^\d+$/.test(rid) || sid === undefined) return user;
    const group = groupBySid.get(`${sid.slice(0, sid.lastIndexOf('-'))}-${rid}`);
    if (group === undefined) return user;
    const memberOf = user.attributes.get('memberof') ?? [];
    if (memberOf.some((dn) => dn.trim().toLowerCase() === group.toLowerCase())) return user;
    added += 1;
    return { ...user, attributes: new Map([...user.attributes, ['memberof', [...memberOf, group]]]) };
  });
  return { users: out, added };
}

function sidOf(entry: LdifEntry): string | undefined {
  const raw = safeFirst(entry, 'objectSid');
  return raw === undefined ? undefined : sidText(raw);
}

/** The first value, or none when the attribute is unreadable (mapping the entry rejects it, with the reason). */
function safeFirst(entry: LdifEntry, name: string): string | undefined {
  try {
    return firstValue(entry, name);
  } catch {
    return undefined;
  }
}
