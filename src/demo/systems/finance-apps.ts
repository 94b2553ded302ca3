import { daysBefore, recentActivity } from '../dates.js';
import type { GrantAccount, GrantSystem } from '../model.js';
import type { Rng } from '../prng.js';
import type { Employee } from '../roster.js';
import { initialAndSurname } from '../usernames.js';

/**
 * The finance ERP and the bank portal, both exported as generic grants spreadsheets. Normal
 * access comes from the job title alone, and the title profiles below break none of the
 * DEMO_SOD_RULES, alone or combined across the two systems (the only holders of Vendor Master
 * Maintenance, procurement specialists, have no bank access). Leavers' accounts are either gone
 * or Disabled.
 */

export const ERP_ADMIN = 'ERP Administrator';
export const BANK_ADMIN = 'Portal Administrator';

const ERP_ROLES_BY_TITLE: Readonly<Record<string, readonly string[]>> = {
  'Chief Financial Officer': ['Reporting Viewer'],
  'Financial Controller': ['GL Journal Approve', 'Reporting Viewer'],
  'Finance Manager': ['AP Approver', 'Reporting Viewer'],
  'Treasury Manager': ['Reporting Viewer'],
  'Accounts Payable Specialist': ['AP Clerk'],
  'Accounts Receivable Specialist': ['AR Clerk'],
  Accountant: ['GL Journal Entry'],
  'Senior Accountant': ['GL Journal Entry', 'Reporting Viewer'],
  'Treasury Analyst': ['Payment Release'],
  'FP&A Analyst': ['Reporting Viewer'],
  'Payroll Specialist': ['Payroll Processing'],
  'Procurement Manager': ['Purchase Order Approve', 'Reporting Viewer'],
  'Procurement Specialist': ['Vendor Master Maintenance', 'Purchase Requisitioner'],
  'Operations Manager': ['Purchase Requisitioner'],
};

const BANK_ROLES_BY_TITLE: Readonly<Record<string, readonly string[]>> = {
  'Chief Financial Officer': ['Payment Approver'],
  'Financial Controller': ['Payment Approver', 'Viewer'],
  'Treasury Manager': ['Payment Approver', 'Viewer'],
  'Treasury Analyst': ['Payment Initiator', 'Viewer'],
  'Finance Manager': ['Beneficiary Admin', 'Viewer'],
};

export function erpRolesFor(title: string): readonly string[] {
  return ERP_ROLES_BY_TITLE[title] ?? [];
}

export function bankRolesFor(title: string): readonly string[] {
  return BANK_ROLES_BY_TITLE[title] ?? [];
}

/** ERP accounts are JSMITH, bank users jsmith; a clash gets a number (JSMITH2). */
export function accountNameFor(system: GrantSystem, e: Employee): string {
  const base = initialAndSurname(e.firstName, e.lastName, 12);
  const styled = system.id === 'erp' ? base.toUpperCase() : base;
  const taken = new Set(system.accounts.map((a) => a.account.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? styled : `${styled}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A new, active account for an employee, added to the system. */
export function addEmployeeAccount(rng: Rng, system: GrantSystem, e: Employee, entitlements: readonly string[], asOf: Date): GrantAccount {
  const account: GrantAccount = {
    account: accountNameFor(system, e),
    email: e.email,
    displayName: e.displayName,
    employeeId: e.employeeId,
    accountType: 'User',
    status: 'Active',
    lastLogin: recentActivity(rng, asOf, e.hireDate),
    entitlements: [...entitlements],
  };
  system.accounts.push(account);
  return account;
}

export function accountOf(system: GrantSystem, employeeId: string): GrantAccount | undefined {
  return system.accounts.find((a) => a.employeeId === employeeId);
}

function populate(rng: Rng, system: GrantSystem, employees: readonly Employee[], rolesFor: (title: string) => readonly string[], asOf: Date): void {
  for (const e of employees) {
    const roles = rolesFor(e.title);
    if (roles.length === 0) continue;
    if (e.terminationDate && rng.chance(0.5)) continue;
    const account = addEmployeeAccount(rng, system, e, roles, asOf);
    if (e.terminationDate) {
      account.status = 'Disabled';
      account.lastLogin = daysBefore(rng, e.terminationDate, 0, 10, e.hireDate);
    }
  }
}

export function buildErp(rng: Rng, employees: readonly Employee[], asOf: Date): GrantSystem {
  const erp: GrantSystem = { id: 'erp', entitlementType: 'Role', privileged: [ERP_ADMIN], exportsEmployeeId: true, accounts: [] };
  populate(rng, erp, employees, erpRolesFor, asOf);
  return erp;
}

export function buildBank(rng: Rng, employees: readonly Employee[], asOf: Date): GrantSystem {
  const bank: GrantSystem = { id: 'bank', entitlementType: 'Role', privileged: [BANK_ADMIN], exportsEmployeeId: false, accounts: [] };
  populate(rng, bank, employees, bankRolesFor, asOf);
  return bank;
}
