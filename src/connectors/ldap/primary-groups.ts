import { primaryGroupSid, sidOf } from '../../ingest/directory/primary-group.js';
import type { LdifEntry } from '../../ingest/source.js';

/**
 * A live pull has every group in hand before mapping: each user's primary group (see
 * src/ingest/directory/primary-group.ts) is added to its `memberOf`, so that mapping and nested
 * expansion treat it as any direct membership.
 */
export function withPrimaryGroups(users: readonly LdifEntry[], groups: readonly LdifEntry[]): { users: LdifEntry[]; added: number } {
  const groupBySid = new Map<string, string>();
  for (const group of groups) {
    const sid = sidOf(group);
    if (sid !== undefined) groupBySid.set(sid, group.dn);
  }
  let added = 0;
  const out = users.map((user) => {
    const sid = primaryGroupSid(user);
    const group = sid === undefined ? undefined : groupBySid.get(sid);
    if (group === undefined) return user;
    const memberOf = user.attributes.get('memberof') ?? [];
    if (memberOf.some((dn) => dn.trim().toLowerCase() === group.toLowerCase())) return user;
    added += 1;
    return { ...user, attributes: new Map([...user.attributes, ['memberof', [...memberOf, group]]]) };
  });
  return { users: out, added };
}
