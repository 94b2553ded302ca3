import { ORG } from '../company-data.js';
import { generalizedTime, windowsFileTime } from '../dates.js';
import type { ActiveDirectory, AdGroup, AdUser } from '../model.js';
import { escapeRdnValue, ldifText } from './ldif-text.js';
import type { LdifAttribute, LdifRecord } from './ldif-text.js';

/**
 * The directory's users and groups as LDIF, the way an `ldapsearch` of the domain would return
 * them: users (by DN) then groups, memberOf on users and member on groups.
 */

const GLOBAL_SECURITY_GROUP = '-2147483646';

export function adUserDn(ad: ActiveDirectory, user: Pick<AdUser, 'cn' | 'container'>): string {
  return `CN=${escapeRdnValue(user.cn)},${user.container},${ad.baseDn}`;
}

export function adGroupDn(ad: ActiveDirectory, group: AdGroup): string {
  return `CN=${escapeRdnValue(group.name)},${group.container},${ad.baseDn}`;
}

function userRecord(ad: ActiveDirectory, user: AdUser, dnOfSam: ReadonlyMap<string, string>, dnOfGroup: ReadonlyMap<string, string>): LdifRecord {
  const many = (name: string, values: readonly string[]): LdifAttribute[] => values.map((v) => [name, v] as const);
  const manager = user.manager ? (dnOfSam.get(user.manager) ?? '') : '';
  return {
    dn: adUserDn(ad, user),
    attributes: [
      ...many('objectClass', ['top', 'person', 'organizationalPerson', 'user']),
      ['cn', user.cn],
      ['sn', user.sn],
      ['givenName', user.givenName],
      ['displayName', user.displayName],
      ['title', user.title],
      ['department', user.department],
      ['company', user.employeeId ? ORG.name : ''],
      ['employeeID', user.employeeId ?? ''],
      ['mail', user.mail ?? ''],
      ['manager', manager],
      ...many('memberOf', user.memberOf.map((g) => dnOfGroup.get(g) ?? '')),
      ['userAccountControl', String(user.userAccountControl)],
      ['lastLogonTimestamp', user.lastLogon ? windowsFileTime(user.lastLogon) : ''],
      ['whenCreated', generalizedTime(user.created)],
      ['sAMAccountName', user.sAMAccountName],
      ['userPrincipalName', user.userPrincipalName],
    ],
  };
}

function groupRecord(ad: ActiveDirectory, group: AdGroup, members: readonly string[]): LdifRecord {
  return {
    dn: adGroupDn(ad, group),
    attributes: [
      ['objectClass', 'top'],
      ['objectClass', 'group'],
      ['cn', group.name],
      ['description', group.description],
      ['groupType', GLOBAL_SECURITY_GROUP],
      ['sAMAccountName', group.name],
      ...members.map((dn) => ['member', dn] as const),
    ],
  };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function activeDirectoryLdif(ad: ActiveDirectory): { text: string; records: number } {
  const users = [...ad.users].sort(byKey((u) => adUserDn(ad, u)));
  const dnOfSam = new Map(users.map((u) => [u.sAMAccountName, adUserDn(ad, u)]));
  const dnOfGroup = new Map(ad.groups.map((g) => [g.name, adGroupDn(ad, g)]));
  const userRecords = users.map((u) => userRecord(ad, u, dnOfSam, dnOfGroup));
  const groupRecords = ad.groups.map((g) => groupRecord(ad, g, users.filter((u) => u.memberOf.includes(g.name)).map((u) => adUserDn(ad, u))));
  const [firstUser, ...otherUsers] = userRecords;
  const [firstGroup, ...otherGroups] = groupRecords;
  const records: LdifRecord[] = [
    ...(firstUser ? [{ ...firstUser, comments: [`Active Directory export of ${ORG.adDomain}`, `base <${ad.baseDn}> with scope subtree`, 'filter: (|(objectClass=user)(objectClass=group))', 'users'] }] : []),
    ...otherUsers,
    ...(firstGroup ? [{ ...firstGroup, comments: ['groups'] }] : []),
    ...otherGroups,
  ];
  return { text: ldifText(records), records: records.length };
}
