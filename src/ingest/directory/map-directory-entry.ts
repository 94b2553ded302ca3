import { fromFiletime, fromGeneralizedTime } from '../normalize/dates.js';
import { foldKey } from '../normalize/keys.js';
import { quoteValue } from '../normalize/quote-value.js';
import { RowRejected } from '../profile.js';
import type { AccountRecord, EntitlementRecord, RecordSink } from '../records.js';
import { READ_LIMITS, type LdifEntry } from '../source.js';
import { attributesOf, compact, dayOf, latestOf } from '../profiles/table/record-parts.js';
import { accountStatus, userAccountControl } from './account-status.js';
import { leafName, organizationalUnits, withoutUniqueId } from './distinguished-name.js';
import { kindOfClasses, type EntryKind } from './entry-kind.js';
import { firstValue, objectClasses, values } from './entry-values.js';
import { guidText, sidText } from './windows-ids.js';

/**
 * Directory users and groups (Active Directory, OpenLDAP, 389-DS), from an LDIF export or a live
 * search, onto the model. Users are accounts keyed by DN; groups are entitlements keyed by DN.
 * Memberships are read from both sides, `memberOf` on users and `member` / `uniqueMember` /
 * `memberUid` on groups; the sink merges the pairs both sides name. Only direct memberships are
 * read here (the LDAP connector expands nested groups on request).
 */

const UAC_DONT_EXPIRE_PASSWORD = 0x10000;

const PRIVILEGED_GROUPS: ReadonlySet<string> = new Set(
  [
    'Domain Admins',
    'Enterprise Admins',
    'Schema Admins',
    'Administrators',
    'Account Operators',
    'Backup Operators',
    'Server Operators',
    'Print Operators',
    'DnsAdmins',
    'Group Policy Creator Owners',
  ].map(foldKey),
);

/** Every attribute the mapping reads: what a live search asks the server for. */
export const DIRECTORY_ATTRIBUTES = [
  'objectClass', 'sAMAccountName', 'uid', 'cn', 'mail', 'displayName', 'employeeID', 'employeeNumber', 'userAccountControl',
  'lastLogonTimestamp', 'lastLogon', 'whenCreated', 'createTimestamp', 'title', 'department', 'manager', 'userPrincipalName',
  'objectSid', 'objectGUID', 'pwdAccountLockedTime', 'nsAccountLock', 'shadowExpire', 'memberOf', 'member', 'uniqueMember',
  'memberUid', 'description', 'primaryGroupID',
] as const;

/** The attributes that hold binary values (handed over as base64). */
export const BINARY_ATTRIBUTES = ['objectSid', 'objectGUID'] as const;

export interface DirectoryMapOptions {
  /** What the entry is when its object classes do not say (the search that found it knows). */
  fallbackKind?: EntryKind | undefined;
  /** posixGroup's memberUid names a login: the DN of the user with that uid. Without it, memberUid is not read. */
  memberDnOfUid?: ((uid: string) => string | undefined) | undefined;
  /** The time disabled markers with dates (shadowExpire) are compared with. */
  now?: number | undefined;
}

/** A group as an entitlement keyed by its DN, named by its leaf RDN; privileged when it is one of AD's administrative groups. */
export function groupEntitlement(dn: string, name = leafName(dn)): EntitlementRecord {
  return { key: dn, name, type: 'group', privileged: PRIVILEGED_GROUPS.has(foldKey(name)) };
}

/**
 * The later of lastLogonTimestamp and lastLogon. lastLogonTimestamp is replicated to every domain
 * controller but only about every 14 days, so it can trail the real last logon by that much;
 * lastLogon is exact but only for the controller the export was read from.
 */
function lastLogin(entry: LdifEntry): string | null {
  return latestOf(
    ['lastLogonTimestamp', 'lastLogon'].map((name) => {
      const ticks = firstValue(entry, name);
      if (ticks === undefined) return null;
      try {
        return fromFiletime(ticks);
      } catch {
        throw new RowRejected(`${name} ${quoteValue(ticks)} is not a Windows FILETIME`);
      }
    }),
  );
}

/** whenCreated (AD), else createTimestamp (OpenLDAP's operational attribute). */
function createdOn(entry: LdifEntry): string | null {
  const name = firstValue(entry, 'whenCreated') !== undefined ? 'whenCreated' : 'createTimestamp';
  const text = firstValue(entry, name);
  if (text === undefined) return null;
  const when = fromGeneralizedTime(text);
  if (when === undefined) throw new RowRejected(`${name} ${quoteValue(text)} is not a generalized time`);
  return dayOf(when);
}

function mapUser(entry: LdifEntry, dn: string, managedServiceAccount: boolean, sink: RecordSink, now: number | undefined): void {
  const login = firstValue(entry, 'sAMAccountName') ?? firstValue(entry, 'uid') ?? firstValue(entry, 'cn');
  if (login === undefined) throw new RowRejected(`user ${quoteValue(dn)} has no sAMAccountName, uid or cn`);
  const uac = userAccountControl(entry);
  const ous = organizationalUnits(dn);
  const passwordNeverExpires = uac !== undefined && (uac & UAC_DONT_EXPIRE_PASSWORD) !== 0;
  const inServiceOu = ous.some((ou) => ou.toLowerCase().includes('service'));
  const service = managedServiceAccount || (passwordNeverExpires && inServiceOu) || login.toLowerCase().startsWith('svc');
  const sid = firstValue(entry, 'objectSid');
  const guid = firstValue(entry, 'objectGUID');

  const groups = values(entry, 'memberOf').map((groupDn) => groupEntitlement(groupDn, leafName(groupDn)));
  const account: AccountRecord = compact({
    key: dn,
    login,
    email: firstValue(entry, 'mail'),
    displayName: firstValue(entry, 'displayName'),
    employeeId: firstValue(entry, 'employeeID') ?? firstValue(entry, 'employeeNumber'),
    status: accountStatus(entry, now),
    accountType: service ? ('service' as const) : undefined,
    // Only direct memberships are known here: true when one is privileged, otherwise unknown.
    privileged: groups.some((g) => g.privileged === true) ? true : undefined,
    createdOn: createdOn(entry),
    lastLogin: lastLogin(entry),
    attributes: attributesOf({
      title: firstValue(entry, 'title'),
      department: firstValue(entry, 'department'),
      manager: firstValue(entry, 'manager'),
      userAccountControl: firstValue(entry, 'userAccountControl'),
      userPrincipalName: firstValue(entry, 'userPrincipalName'),
      ouPath: ous.join('/'),
      objectSid: sid === undefined ? undefined : (sidText(sid) ?? sid),
      objectGUID: guid === undefined ? undefined : (guidText(guid) ?? guid),
      pwdAccountLockedTime: firstValue(entry, 'pwdAccountLockedTime'),
      nsAccountLock: firstValue(entry, 'nsAccountLock'),
      shadowExpire: firstValue(entry, 'shadowExpire'),
    }),
  });
  sink.account(account);
  for (const group of groups) {
    sink.entitlement(group);
    sink.grant(dn, group.key, null);
  }
}

function mapGroup(entry: LdifEntry, dn: string, sink: RecordSink, options: DirectoryMapOptions): void {
  const record = groupEntitlement(dn, leafName(dn));
  // A description is free text: kept, cut to the value limit, rather than refusing the group.
  const description = entry.attributes.get('description')?.find((v) => v.trim() !== '')?.trim().slice(0, READ_LIMITS.maxValueChars);
  sink.entitlement(description === undefined ? record : { ...record, description });
  for (const member of values(entry, 'member')) sink.grant(member, dn, null);
  for (const member of values(entry, 'uniqueMember')) sink.grant(withoutUniqueId(member), dn, null);
  const byUid = options.memberDnOfUid;
  // An unknown uid stays a name the resolver cannot place: counted as a membership not described.
  if (byUid) for (const uid of values(entry, 'memberUid')) sink.grant(byUid(uid) ?? `uid=${uid}`, dn, null);
}

/** Maps one entry; entries that are neither users nor groups (OUs, computers, contacts) are skipped. Returns what it was. */
export function mapDirectoryEntry(entry: LdifEntry, sink: RecordSink, options: DirectoryMapOptions = {}): EntryKind {
  const kind = kindOfClasses(objectClasses(entry)) ?? options.fallbackKind ?? 'other';
  if (kind === 'other') return kind;
  const dn = entry.dn.trim();
  if (dn === '' || dn.length > READ_LIMITS.maxValueChars) throw new RowRejected(`${kind === 'group' ? 'group' : 'user'} entry has ${dn === '' ? 'an empty' : 'an over-long'} DN`);
  if (kind === 'group') mapGroup(entry, dn, sink, options);
  else mapUser(entry, dn, kind === 'managed-service-account', sink, options.now);
  return kind;
}
