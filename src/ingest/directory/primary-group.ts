import type { RecordSink } from '../records.js';
import type { LdifEntry } from '../source.js';
import type { EntryKind } from './entry-kind.js';
import { firstValue } from './entry-values.js';
import { sidText } from './windows-ids.js';

/**
 * Active Directory leaves a user's primary group out of both `member` and `memberOf`: the user
 * names it only by `primaryGroupID`, a relative id in the user's own domain (513, Domain Users,
 * as a rule). Setting it to 512 makes a Domain Admin that no membership list shows, a known way
 * to hide one. The primary group is the group whose objectSid is the user's domain SID followed
 * by that id.
 */

/** An entry's objectSid as `S-1-…`, or none. */
export function sidOf(entry: LdifEntry): string | undefined {
  const raw = safeFirst(entry, 'objectSid');
  return raw === undefined ? undefined : sidText(raw);
}

/** The SID a user's primary group has, or none when the user does not say (no primaryGroupID or objectSid). */
export function primaryGroupSid(user: LdifEntry): string | undefined {
  const rid = safeFirst(user, 'primaryGroupID');
  const sid = sidOf(user);
  if (rid === undefined || !/^\d+$/.test(rid) || sid === undefined) return undefined;
  return `${sid.slice(0, sid.lastIndexOf('-'))}-${rid}`;
}

/** The first value, or none when the attribute is unreadable (mapping the entry rejects it, with the reason). */
function safeFirst(entry: LdifEntry, name: string): string | undefined {
  try {
    return firstValue(entry, name);
  } catch {
    return undefined;
  }
}

/**
 * Primary-group memberships in a stream of entries (an LDIF file), where a user may come before
 * or after its group: a user whose group has been seen gets the grant at once; one whose group
 * has not is kept waiting (its DN only) until the group comes. Users whose primary group is not
 * in the file stay without it: the file does not say what the group is.
 */
export class PrimaryGroupTracker {
  private readonly groupBySid = new Map<string, string>();
  private readonly waiting = new Map<string, string[]>();

  /** After the entry was mapped (and not rejected) as `kind`. */
  see(entry: LdifEntry, kind: EntryKind, sink: RecordSink): void {
    const dn = entry.dn.trim();
    if (kind === 'group') {
      const sid = sidOf(entry);
      if (sid === undefined) return;
      this.groupBySid.set(sid, dn);
      for (const user of this.waiting.get(sid) ?? []) this.grant(user, dn, sink);
      this.waiting.delete(sid);
      return;
    }
    if (kind === 'other') return;
    const sid = primaryGroupSid(entry);
    if (sid === undefined) return;
    const group = this.groupBySid.get(sid);
    if (group !== undefined) this.grant(dn, group, sink);
    else {
      const users = this.waiting.get(sid);
      if (users) users.push(dn);
      else this.waiting.set(sid, [dn]);
    }
  }

  private grant(user: string, group: string, sink: RecordSink): void {
    // The sink keeps one grant of a pair named twice (memberOf may already list the group).
    sink.grant(user, group, null);
  }
}
