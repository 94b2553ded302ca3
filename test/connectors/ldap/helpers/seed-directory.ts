import { READER_DN, READER_PASSWORD, SUFFIX } from './slapd.js';

/**
 * The test directory: OpenLDAP-style people and groups (groupOfNames, groupOfUniqueNames,
 * posixGroup, nested and cyclic groups, three kinds of disabled markers) and AD-shaped users and
 * groups (userAccountControl, FILETIME, binary SID / GUID, memberOf), with more people than the
 * reader may read without paging.
 */

export const PEOPLE = `ou=people,${SUFFIX}`;
export const GROUPS = `ou=groups,${SUFFIX}`;
export const CORP = `ou=corp,${SUFFIX}`;

export const person = (uid: string): string => `uid=${uid},${PEOPLE}`;
export const group = (cn: string): string => `cn=${cn},${GROUPS}`;
export const ANN = `cn=Ann Lee,${CORP}`;
export const BOB_STONE = `cn=Bob Stone,${CORP}`;
export const DOMAIN_ADMINS = `cn=Domain Admins,${CORP}`;
export const FINANCE_AP = `cn=Finance-AP,${CORP}`;

export const BULK_USERS = Array.from({ length: 36 }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);

// S-1-5-21-3569595041-3098015461-4074885321-500 and GUID 00112233-4455-6677-8899-aabbccddeeff, as AD stores them.
const ANN_SID = 'AQUAAAAAAAUVAAAAobLD1OX2p7jJ0OHy9AEAAA==';
const ANN_GUID = Buffer.from('33221100554477668899aabbccddeeff', 'hex').toString('base64');
/** A SID of Ann's domain (S-1-5-21-3569595041-3098015461-4074885321) with another relative id, as AD stores it. */
const domainSid = (rid: number): string => {
  const bytes = Buffer.from(ANN_SID, 'base64');
  bytes.writeUInt32LE(rid, bytes.length - 4);
  return bytes.toString('base64');
};

function entry(dn: string, lines: string[]): string {
  return [`dn: ${dn}`, ...lines].join('\n');
}

function posixPerson(uid: string, n: number, extra: string[] = [], classes: string[] = []): string {
  return entry(person(uid), [
    'objectClass: inetOrgPerson', 'objectClass: posixAccount', ...classes.map((c) => `objectClass: ${c}`),
    `uid: ${uid}`, `cn: ${uid[0]?.toUpperCase()}${uid.slice(1)}`, `sn: ${uid}`, `mail: ${uid}@example.org`,
    `uidNumber: ${1000 + n}`, `gidNumber: ${1000 + n}`, `homeDirectory: /home/${uid}`, ...extra,
  ]);
}

export const SEED_LDIF = [
  entry(SUFFIX, ['objectClass: dcObject', 'objectClass: organization', 'o: Example', 'dc: example']),
  entry(READER_DN, ['objectClass: organizationalRole', 'objectClass: simpleSecurityObject', 'cn: reader', `userPassword: ${READER_PASSWORD}`]),
  entry(PEOPLE, ['objectClass: organizationalUnit', 'ou: people']),
  entry(GROUPS, ['objectClass: organizationalUnit', 'ou: groups']),
  entry(CORP, ['objectClass: organizationalUnit', 'ou: corp']),
  posixPerson('alice', 1, ['displayName: Alice Archer', 'employeeNumber: E100']),
  posixPerson('bob', 2, ['pwdAccountLockedTime: 000001010000Z']),
  posixPerson('carol', 3, ['shadowExpire: 1'], ['shadowAccount']),
  posixPerson('dave', 4, ['nsAccountLock: TRUE'], ['lockableAccount']),
  posixPerson('erin', 5),
  // A value longer than Attest takes: this entry is rejected, with its DN, and the rest lands.
  posixPerson('longname', 6, [`displayName: ${'x'.repeat(5000)}`]),
  ...BULK_USERS.map((uid) => entry(person(uid), ['objectClass: inetOrgPerson', `uid: ${uid}`, `cn: User ${uid}`, `sn: ${uid}`])),
  // alice's DN spelled in another case: one entry all the same.
  entry(group('developers'), ['objectClass: groupOfNames', 'cn: developers', `member: UID=Alice,OU=People,${SUFFIX}`, `member: ${group('interns')}`]),
  entry(group('admins'), ['objectClass: groupOfUniqueNames', 'cn: admins', `uniqueMember: ${person('bob')}`, `uniqueMember: ${group('developers')}`]),
  entry(group('interns'), ['objectClass: groupOfNames', 'cn: interns', `member: ${person('erin')}`]),
  entry(group('ops'), ['objectClass: posixGroup', 'cn: ops', 'gidNumber: 5000', 'memberUid: carol', 'memberUid: dave', 'memberUid: ghost']),
  entry(group('all-staff'), ['objectClass: groupOfNames', 'cn: all-staff', ...BULK_USERS.map((uid) => `member: ${person(uid)}`)]),
  entry(group('ring-a'), ['objectClass: groupOfNames', 'cn: ring-a', `member: ${person('u01')}`, `member: ${group('ring-b')}`]),
  entry(group('ring-b'), ['objectClass: groupOfNames', 'cn: ring-b', `member: ${person('u02')}`, `member: ${group('ring-a')}`]),
  entry(ANN, [
    'objectClass: top', 'objectClass: person', 'objectClass: organizationalPerson', 'objectClass: user',
    'cn: Ann Lee', 'sn: Lee', 'sAMAccountName: alee', 'userAccountControl: 512', 'lastLogonTimestamp: 133606665000000000',
    `objectSid:: ${ANN_SID}`, `objectGUID:: ${ANN_GUID}`, 'userPrincipalName: alee@corp.example.org', 'mail: ann.lee@example.org', `memberOf: ${DOMAIN_ADMINS}`,
  ]),
  entry(BOB_STONE, [
    'objectClass: top', 'objectClass: person', 'objectClass: organizationalPerson', 'objectClass: user',
    // Bob's primary group is Domain Admins (512): no member or memberOf list shows it.
    'cn: Bob Stone', 'sn: Stone', 'sAMAccountName: bstone', 'userAccountControl: 514', `memberOf: ${FINANCE_AP}`, `objectSid:: ${domainSid(1105)}`, 'primaryGroupID: 512',
  ]),
  entry(`cn=WS01,${CORP}`, ['objectClass: top', 'objectClass: person', 'objectClass: organizationalPerson', 'objectClass: user', 'objectClass: computer', 'cn: WS01', 'sn: WS01', 'sAMAccountName: WS01$', 'userAccountControl: 4096']),
  entry(DOMAIN_ADMINS, ['objectClass: group', 'cn: Domain Admins', 'sAMAccountName: Domain Admins', `objectSid:: ${domainSid(512)}`]),
  entry(FINANCE_AP, ['objectClass: group', 'cn: Finance-AP', 'sAMAccountName: Finance-AP', `member: ${ANN}`, `member: ${BOB_STONE}`]),
].join('\n\n') + '\n';

/** Direct memberships, as account DN → group DN. */
export const DIRECT_GRANTS: readonly [string, string][] = [
  [person('alice'), group('developers')],
  [person('bob'), group('admins')],
  [person('carol'), group('ops')],
  [person('dave'), group('ops')],
  [person('erin'), group('interns')],
  ...BULK_USERS.map((uid): [string, string] => [person(uid), group('all-staff')]),
  [person('u01'), group('ring-a')],
  [person('u02'), group('ring-b')],
  [ANN, DOMAIN_ADMINS],
  [ANN, FINANCE_AP],
  [BOB_STONE, FINANCE_AP],
  // From primaryGroupID.
  [BOB_STONE, DOMAIN_ADMINS],
];

/** What --nested adds: account, outer group, and the account's own group it comes through. */
export const INHERITED_GRANTS: readonly [string, string, string][] = [
  [person('alice'), group('admins'), group('developers')],
  [person('erin'), group('developers'), group('interns')],
  [person('erin'), group('admins'), group('interns')],
  [person('u01'), group('ring-b'), group('ring-a')],
  [person('u02'), group('ring-a'), group('ring-b')],
];

export const REJECTED_DN = person('longname');
export const USER_DNS = [...['alice', 'bob', 'carol', 'dave', 'erin', ...BULK_USERS].map(person), ANN, BOB_STONE];
export const GROUP_DNS = [...['developers', 'admins', 'interns', 'ops', 'all-staff', 'ring-a', 'ring-b'].map(group), DOMAIN_ADMINS, FINANCE_AP];
export const DISABLED = [person('bob'), person('carol'), person('dave'), BOB_STONE];
