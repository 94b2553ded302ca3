import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';
import { fileText, fileTimeToDate } from './helpers/findings.js';
import { parseCsv, readCsv } from './helpers/csv.js';
import { first, parseLdif, unfold } from './helpers/ldif.js';

/** Column lists copied from /work/shared/formats/EXPORTS.md (and the brief for HR and the grants layout). */
const EXPECTED_HEADERS: Record<string, string[]> = {
  'hr-roster.csv': [
    'Employee ID', 'First Name', 'Last Name', 'Display Name', 'Email', 'Manager Employee ID', 'Department', 'Title', 'Location',
    'Employment Type', 'Status', 'Hire Date', 'Termination Date',
  ],
  'aws-credential-report.csv':
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated'.split(
      ',',
    ),
  'entra-users.csv': `userPrincipalName, displayName, surname, mail, givenName, objectId,
userType, jobTitle, department, accountEnabled, usageLocation,
streetAddress, state, country, physicalDeliveryOfficeName, city,
postalCode, telephoneNumber, mobile, authenticationAlternativePhoneNumber,
authenticationEmail, alternateEmailAddress, ageGroup,
consentProvidedForMinor, legalAgeGroupClassification`
    .split(',')
    .map((s) => s.trim()),
  'google-workspace-users.csv': `First Name [Required], Last Name [Required], Email Address [Required],
Password [Required], Password Hash Function [UPLOAD ONLY], Org Unit Path
[Required], New Primary Email [UPLOAD ONLY], Status [READ ONLY], Last Sign
In [READ ONLY], Recovery Email, Home Secondary Email, Work Secondary Email,
Recovery Phone [MUST BE IN THE E.164 FORMAT], Work Phone, Home Phone, Mobile
Phone, Work Address, Home Address, Employee ID, Employee Type, Employee
Title, Manager Email, Department, Cost Center, 2sv Enrolled [READ ONLY], 2sv
Enforced [READ ONLY], Building ID, Floor Name, Floor Section, Email Usage
[READ ONLY], Drive Usage [READ ONLY], Total Storage [READ ONLY], Change
Password at Next Sign-In, New Status [UPLOAD ONLY]`
    .replace(/\n/g, ' ')
    .split(',')
    .map((s) => s.trim()),
  'erp-grants.csv': ['Account', 'Email', 'Display Name', 'Employee ID', 'Entitlement', 'Entitlement Type', 'Privileged', 'Status', 'Last Login', 'Account Type'],
  'bank-portal-users.csv': ['Account', 'Email', 'Display Name', 'Employee ID', 'Entitlement', 'Entitlement Type', 'Privileged', 'Status', 'Last Login', 'Account Type'],
};

const company = generateDemoCompany();

describe('CSV exports', () => {
  it('have the documented column counts', () => {
    expect(EXPECTED_HEADERS['aws-credential-report.csv']).toHaveLength(22);
    expect(EXPECTED_HEADERS['entra-users.csv']).toHaveLength(25);
    expect(EXPECTED_HEADERS['google-workspace-users.csv']).toHaveLength(34);
  });

  for (const [name, header] of Object.entries(EXPECTED_HEADERS)) {
    describe(name, () => {
      const text = fileText(company, name);
      const rows = parseCsv(text);

      it('starts with the documented header row, in order', () => {
        expect(rows[0]).toEqual(header);
      });

      it('has as many fields in every row as in the header, and as many rows as reported', () => {
        for (const [i, row] of rows.entries()) expect(row.length, `row ${i}`).toBe(header.length);
        expect(rows.length - 1).toBe(company.files.find((f) => f.name === name)?.rows);
      });

      it('uses one line ending throughout', () => {
        const crlf = text.includes('\r\n');
        if (crlf) expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
        else expect(text.includes('\r')).toBe(false);
      });
    });
  }

  it('quotes fields holding commas (titles, addresses) and reads them back whole', () => {
    const hr = readCsv(fileText(company, 'hr-roster.csv'));
    expect(fileText(company, 'hr-roster.csv')).toContain('"VP, Engineering"');
    expect(hr.records.some((r) => r.Title === 'VP, Engineering')).toBe(true);
    const google = readCsv(fileText(company, 'google-workspace-users.csv'));
    expect(google.records.some((r) => (r['Work Address'] ?? '').includes(', '))).toBe(true);
  });

  it('spells values the way each vendor does', () => {
    const entra = readCsv(fileText(company, 'entra-users.csv')).records;
    expect(new Set(entra.map((r) => r.accountEnabled))).toEqual(new Set(['True', 'False']));
    const guests = entra.filter((r) => r.userType === 'Guest');
    expect(guests.length).toBeGreaterThanOrEqual(2);
    for (const g of guests) expect(g.userPrincipalName).toMatch(/#EXT#@/);
    const google = readCsv(fileText(company, 'google-workspace-users.csv')).records;
    expect(new Set(google.map((r) => r['Status [READ ONLY]']))).toEqual(new Set(['Active', 'Suspended']));
    for (const r of google) {
      expect(r['Last Sign In [READ ONLY]']).toMatch(/^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}|Never logged in)$/);
      expect(['True', 'False']).toContain(r['2sv Enrolled [READ ONLY]']);
    }
    const hr = readCsv(fileText(company, 'hr-roster.csv')).records;
    for (const r of hr) expect(r['Hire Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never dates anything after asOf', () => {
    const text = company.files.map((f) => f.content).join('\n');
    for (const m of text.matchAll(/\b(20\d\d)[-/](\d\d)[-/](\d\d)/g)) expect(`${m[1]}-${m[2]}-${m[3]}` <= company.asOf, m[0]).toBe(true);
  });
});

describe('AWS credential report', () => {
  const report = readCsv(fileText(company, 'aws-credential-report.csv'));
  const root = report.records[0] ?? {};

  it('puts the root user first with not_supported where AWS does', () => {
    expect(root.user).toBe('<root_account>');
    expect(root.arn).toMatch(/^arn:aws:iam::\d{12}:root$/);
    expect([root.password_enabled, root.password_last_changed, root.password_next_rotation]).toEqual(['not_supported', 'not_supported', 'not_supported']);
  });

  it('has about 40 IAM users, ISO 8601 +00:00 timestamps, true/false booleans and N/A for missing credentials', () => {
    expect(report.records.length - 1).toBeGreaterThanOrEqual(35);
    expect(report.records.length - 1).toBeLessThanOrEqual(45);
    const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
    for (const r of report.records.slice(1)) {
      expect(r.user_creation_time).toMatch(stamp);
      expect(['true', 'false']).toContain(r.password_enabled);
      expect(['true', 'false']).toContain(r.mfa_active);
      if (r.password_enabled === 'false') expect([r.password_last_used, r.password_last_changed]).toEqual(['N/A', 'N/A']);
      else expect(r.password_last_used).toMatch(/^(\d{4}-.*\+00:00|no_information)$/);
      if (r.access_key_1_last_rotated === 'N/A') expect(r.access_key_1_active).toBe('false');
    }
    expect(report.records.some((r) => r.user?.startsWith('svc-'))).toBe(true);
    expect(fileText(company, 'aws-credential-report.csv').includes('\r')).toBe(false);
  });
});

interface Authz {
  UserDetailList: { UserName: string; Arn: string; GroupList: string[]; UserPolicyList: { PolicyDocument: string }[]; AttachedManagedPolicies: { PolicyArn: string }[] }[];
  GroupDetailList: { GroupName: string; GroupPolicyList: { PolicyDocument: string }[]; AttachedManagedPolicies: { PolicyArn: string }[] }[];
  RoleDetailList: { RoleName: string; AssumeRolePolicyDocument: string }[];
  Policies: { Arn: string; AttachmentCount: number; PolicyVersionList: { Document: string; IsDefaultVersion: boolean }[] }[];
  IsTruncated: boolean;
}

describe('AWS get-account-authorization-details', () => {
  const authz = JSON.parse(fileText(company, 'aws-authorization-details.json')) as Authz;
  const report = readCsv(fileText(company, 'aws-credential-report.csv'));

  it('is complete (not truncated) and has the same users as the credential report, minus root', () => {
    expect(authz.IsTruncated).toBe(false);
    expect(authz.UserDetailList.map((u) => u.UserName).sort()).toEqual(report.records.slice(1).map((r) => r.user).sort());
    const arns = new Map(report.records.map((r) => [r.user, r.arn]));
    for (const u of authz.UserDetailList) expect(u.Arn).toBe(arns.get(u.UserName));
  });

  it('has the expected groups, users in them, and inline plus directly attached policies', () => {
    const groups = authz.GroupDetailList.map((g) => g.GroupName);
    for (const g of ['Admins', 'Developers', 'ReadOnly', 'Billing']) expect(groups).toContain(g);
    expect(authz.GroupDetailList.find((g) => g.GroupName === 'Admins')?.AttachedManagedPolicies.map((p) => p.PolicyArn)).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
    for (const u of authz.UserDetailList) for (const g of u.GroupList) expect(groups).toContain(g);
    expect(authz.UserDetailList.some((u) => u.UserPolicyList.length > 0)).toBe(true);
    expect(authz.UserDetailList.some((u) => u.AttachedManagedPolicies.length > 0)).toBe(true);
    expect(authz.RoleDetailList.length).toBeGreaterThan(0);
  });

  it('holds URL-encoded policy documents that decode to IAM policy JSON', () => {
    const encoded = [
      ...authz.UserDetailList.flatMap((u) => u.UserPolicyList.map((p) => p.PolicyDocument)),
      ...authz.GroupDetailList.flatMap((g) => g.GroupPolicyList.map((p) => p.PolicyDocument)),
      ...authz.RoleDetailList.map((r) => r.AssumeRolePolicyDocument),
      ...authz.Policies.flatMap((p) => p.PolicyVersionList.map((v) => v.Document)),
    ];
    expect(encoded.length).toBeGreaterThan(10);
    for (const doc of encoded) {
      expect(doc.startsWith('%7B')).toBe(true);
      const policy = JSON.parse(decodeURIComponent(doc)) as { Version: string; Statement: unknown[] };
      expect(policy.Version).toBe('2012-10-17');
      expect(policy.Statement.length).toBeGreaterThan(0);
    }
  });

  it('counts each managed policy attachment', () => {
    for (const p of authz.Policies) {
      const users = authz.UserDetailList.filter((u) => u.AttachedManagedPolicies.some((a) => a.PolicyArn === p.Arn)).length;
      const groups = authz.GroupDetailList.filter((g) => g.AttachedManagedPolicies.some((a) => a.PolicyArn === p.Arn)).length;
      expect(p.AttachmentCount, p.Arn).toBeGreaterThanOrEqual(users + groups);
      expect(p.PolicyVersionList.filter((v) => v.IsDefaultVersion)).toHaveLength(1);
    }
  });
});

describe('Active Directory LDIF', () => {
  const text = fileText(company, 'active-directory.ldif');
  const lines = text.split('\n');
  const { version, entries } = parseLdif(text);
  const hr = readCsv(fileText(company, 'hr-roster.csv')).records;

  it('is RFC 2849: version 1 first, comments, folded lines of at most 76 characters, base64 values', () => {
    expect(lines[0]).toBe('version: 1');
    expect(version).toBe('1');
    expect(lines.some((l) => l.startsWith('# '))).toBe(true);
    expect(lines.some((l) => /^ \S/.test(l))).toBe(true);
    expect(lines.some((l) => /^[A-Za-z]+:: [A-Za-z0-9+/]+=*$/.test(l))).toBe(true);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(76);
    expect(text.includes('\r')).toBe(false);
    expect(entries.length).toBe(company.files.find((f) => f.name === 'active-directory.ldif')?.rows);
  });

  it('gives back non-ASCII names exactly after unfolding and base64 decoding', () => {
    const accented = hr.filter((r) => /[^\x20-\x7e]/.test(r['Display Name'] ?? ''));
    expect(accented.length).toBeGreaterThan(0);
    for (const person of accented) {
      const entry = entries.find((e) => first(e, 'employeeID') === person['Employee ID'] && e.dn.includes(',OU=Staff,'));
      expect(entry, person['Employee ID']).toBeDefined();
      if (!entry) continue;
      expect(first(entry, 'displayName')).toBe(person['Display Name']);
      expect(first(entry, 'givenName')).toBe(person['First Name']);
      expect(entry.dn.startsWith('CN=')).toBe(true);
    }
    const zoe = unfold(text).find((l) => l.startsWith('displayName:: ') && Buffer.from(l.slice(14), 'base64').toString('utf8').startsWith('Zoë '));
    expect(zoe).toBeDefined();
  });

  it('has users with employeeID, manager DNs that exist, memberOf groups, userAccountControl and FILETIME logons', () => {
    const dns = new Set(entries.map((e) => e.dn));
    const users = entries.filter((e) => e.attrs.get('objectClass')?.includes('user'));
    expect(users.length).toBeGreaterThanOrEqual(company.employees);
    for (const u of users) {
      const manager = first(u, 'manager');
      if (manager) expect(dns.has(manager), manager).toBe(true);
      for (const g of u.attrs.get('memberOf') ?? []) expect(dns.has(g), g).toBe(true);
      expect(['512', '514', '66048']).toContain(first(u, 'userAccountControl'));
      expect(first(u, 'whenCreated')).toMatch(/^\d{14}\.0Z$/);
      const logon = first(u, 'lastLogonTimestamp');
      if (logon) {
        expect(logon).toMatch(/^\d{18}$/);
        expect(fileTimeToDate(logon).getTime()).toBeLessThan(Date.parse(`${company.asOf}T00:00:00Z`));
      }
    }
    expect(users.some((u) => (u.attrs.get('memberOf') ?? []).length > 1)).toBe(true);
    const groups = entries.filter((e) => e.attrs.get('objectClass')?.includes('group')).map((e) => first(e, 'cn'));
    for (const g of ['Domain Admins', 'VPN Users', 'Finance-AP']) expect(groups).toContain(g);
  });
});
