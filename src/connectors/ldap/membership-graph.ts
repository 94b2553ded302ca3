import { parseDn, withoutUniqueId } from '../../ingest/directory/distinguished-name.js';
import { values } from '../../ingest/directory/entry-values.js';
import type { LdifEntry } from '../../ingest/source.js';

/** One key per entry however a reference spells its DN (case, spaces after commas, escapes). */
export function dnKey(dn: string): string {
  return parseDn(dn)
    .map((rdn) => `${rdn.type}=${rdn.value.toLowerCase()}`)
    .join(',');
}

const REFERENCE_ATTRIBUTES = new Set(['member', 'uniquemember', 'memberof']);

/** An entry's references; one with an over-long value reads as none here (mapping it rejects the entry, with the reason). */
function references(entry: LdifEntry, name: string): string[] {
  try {
    return values(entry, name);
  } catch {
    return [];
  }
}

/** An inherited grant: the outer group, and the user's own group it comes through. */
export interface InheritedGroup {
  group: string;
  via: string;
}

/**
 * The users and groups of one pull, cross-referenced: references (member, uniqueMember,
 * memberOf) rewritten to the DN spelling of the entry they name, memberUid resolved to users,
 * and the group-in-group edges that nested expansion follows.
 */
export class MembershipGraph {
  private readonly spellings = new Map<string, string>();
  private readonly groupKeys = new Set<string>();
  private readonly userByUid = new Map<string, string>();
  /** Direct groups of each user, and the groups each group is directly in (DNs as spelled by their entries). */
  private readonly userGroups = new Map<string, Set<string>>();
  private readonly parentGroups = new Map<string, Set<string>>();
  readonly users: LdifEntry[];
  readonly groups: LdifEntry[];

  constructor(users: readonly LdifEntry[], groups: readonly LdifEntry[]) {
    for (const entry of [...users, ...groups]) this.spellings.set(dnKey(entry.dn), entry.dn);
    for (const group of groups) this.groupKeys.add(dnKey(group.dn));
    for (const user of users) for (const uid of user.attributes.get('uid') ?? []) this.userByUid.set(uid.trim().toLowerCase(), user.dn);
    this.users = users.map((e) => this.respelled(e));
    this.groups = groups.map((e) => this.respelled(e));
    for (const user of this.users) for (const group of references(user, 'memberOf')) this.link(user.dn, group, false);
    for (const group of this.groups) {
      for (const parent of references(group, 'memberOf')) this.link(group.dn, parent, true);
      for (const member of [...references(group, 'member'), ...references(group, 'uniqueMember')]) this.link(member, group.dn, this.groupKeys.has(dnKey(member)));
      for (const uid of references(group, 'memberUid')) {
        const user = this.userDnOfUid(uid);
        if (user !== undefined) this.link(user, group.dn, false);
      }
    }
  }

  readonly userDnOfUid = (uid: string): string | undefined => this.userByUid.get(uid.trim().toLowerCase());

  private spelling(dn: string): string {
    return this.spellings.get(dnKey(dn)) ?? dn;
  }

  private respelled(entry: LdifEntry): LdifEntry {
    const attributes = new Map<string, readonly string[]>();
    for (const [name, list] of entry.attributes) {
      const reference = REFERENCE_ATTRIBUTES.has(name.split(';')[0] ?? name);
      attributes.set(name, reference ? list.map((dn) => this.spelling(withoutUniqueId(dn.trim()))) : list);
    }
    return { ...entry, attributes };
  }

  private link(memberDn: string, groupDn: string, memberIsGroup: boolean): void {
    const member = this.spelling(memberDn);
    const group = this.spelling(groupDn);
    const edges = memberIsGroup ? this.parentGroups : this.userGroups;
    const set = edges.get(member) ?? new Set<string>();
    set.add(group);
    edges.set(member, set);
  }

  /**
   * The groups a user holds only through nesting: every group above one of its own groups,
   * recorded as coming through that own group (the first, in DN order, that leads there). Cycles
   * are followed once.
   */
  inheritedGroups(userDn: string): InheritedGroup[] {
    const own = this.userGroups.get(userDn) ?? new Set<string>();
    const found = new Map<string, string>();
    for (const start of [...own].sort()) {
      const queue = [start];
      const seen = new Set(queue);
      while (queue.length > 0) {
        const group = queue.shift()!;
        for (const parent of [...(this.parentGroups.get(group) ?? [])].sort()) {
          if (seen.has(parent)) continue;
          seen.add(parent);
          queue.push(parent);
          if (!own.has(parent) && !found.has(parent)) found.set(parent, start);
        }
      }
    }
    return [...found].map(([group, via]) => ({ group, via }));
  }
}
