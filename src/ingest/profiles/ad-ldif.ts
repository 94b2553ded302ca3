import { fromFiletime, fromGeneralizedTime } from '../normalize/dates.js';
import { foldKey } from '../normalize/keys.js';
import { quoteValue } from '../normalize/quote-value.js';
import { RowRejected } from '../profile.js';
import type { LdifProfile } from '../profile.js';
import type { AccountRecord, EntitlementRecord, RecordSink } from '../records.js';
import { READ_LIMITS } from '../source.js';
import type { LdifEntry } from '../source.js';
import { hasDomainComponent, leafName, organizationalUnits } from './ad/distinguished-name.js';
import { attributesOf, compact, dayOf, latestOf } from './table/record-parts.js';

/**
 * Active Directory users and groups as LDIF (ldifde, ldapsearch). Users are accounts keyed by DN;
 * groups are entitlements keyed by DN. Memberships are read from both sides, `memberOf` on users
 * and `member` on groups; the sink merges the pairs both sides name. Only direct memberships are
 * read: a user in a group nested in Domain Admins is not seen as a Domain Admin. Entries that are
 * neither users nor groups (OUs, computers, contacts) are skipped.
 */

const UAC_ACCOUNTDISABLE = 0x2;
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

const USER_CLASSES = ['user', 'person', 'inetorgperson'];
/** Managed service accounts derive from computer, but sign in and hold groups like users. */
const MANAGED_SERVICE_ACCOUNT_CLASSES = ['msds-managedserviceaccount', 'msds-groupmanagedserviceaccount'];

/**
 * An attribute's non-blank values, trimmed; `name` as AD spells it (the reader lower-cases names).
 * A group of more than 1,500 members comes back in ranges (`member;range=0-1499`): all are read.
 */
function values(entry: LdifEntry, name: string): string[] {
  const lower = name.toLowerCase();
  const all: string[] = [];
  for (const [attribute, list] of entry.attributes) {
    if (attribute === lower || attribute.startsWith(`${lower};range=`)) all.push(...list);
  }
  const trimmed = all.map((v) => v.trim()).filter((v) => v !== '');
  const long = trimmed.find((v) => v.length > READ_LIMITS.maxValueChars);
  if (long !== undefined) {
    throw new RowRejected(`${name} has a value ${long.length.toLocaleString('en-US')} characters long; values over ${READ_LIMITS.maxValueChars.toLocaleString('en-US')} characters are refused`);
  }
  return trimmed;
}

const firstValue = (entry: LdifEntry, name: string): string | undefined => values(entry, name)[0];

/** Read without the length check: detect() must answer for any entry, never throw. */
function objectClasses(entry: LdifEntry): ReadonlySet<string> {
  return new Set((entry.attributes.get('objectclass') ?? []).map((v) => v.trim().toLowerCase()));
}

type EntryKind = 'user' | 'managed-service-account' | 'group' | 'other';

function entryKind(classes: ReadonlySet<string>): EntryKind {
  if (classes.has('group')) return 'group';
  if (MANAGED_SERVICE_ACCOUNT_CLASSES.some((c) => classes.has(c))) return 'managed-service-account';
  if (classes.has('computer') || classes.has('contact')) return 'other';
  return USER_CLASSES.some((c) => classes.has(c)) ? 'user' : 'other';
}

function groupEntitlement(dn: string, name: string): EntitlementRecord {
  return { key: dn, name, type: 'group', privileged: PRIVILEGED_GROUPS.has(foldKey(name)) };
}

function userAccountControl(entry: LdifEntry): number | undefined {
  const text = firstValue(entry, 'userAccountControl');
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text)) throw new RowRejected(`userAccountControl ${quoteValue(text)} is not a number`);
  // Stored as a signed 32-bit integer; the flags are its bits.
  return Number(text) >>> 0;
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

function createdOn(entry: LdifEntry): string | null {
  const text = firstValue(entry, 'whenCreated');
  if (text === undefined) return null;
  const when = fromGeneralizedTime(text);
  if (when === undefined) throw new RowRejected(`whenCreated ${quoteValue(text)} is not a generalized time`);
  return dayOf(when);
}

function mapUser(entry: LdifEntry, dn: string, managedServiceAccount: boolean, sink: RecordSink): void {
  const login = firstValue(entry, 'sAMAccountName') ?? firstValue(entry, 'uid') ?? firstValue(entry, 'cn');
  if (login === undefined) throw new RowRejected(`user ${quoteValue(dn)} has no sAMAccountName, uid or cn`);
  const uac = userAccountControl(entry);
  const ous = organizationalUnits(dn);
  const passwordNeverExpires = uac !== undefined && (uac & UAC_DONT_EXPIRE_PASSWORD) !== 0;
  const inServiceOu = ous.some((ou) => ou.toLowerCase().includes('service'));
  const service = managedServiceAccount || (passwordNeverExpires && inServiceOu) || login.toLowerCase().startsWith('svc');

  const groups = values(entry, 'memberOf').map((groupDn) => groupEntitlement(groupDn, leafName(groupDn)));
  const account: AccountRecord = compact({
    key: dn,
    login,
    email: firstValue(entry, 'mail'),
    displayName: firstValue(entry, 'displayName'),
    employeeId: firstValue(entry, 'employeeID') ?? firstValue(entry, 'employeeNumber'),
    status: uac !== undefined && (uac & UAC_ACCOUNTDISABLE) !== 0 ? ('disabled' as const) : ('enabled' as const),
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
    }),
  });
  sink.account(account);
  for (const group of groups) {
    sink.entitlement(group);
    sink.grant(dn, group.key, null);
  }
}

function mapGroup(entry: LdifEntry, dn: string, sink: RecordSink): void {
  const record = groupEntitlement(dn, leafName(dn));
  // A description is free text: kept, cut to the value limit, rather than refusing the group.
  const description = entry.attributes.get('description')?.find((v) => v.trim() !== '')?.trim().slice(0, READ_LIMITS.maxValueChars);
  sink.entitlement(description === undefined ? record : { ...record, description });
  for (const member of values(entry, 'member')) sink.grant(member, dn, null);
}

function mapEntry(entry: LdifEntry, sink: RecordSink): void {
  const kind = entryKind(objectClasses(entry));
  if (kind === 'other') return;
  const dn = entry.dn.trim();
  if (dn === '' || dn.length > READ_LIMITS.maxValueChars) throw new RowRejected(`${kind === 'group' ? 'group' : 'user'} entry has ${dn === '' ? 'an empty' : 'an over-long'} DN`);
  if (kind === 'group') mapGroup(entry, dn, sink);
  else mapUser(entry, dn, kind === 'managed-service-account', sink);
}

const AD_ATTRIBUTES = ['samaccountname', 'useraccountcontrol', 'objectsid', 'objectguid'];
const DIRECTORY_CLASSES = ['organizationalunit', 'container', 'domain', 'domaindns', 'builtindomain', 'computer'];

function detect(first: LdifEntry): number {
  const classes = objectClasses(first);
  const domainDn = hasDomainComponent(first.dn);
  if (entryKind(classes) !== 'other') {
    return AD_ATTRIBUTES.some((a) => first.attributes.has(a)) || domainDn ? 0.9 : 0;
  }
  // ldifde and ldapsearch often start with the search base (the domain or an OU): likely, not sure.
  return domainDn && DIRECTORY_CLASSES.some((c) => classes.has(c)) ? 0.5 : 0;
}

export const adLdifProfile: LdifProfile = {
  kind: 'ldif',
  name: 'ad-ldif',
  content: 'access',
  description: 'Active Directory users and groups as LDIF (ldifde, ldapsearch): accounts, group memberships, disabled, service and privileged accounts',
  defaultSystem: 'Active Directory',
  detect,
  mapEntry,
};
