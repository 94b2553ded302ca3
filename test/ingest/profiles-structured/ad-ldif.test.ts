import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adLdifProfile as profile } from '../../../src/ingest/profiles/ad-ldif.js';
import { openLdif } from '../../../src/ingest/readers/ldif/open-ldif.js';
import { organizationalUnits, parseDn } from '../../../src/ingest/directory/distinguished-name.js';
import type { LdifEntry } from '../../../src/ingest/source.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { ldifEntry, mapLdif } from './helpers/collecting-sink.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/profiles-structured/ad-export.ldif', import.meta.url));

async function fixtureEntries(path = FIXTURE): Promise<LdifEntry[]> {
  const source = await openLdif(path);
  const entries: LdifEntry[] = [];
  for await (const entry of source.entries()) entries.push(entry);
  return entries;
}

const BASE = 'DC=corp,DC=example,DC=com';
const ALEE = `CN=Ann Lee,OU=Finance,OU=Staff,${BASE}`;
const MOSEI = `CN=Mark Osei,OU=Finance,OU=Staff,${BASE}`;
const ZOE = `CN=Zoë Martín,OU=IT,OU=Staff,${BASE}`;
const PAT = `CN=Doyle\\, Pat,OU=Sales,OU=Staff,${BASE}`;
const BACKUP = `CN=Backup Agent,OU=Service Accounts,${BASE}`;
const PRINT = `CN=svc-print,OU=IT,OU=Staff,${BASE}`;
const DOMAIN_ADMINS = `CN=Domain Admins,CN=Users,${BASE}`;
const FINANCE_AP = `CN=Finance-AP,OU=Groups,${BASE}`;
const VPN = `CN=VPN Users,OU=Remote Access,OU=Security Groups,${BASE}`;

const USER_CLASSES = ['top', 'person', 'organizationalPerson', 'user'];

describe('ad-ldif: the fixture', async () => {
  const entries = await fixtureEntries();
  const sink = await mapLdif(profile, entries);

  it('detects the format from the first entry', () => {
    expect(entries[0]?.dn).toBe(ALEE);
    expect(profile.detect(entries[0] as LdifEntry)).toBe(0.9);
    expect(profile.kind).toBe('ldif');
    expect(profile.content).toBe('access');
    expect(profile.defaultSystem).toBe('Active Directory');
  });

  it('maps users to accounts: disabled, service and privileged flags, FILETIME and generalized-time dates', () => {
    expect([...sink.accounts.values()]).toStrictEqual([
      {
        key: ALEE, login: 'alee', email: 'ann.lee@corp.example.com', displayName: 'Ann Lee', employeeId: 'E1001', status: 'enabled',
        createdOn: '2019-03-11',
        // lastLogon (2024-05-28) is later than the replicated lastLogonTimestamp (2024-05-20).
        lastLogin: '2024-05-28T16:42:10Z',
        attributes: { title: 'Accounts Payable Clerk', department: 'Finance', manager: MOSEI, userAccountControl: '512', userPrincipalName: 'alee@corp.example.com', ouPath: 'Staff/Finance' },
      },
      {
        // 66048 (password never expires) outside a service OU: not a service account.
        key: MOSEI, login: 'mosei', email: 'mark.osei@corp.example.com', displayName: 'Mark Osei', employeeId: 'E1002', status: 'enabled',
        createdOn: '2017-09-04', lastLogin: '2024-05-27T07:03:44Z',
        attributes: { title: 'Finance Manager', department: 'Finance', userAccountControl: '66048', userPrincipalName: 'mosei@corp.example.com', ouPath: 'Staff/Finance' },
      },
      {
        // DN and names given base64-encoded (::) in the file; a Domain Admin.
        key: ZOE, login: 'zmartin', email: 'zoe.martin@corp.example.com', displayName: 'Zoë Martín', employeeId: 'E1003', status: 'enabled', privileged: true,
        createdOn: '2015-01-26', lastLogin: '2024-05-29T09:00:00Z',
        attributes: { title: 'Head of IT', department: 'IT', userAccountControl: '512', userPrincipalName: 'zmartin@corp.example.com', ouPath: 'Staff/IT' },
      },
      {
        // 514 = disabled; employeeNumber when there is no employeeID; never logged on.
        key: PAT, login: 'pdoyle', email: 'pat.doyle@corp.example.com', displayName: 'Pat Doyle', employeeId: 'E0917', status: 'disabled',
        createdOn: '2021-06-14', lastLogin: null,
        attributes: { title: 'Account Executive', department: 'Sales', userAccountControl: '514', userPrincipalName: 'pdoyle@corp.example.com', ouPath: 'Staff/Sales' },
      },
      {
        // 66048 in OU=Service Accounts.
        key: BACKUP, login: 'backup-agent', displayName: 'Backup agent service', status: 'enabled', accountType: 'service',
        createdOn: '2018-01-02', lastLogin: '2024-05-30T02:00:05Z',
        attributes: { userAccountControl: '66048', userPrincipalName: 'backup-agent@corp.example.com', ouPath: 'Service Accounts' },
      },
      {
        // svc prefix; lastLogonTimestamp 0 means never.
        key: PRINT, login: 'svc-print', displayName: 'Print spooler service', status: 'enabled', accountType: 'service',
        createdOn: '2020-07-20', lastLogin: null,
        attributes: { userAccountControl: '512', ouPath: 'Staff/IT' },
      },
    ]);
  });

  it('maps groups to entitlements, privileged by well-known name', () => {
    expect([...sink.entitlements.values()]).toStrictEqual([
      { key: FINANCE_AP, name: 'Finance-AP', type: 'group', privileged: false, description: 'Accounts payable shares and mailboxes' },
      { key: VPN, name: 'VPN Users', type: 'group', privileged: false, description: 'Remote access through the corporate VPN' },
      { key: DOMAIN_ADMINS, name: 'Domain Admins', type: 'group', privileged: true, description: 'Designated administrators of the domain' },
    ]);
  });

  it('grants each membership once, whichever side names it', () => {
    expect(sink.grantList()).toStrictEqual(
      [`${ALEE}|${FINANCE_AP}|`, `${ALEE}|${VPN}|`, `${MOSEI}|${FINANCE_AP}|`, `${ZOE}|${DOMAIN_ADMINS}|`, `${ZOE}|${VPN}|`, `${PAT}|${VPN}|`].sort(),
    );
    // memberOf on users and member on groups both name the six pairs.
    expect(sink.grantCalls).toBe(12);
  });

  it('skips the OU and the computer silently, and merges without conflicts', () => {
    expect(sink.rejections).toStrictEqual([]);
    expect(sink.conflicts).toStrictEqual([]);
    expect([...sink.accounts.keys()].some((k) => k.includes('FS01'))).toBe(false);
  });
});

describe('ad-ldif: detect', () => {
  it('is sure of AD users and groups', () => {
    expect(profile.detect(ldifEntry(`CN=Finance-AP,OU=Groups,${BASE}`, { objectClass: ['top', 'group'], sAMAccountName: 'Finance-AP' }))).toBe(0.9);
    expect(profile.detect(ldifEntry('CN=Ann Lee,CN=Users', { objectClass: USER_CLASSES, userAccountControl: '512' }))).toBe(0.9);
    expect(profile.detect(ldifEntry('uid=jdoe,ou=people,dc=example,dc=org', { objectClass: ['top', 'inetOrgPerson'], uid: 'jdoe' }))).toBe(0.9);
  });

  it('is less sure when the export starts with the search base or an OU', () => {
    expect(profile.detect(ldifEntry(BASE, { objectClass: ['top', 'domain', 'domainDNS'], dc: 'corp' }))).toBe(0.5);
    expect(profile.detect(ldifEntry(`OU=Staff,${BASE}`, { objectClass: ['top', 'organizationalUnit'] }))).toBe(0.5);
  });

  it('never throws, whatever the entry holds', () => {
    expect(profile.detect(ldifEntry('x'.repeat(10_000), { objectClass: ['x'.repeat(10_000), 'user'], sAMAccountName: 'y'.repeat(10_000) }))).toBe(0.9);
    expect(profile.detect(ldifEntry('', {}))).toBe(0);
  });

  it('answers 0 for other directories and other LDIF', () => {
    expect(profile.detect(ldifEntry('uid=jdoe,ou=people,o=example', { objectClass: ['top', 'inetOrgPerson'], uid: 'jdoe' }))).toBe(0);
    expect(profile.detect(ldifEntry('cn=config', { objectClass: 'olcGlobal' }))).toBe(0);
    expect(profile.detect(ldifEntry('ou=people,o=example', { objectClass: 'organizationalUnit' }))).toBe(0);
  });
});

describe('ad-ldif: entries one by one', () => {
  const user = (dn: string, attributes: Record<string, string | readonly string[]>): LdifEntry => ldifEntry(dn, { objectClass: USER_CLASSES, ...attributes }, 40);

  it('grants from a group entry when its members carry no memberOf', async () => {
    const sink = await mapLdif(profile, [
      ldifEntry(`CN=Administrators,CN=Builtin,${BASE}`, { objectClass: ['top', 'group'], cn: 'Administrators', member: [ALEE, `CN=Helpdesk,OU=Groups,${BASE}`] }),
    ]);
    expect([...sink.entitlements.values()]).toStrictEqual([{ key: `CN=Administrators,CN=Builtin,${BASE}`, name: 'Administrators', type: 'group', privileged: true }]);
    // A nested group is granted like any member: the pipeline has no account for it.
    expect(sink.grantList()).toStrictEqual([`${ALEE}|CN=Administrators,CN=Builtin,${BASE}|`, `CN=Helpdesk,OU=Groups,${BASE}|CN=Administrators,CN=Builtin,${BASE}|`]);
  });

  it('reads a large group\'s members given in ranges', async () => {
    const group = `CN=All Staff,OU=Groups,${BASE}`;
    const sink = await mapLdif(profile, [ldifEntry(group, { objectClass: 'group', 'member;range=0-1499': [ALEE, MOSEI], 'member;range=1500-*': PAT })]);
    expect(sink.grantList()).toStrictEqual([`${ALEE}|${group}|`, `${MOSEI}|${group}|`, `${PAT}|${group}|`].sort());
  });

  it("grants a user's primary group (primaryGroupID) when the group is in the file, before or after the user", async () => {
    const domain = 'S-1-5-21-1004336348-1177238915-682003330';
    const group = (dn: string, rid: number): LdifEntry => ldifEntry(dn, { objectClass: ['top', 'group'], objectSid: `${domain}-${rid}` }, 40);
    const sink = await mapLdif(profile, [
      // Hidden Domain Admin: primary group 512, in no memberOf, before the group's entry.
      user(ALEE, { sAMAccountName: 'alee', objectSid: `${domain}-1105`, primaryGroupID: '512' }),
      group(DOMAIN_ADMINS, 512),
      group(`CN=Domain Users,CN=Users,${BASE}`, 513),
      // After the group's entry; memberOf already names it: still one grant.
      user(MOSEI, { sAMAccountName: 'mosei', objectSid: `${domain}-1106`, primaryGroupID: '513', memberOf: `CN=Domain Users,CN=Users,${BASE}` }),
      // A primary group the file does not hold, a primaryGroupID that is not a number, one from another domain.
      user(PAT, { sAMAccountName: 'pdoyle', objectSid: `${domain}-1107`, primaryGroupID: '1999' }),
      user(ZOE, { sAMAccountName: 'zmartin', objectSid: `${domain}-1108`, primaryGroupID: 'Domain Users' }),
      user(BACKUP, { sAMAccountName: 'backup', objectSid: 'S-1-5-21-1-2-3-1109', primaryGroupID: '512' }),
    ]);
    expect(sink.grantList()).toStrictEqual([`${ALEE}|${DOMAIN_ADMINS}|`, `${MOSEI}|CN=Domain Users,CN=Users,${BASE}|`]);
    expect(sink.rejections).toStrictEqual([]);
  });

  it('knows privileged groups whatever their case, and names a group by its CN', async () => {
    const sink = await mapLdif(profile, [user(ALEE, { sAMAccountName: 'alee', memberOf: [`CN=domain admins,CN=Users,${BASE}`, `CN=Backup Operators,CN=Builtin,${BASE}`, `CN=R\\26D,OU=Groups,${BASE}`] })]);
    expect([...sink.entitlements.values()].map((e) => [e.name, e.privileged])).toStrictEqual([
      ['domain admins', true],
      ['Backup Operators', true],
      ['R&D', false],
    ]);
    expect(sink.accountOf(ALEE).privileged).toBe(true);
  });

  it('falls back to uid and employeeNumber, and takes lastLogon alone', async () => {
    const sink = await mapLdif(profile, [
      ldifEntry('uid=jdoe,ou=people,dc=example,dc=org', { objectClass: ['top', 'inetOrgPerson'], uid: 'jdoe', cn: 'John Doe', employeeNumber: '4711', lastLogon: '133613881300000000' }),
    ]);
    expect([...sink.accounts.values()]).toStrictEqual([
      { key: 'uid=jdoe,ou=people,dc=example,dc=org', login: 'jdoe', employeeId: '4711', status: 'enabled', createdOn: null, lastLogin: '2024-05-28T16:42:10Z', attributes: { ouPath: 'people' } },
    ]);
  });

  it('reads AD "never" (the largest FILETIME) as no login', async () => {
    const sink = await mapLdif(profile, [user(ALEE, { sAMAccountName: 'alee', lastLogonTimestamp: '9223372036854775807', lastLogon: '0' })]);
    expect(sink.accountOf(ALEE).lastLogin).toBeNull();
  });

  it('treats managed service accounts as service accounts, and skips computers and contacts', async () => {
    const sink = await mapLdif(profile, [
      ldifEntry(`CN=gmsa-sql,CN=Managed Service Accounts,${BASE}`, { objectClass: [...USER_CLASSES, 'computer', 'msDS-GroupManagedServiceAccount'], sAMAccountName: 'gmsa-sql$', userAccountControl: '4096' }),
      ldifEntry(`CN=WS042,OU=Workstations,${BASE}`, { objectClass: [...USER_CLASSES, 'computer'], sAMAccountName: 'WS042$', memberOf: DOMAIN_ADMINS }),
      ldifEntry(`CN=Supplier Desk,OU=Contacts,${BASE}`, { objectClass: ['top', 'person', 'organizationalPerson', 'contact'], cn: 'Supplier Desk', mail: 'desk@supplier.example' }),
    ]);
    expect([...sink.accounts.values()].map((a) => [a.login, a.accountType])).toStrictEqual([['gmsa-sql$', 'service']]);
    expect(sink.grants.size).toBe(0);
    expect(sink.rejections).toStrictEqual([]);
  });

  it('rejects a user it cannot read, naming why', async () => {
    const sink = await mapLdif(profile, [
      user(`CN=x,OU=Staff,${BASE}`, { displayName: 'No login' }),
      user(ALEE, { sAMAccountName: 'alee', userAccountControl: 'enabled' }),
      user(ALEE, { sAMAccountName: 'alee', lastLogonTimestamp: 'yesterday' }),
      user(ALEE, { sAMAccountName: 'alee', whenCreated: '2024-01-15' }),
      user(ALEE, { sAMAccountName: 'a'.repeat(5000) }),
    ]);
    expect(sink.rejections).toStrictEqual([
      { line: 40, reason: `user "CN=x,OU=Staff,${BASE}" has no sAMAccountName, uid or cn` },
      { line: 40, reason: 'userAccountControl "enabled" is not a number' },
      { line: 40, reason: 'lastLogonTimestamp "yesterday" is not a Windows FILETIME' },
      { line: 40, reason: 'whenCreated "2024-01-15" is not a generalized time' },
      { line: 40, reason: 'sAMAccountName has a value 5,000 characters long; values over 4,096 characters are refused' },
    ]);
    expect(sink.accounts.size).toBe(0);
  });
});

describe('ad-ldif: a file with entries it cannot read', () => {
  const tempDir = useTempDirs();

  it('rejects each at the line its dn: starts on, and keeps the rest', async () => {
    const path = join(tempDir(), 'broken.ldif');
    writeFileSync(
      path,
      [
        'version: 1',
        '',
        `dn: CN=Nobody,OU=Staff,${BASE}`,
        'objectClass: user',
        'displayName: Nobody',
        '',
        '# next: a value that is not a number',
        `dn: ${ALEE}`,
        'objectClass: user',
        'sAMAccountName: alee',
        'userAccountControl: 0x200',
        '',
        `dn: ${MOSEI}`,
        'objectClass: user',
        'sAMAccountName: mosei',
        '',
      ].join('\n'),
    );
    const sink = await mapLdif(profile, await fixtureEntries(path));
    expect(sink.rejections).toStrictEqual([
      { line: 3, reason: `user "CN=Nobody,OU=Staff,${BASE}" has no sAMAccountName, uid or cn` },
      { line: 8, reason: 'userAccountControl "0x200" is not a number' },
    ]);
    expect([...sink.accounts.keys()]).toStrictEqual([MOSEI]);
  });
});

describe('ad-ldif: distinguished names', () => {
  it('undoes RFC 4514 escapes', () => {
    expect(parseDn('CN=Doyle\\, Pat,OU=Sales\\2C EMEA, DC=corp')).toStrictEqual([
      { type: 'cn', value: 'Doyle, Pat' },
      { type: 'ou', value: 'Sales, EMEA' },
      { type: 'dc', value: 'corp' },
    ]);
    expect(parseDn('CN=Jos\\C3\\A9\\ ,OU=a\\=b')).toStrictEqual([
      { type: 'cn', value: 'José ' },
      { type: 'ou', value: 'a=b' },
    ]);
    expect(parseDn('')).toStrictEqual([]);
    expect(organizationalUnits(`CN=x,OU=Finance,OU=Staff,${BASE}`)).toStrictEqual(['Staff', 'Finance']);
  });
});
