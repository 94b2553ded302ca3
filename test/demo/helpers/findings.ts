import type { DemoCompany } from '../../../src/demo/generate-demo-company.js';
import { readCsv } from './csv.js';
import { first, parseLdif } from './ldif.js';

/**
 * Recomputes every finding type from the generated files alone (HR CSV + each system's exports),
 * without using the generator's model, so a test can compare the result with the manifest.
 * The definitions follow the ones documented in src/demo/planted.ts.
 */

const DOMAIN = 'northwind-demo.example';
const DAY_MS = 86_400_000;
const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

interface HrPerson {
  id: string;
  email: string;
  status: string;
}

interface Hr {
  byId: Map<string, HrPerson>;
  byEmail: Map<string, HrPerson>;
}

export interface Account {
  system: string;
  account: string;
  employeeId: string | null;
  enabled: boolean;
  /** undefined: the export has no activity date; null: never used. */
  lastActivity: Date | null | undefined;
  privileged: boolean;
  service: boolean;
  /** Guests and the AWS root user: never orphans, leavers or dormant. */
  excluded: boolean;
  noMfa: boolean;
  entitlements: string[];
}

const SOD_RULES: readonly [string, string, string, string][] = [
  ['erp', 'AP Clerk', 'erp', 'AP Approver'],
  ['erp', 'Vendor Master Maintenance', 'erp', 'Payment Release'],
  ['erp', 'GL Journal Entry', 'erp', 'GL Journal Approve'],
  ['erp', 'Vendor Master Maintenance', 'bank', 'Payment Approver'],
  ['bank', 'Payment Initiator', 'bank', 'Payment Approver'],
];

export function fileText(company: DemoCompany, name: string): string {
  const file = company.files.find((f) => f.name === name);
  if (!file) throw new Error(`no file ${name}`);
  return file.content;
}

function readHr(company: DemoCompany): Hr {
  const people = readCsv(fileText(company, 'hr-roster.csv')).records.map((r) => ({
    id: r['Employee ID'] ?? '',
    email: (r.Email ?? '').toLowerCase(),
    status: r.Status ?? '',
  }));
  return { byId: new Map(people.map((p) => [p.id, p])), byEmail: new Map(people.map((p) => [p.email, p])) };
}

function correlate(hr: Hr, employeeId: string | undefined, ...emails: (string | undefined)[]): string | null {
  if (employeeId && hr.byId.has(employeeId)) return employeeId;
  for (const email of emails) {
    const person = email ? hr.byEmail.get(email.toLowerCase()) : undefined;
    if (person) return person.id;
  }
  return null;
}

function latestOf(dates: (Date | null)[]): Date | null {
  const real = dates.filter((d): d is Date => d !== null);
  return real.length === 0 ? null : new Date(Math.max(...real.map((d) => d.getTime())));
}

const awsDate = (value: string | undefined): Date | null => (value && /^\d{4}-/.test(value) ? new Date(value) : null);

interface AuthzUser {
  UserName: string;
  Path: string;
  GroupList: string[];
  AttachedManagedPolicies: { PolicyArn: string }[];
}
interface AuthzGroup {
  GroupName: string;
  AttachedManagedPolicies: { PolicyArn: string }[];
}

function awsAccounts(company: DemoCompany, hr: Hr): Account[] {
  const report = readCsv(fileText(company, 'aws-credential-report.csv')).records;
  const authz = JSON.parse(fileText(company, 'aws-authorization-details.json')) as { UserDetailList: AuthzUser[]; GroupDetailList: AuthzGroup[] };
  const adminGroups = new Set(authz.GroupDetailList.filter((g) => g.AttachedManagedPolicies.some((p) => p.PolicyArn === ADMIN_POLICY_ARN)).map((g) => g.GroupName));
  const users = new Map(authz.UserDetailList.map((u) => [u.UserName, u]));
  return report.map((r) => {
    const name = r.user ?? '';
    const root = name === '<root_account>';
    const detail = users.get(name);
    const admin = !!detail && (detail.AttachedManagedPolicies.some((p) => p.PolicyArn === ADMIN_POLICY_ARN) || detail.GroupList.some((g) => adminGroups.has(g)));
    const password = r.password_enabled === 'true';
    return {
      system: 'aws',
      account: name,
      employeeId: root ? null : correlate(hr, undefined, `${name}@${DOMAIN}`),
      enabled: password || r.access_key_1_active === 'true' || r.access_key_2_active === 'true',
      lastActivity: latestOf([awsDate(r.password_last_used), awsDate(r.access_key_1_last_used_date), awsDate(r.access_key_2_last_used_date)]),
      privileged: root || admin,
      service: detail?.Path === '/service/',
      excluded: root,
      noMfa: password && r.mfa_active === 'false',
      entitlements: [],
    };
  });
}

function entraAccounts(company: DemoCompany, hr: Hr): Account[] {
  return readCsv(fileText(company, 'entra-users.csv')).records.map((r) => ({
    system: 'entra',
    account: r.userPrincipalName ?? '',
    employeeId: correlate(hr, undefined, r.userPrincipalName, r.mail),
    enabled: r.accountEnabled === 'True',
    lastActivity: undefined,
    privileged: false,
    service: false,
    excluded: r.userType === 'Guest',
    noMfa: false,
    entitlements: [],
  }));
}

function googleDate(value: string): Date | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (value === 'Never logged in') return null;
  if (!m) throw new Error(`bad Google sign-in time ${value}`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

function googleAccounts(company: DemoCompany, hr: Hr): Account[] {
  return readCsv(fileText(company, 'google-workspace-users.csv')).records.map((r) => {
    const enabled = r['Status [READ ONLY]'] === 'Active';
    return {
      system: 'google',
      account: r['Email Address [Required]'] ?? '',
      employeeId: correlate(hr, r['Employee ID'], r['Email Address [Required]']),
      enabled,
      lastActivity: googleDate(r['Last Sign In [READ ONLY]'] ?? ''),
      privileged: false,
      service: (r['Org Unit Path [Required]'] ?? '').startsWith('/Service Accounts'),
      excluded: false,
      noMfa: enabled && r['2sv Enrolled [READ ONLY]'] === 'False',
      entitlements: [],
    };
  });
}

export function fileTimeToDate(ticks: string): Date {
  return new Date(Number(BigInt(ticks) / 10_000n - 11_644_473_600_000n));
}

function adAccounts(company: DemoCompany, hr: Hr): Account[] {
  const { entries } = parseLdif(fileText(company, 'active-directory.ldif'));
  const domainAdmins = entries.find((e) => first(e, 'cn') === 'Domain Admins')?.dn;
  return entries
    .filter((e) => e.attrs.get('objectClass')?.includes('user'))
    .map((e) => {
      const uac = Number(first(e, 'userAccountControl'));
      const logon = first(e, 'lastLogonTimestamp');
      return {
        system: 'ad',
        account: first(e, 'sAMAccountName') ?? '',
        employeeId: correlate(hr, first(e, 'employeeID'), first(e, 'mail'), first(e, 'userPrincipalName')),
        enabled: (uac & 2) === 0,
        lastActivity: logon ? fileTimeToDate(logon) : null,
        privileged: !!domainAdmins && (e.attrs.get('memberOf') ?? []).includes(domainAdmins),
        service: e.dn.includes(',OU=Service Accounts,'),
        excluded: false,
        noMfa: false,
        entitlements: [],
      };
    });
}

function grantAccounts(company: DemoCompany, hr: Hr, system: string, file: string): Account[] {
  const byAccount = new Map<string, Record<string, string>[]>();
  for (const r of readCsv(fileText(company, file)).records) byAccount.set(r.Account ?? '', [...(byAccount.get(r.Account ?? '') ?? []), r]);
  return [...byAccount].map(([account, rows]) => {
    const r = rows[0] ?? {};
    return {
      system,
      account,
      employeeId: correlate(hr, r['Employee ID'], r.Email),
      enabled: r.Status === 'Active',
      lastActivity: r['Last Login'] ? new Date(r['Last Login']) : null,
      privileged: rows.some((row) => row.Privileged === 'Yes'),
      service: r['Account Type'] === 'Service' || r['Account Type'] === 'Shared',
      excluded: false,
      noMfa: false,
      entitlements: rows.map((row) => row.Entitlement ?? ''),
    };
  });
}

export function allAccounts(company: DemoCompany): { hr: Hr; accounts: Account[] } {
  const hr = readHr(company);
  return {
    hr,
    accounts: [
      ...awsAccounts(company, hr),
      ...entraAccounts(company, hr),
      ...googleAccounts(company, hr),
      ...adAccounts(company, hr),
      ...grantAccounts(company, hr, 'erp', 'erp-grants.csv'),
      ...grantAccounts(company, hr, 'bank', 'bank-portal-users.csv'),
    ],
  };
}

function sodKeys(accounts: readonly Account[]): string[] {
  const keys: string[] = [];
  const people = new Set(accounts.filter((a) => a.employeeId && a.enabled && (a.system === 'erp' || a.system === 'bank')).map((a) => a.employeeId as string));
  for (const id of people) {
    const held = (system: string) => accounts.find((a) => a.employeeId === id && a.system === system && a.enabled);
    for (const [ls, le, rs, re] of SOD_RULES) {
      const left = held(ls);
      const right = held(rs);
      if (!left?.entitlements.includes(le) || !right?.entitlements.includes(re)) continue;
      const key = ls === rs ? `sodConflict|${ls}|${left.account}` : `sodConflict|${ls}+${rs}|${left.account}+${right.account}`;
      keys.push(`${key}|${id}`);
    }
  }
  return keys;
}

/** "type|system|account|employeeId" for every finding found in the files. */
export function recomputeFindings(company: DemoCompany): string[] {
  const { hr, accounts } = allAccounts(company);
  const dormantBefore = new Date(Date.parse(`${company.asOf}T00:00:00Z`) - 90 * DAY_MS);
  const key = (type: string, a: Account): string => `${type}|${a.system}|${a.account}|${a.employeeId ?? 'null'}`;
  const keys: string[] = [];
  for (const a of accounts) {
    const person = a.employeeId ? hr.byId.get(a.employeeId) : undefined;
    const human = !a.service && !a.excluded;
    if (human && person?.status === 'Terminated' && a.enabled) keys.push(key('leaver', a));
    if (human && a.employeeId === null) keys.push(key('orphan', a));
    if (!a.excluded && a.enabled && a.lastActivity !== undefined && (a.lastActivity === null || a.lastActivity < dormantBefore)) keys.push(key('dormant', a));
    if (a.privileged) keys.push(key('privileged', a));
    if (a.noMfa) keys.push(key('noMfa', a));
    if (a.service) keys.push(key('service', a));
  }
  return [...keys, ...sodKeys(accounts)].sort();
}

export function manifestKeys(company: DemoCompany): string[] {
  return company.planted.map((c) => `${c.type}|${c.system}|${c.account}|${c.employeeId ?? 'null'}`).sort();
}
