import { ORG } from '../company-data.js';
import { addDays, daysBefore, recentActivity, timeOnDay } from '../dates.js';
import { UAC_ACCOUNTDISABLE, UAC_NORMAL_ACCOUNT } from '../model.js';
import type { ActiveDirectory, AdGroup, AdUser } from '../model.js';
import type { Rng } from '../prng.js';
import type { Employee } from '../roster.js';
import { UniqueNames, initialAndSurname } from '../usernames.js';

/**
 * Normal Active Directory accounts: one per employee under OU=<Department>,OU=Staff, carrying
 * employeeID (how AD correlates to HR) and the manager's DN. Leavers are disabled (514) and lose
 * VPN access; everyone else is enabled (512) and logged on within 45 days. Nobody is in Domain
 * Admins: its members are planted.
 */

export const DOMAIN_ADMINS = 'Domain Admins';
export const VPN_USERS = 'VPN Users';
export const SERVICE_ACCOUNTS_OU = 'OU=Service Accounts';

export const AD_GROUPS: readonly AdGroup[] = [
  { name: DOMAIN_ADMINS, container: 'CN=Users', description: 'Designated administrators of the domain' },
  { name: VPN_USERS, container: 'OU=Groups', description: 'Remote access through the corporate VPN' },
  { name: 'Finance-AP', container: 'OU=Groups', description: 'Accounts payable shares and mailboxes' },
  { name: 'Finance-GL', container: 'OU=Groups', description: 'General ledger and month-end close shares' },
  { name: 'Finance-Treasury', container: 'OU=Groups', description: 'Treasury shares and bank-file drop folder' },
  { name: 'Engineering-Developers', container: 'OU=Groups', description: 'Source code and build servers' },
  { name: 'IT-Helpdesk', container: 'OU=Groups', description: 'Password resets and workstation support' },
  { name: 'HR-Confidential', container: 'OU=Groups', description: 'Personnel files' },
  { name: 'Legal-Matters', container: 'OU=Groups', description: 'Contracts and matter files' },
  { name: 'Sales-CRM', container: 'OU=Groups', description: 'CRM single sign-on' },
];

const GROUPS_BY_TITLE: Readonly<Record<string, string>> = {
  'Accounts Payable Specialist': 'Finance-AP',
  'Finance Manager': 'Finance-AP',
  Accountant: 'Finance-GL',
  'Senior Accountant': 'Finance-GL',
  'Financial Controller': 'Finance-GL',
  'Chief Financial Officer': 'Finance-GL',
  'Treasury Analyst': 'Finance-Treasury',
  'Treasury Manager': 'Finance-Treasury',
  'IT Support Analyst': 'IT-Helpdesk',
  'IT Manager': 'IT-Helpdesk',
};

const GROUPS_BY_DEPARTMENT: Readonly<Record<string, string>> = {
  Engineering: 'Engineering-Developers',
  HR: 'HR-Confidential',
  Legal: 'Legal-Matters',
  Sales: 'Sales-CRM',
};

function groupsFor(rng: Rng, e: Employee): string[] {
  const groups = [GROUPS_BY_TITLE[e.title], GROUPS_BY_DEPARTMENT[e.department]].filter((g): g is string => g !== undefined);
  if (e.status !== 'terminated' && rng.chance(0.45)) groups.push(VPN_USERS);
  return groups;
}

/** Hands out sAMAccountNames and keeps CNs unique within each container. */
class AdNames {
  private readonly sams = new UniqueNames();
  private readonly cns = new Set<string>();

  sam(base: string): string {
    return this.sams.take(base.slice(0, 20));
  }

  cn(container: string, name: string, fallback: string): string {
    const cn = this.cns.has(`${container}|${name}`.toLowerCase()) ? `${name} (${fallback})` : name;
    this.cns.add(`${container}|${cn}`.toLowerCase());
    return cn;
  }
}

function userFor(rng: Rng, names: AdNames, e: Employee, asOf: Date): AdUser {
  const container = `OU=${e.department},OU=Staff`;
  const left = e.terminationDate;
  return {
    cn: names.cn(container, e.displayName, e.employeeId),
    container,
    sAMAccountName: names.sam(initialAndSurname(e.firstName, e.lastName, 20)),
    userPrincipalName: e.email,
    givenName: e.firstName,
    sn: e.lastName,
    displayName: e.displayName,
    mail: e.email,
    employeeId: e.employeeId,
    title: e.title,
    department: e.department,
    manager: null,
    memberOf: groupsFor(rng, e),
    userAccountControl: left ? UAC_NORMAL_ACCOUNT | UAC_ACCOUNTDISABLE : UAC_NORMAL_ACCOUNT,
    lastLogon: left ? daysBefore(rng, left, 0, 10, e.hireDate) : recentActivity(rng, asOf, e.hireDate),
    created: timeOnDay(rng, addDays(e.hireDate, -rng.int(1, 10))),
  };
}

export function buildActiveDirectory(rng: Rng, employees: readonly Employee[], asOf: Date): ActiveDirectory {
  const names = new AdNames();
  const users = employees.map((e) => userFor(rng, names, e, asOf));
  const samOf = new Map(employees.map((e, i) => [e.employeeId, users[i]?.sAMAccountName ?? null]));
  employees.forEach((e, i) => {
    const user = users[i];
    if (user && e.managerId) user.manager = samOf.get(e.managerId) ?? null;
  });
  return { baseDn: ORG.adBaseDn, users, groups: AD_GROUPS.map((g) => ({ ...g })) };
}
