import type { MappedRow } from '../profile.js';
import type { AccountRecord, EntitlementRecord, RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { grantAll, listedEntitlements, requireValue } from './table/record-parts.js';
import { ACCOUNT_STATUS, ACCOUNT_TYPE, readWord } from './table/vocabulary.js';

/**
 * The generic grants layout (CLI.md "Generic file layouts"): one row per account and entitlement,
 * or several entitlements in one cell. Accounts are keyed by the Account value, entitlements by name.
 */

const FIELDS = [
  required('Account', 'Account Name', 'Account ID', 'Username', 'User Name', 'Login', 'Login Name', 'User ID', 'User', 'SAM Account Name', 'User Principal Name', 'UPN'),
  required('Entitlement', 'Entitlements', 'Role', 'Roles', 'Group', 'Groups', 'Permission', 'Permissions', 'Permission Set', 'Access', 'Access Level', 'Privilege', 'Profile', 'Responsibility'),
  optional('Email', 'Email Address', 'E-mail', 'Mail', 'Work Email', 'User Email'),
  optional('Display Name', 'Full Name', 'Name', 'User Display Name', 'User Full Name'),
  optional('Employee ID', 'Employee Number', 'Employee No', 'Emp ID', 'Worker ID', 'Personnel Number'),
  optional('Entitlement Type', 'Access Type', 'Role Type', 'Permission Type', 'Group Type'),
  optional('Privileged', 'Is Privileged', 'Privileged Access', 'Elevated', 'Is Admin'),
  optional('Status', 'Account Status', 'User Status', 'Account State', 'State', 'Enabled', 'Active', 'Is Active'),
  optional('Last Login', 'Last Logon', 'Last Sign In', 'Last Signin', 'Last Login Date', 'Last Login Time', 'Last Activity', 'Last Active', 'Last Accessed', 'Last Used'),
  optional('Account Type', 'User Type', 'Identity Type', 'Account Kind'),
];

/**
 * Rows of one account repeat its columns: when a row's account columns equal the previous row's,
 * the previous record is reused (and the resolver skips merging it). Only the previous row's
 * cells are kept.
 */
let previous: { parts: readonly (string | boolean | null | undefined)[]; account: AccountRecord } | undefined;

function accountOf(row: MappedRow, key: string, privileged: boolean | null): AccountRecord {
  const parts = [key, row.get('Email'), row.get('Display Name'), row.get('Employee ID'), row.get('Status'), row.get('Account Type'), privileged, row.get('Last Login')];
  const last = previous;
  if (last !== undefined && parts.every((part, i) => part === last.parts[i])) return last.account;
  // Not compacted: this runs for every account of the largest files, and the writer skips undefined fields.
  const account: AccountRecord = {
    key,
    login: key,
    email: parts[1] as string | undefined,
    displayName: parts[2] as string | undefined,
    employeeId: parts[3] as string | undefined,
    status: readWord(row, 'Status', ACCOUNT_STATUS) ?? 'enabled',
    accountType: readWord(row, 'Account Type', ACCOUNT_TYPE),
    // Only a yes says something about the account: a "no" row may sit next to a "yes" row.
    privileged: privileged === true ? true : undefined,
    lastLogin: row.date('Last Login'),
  };
  // Frozen copy: the resolver skips merging a frozen record it has seen, and holds no row's text.
  const frozen = Object.freeze(JSON.parse(JSON.stringify(account)) as AccountRecord);
  previous = { parts, account: frozen };
  return frozen;
}

/** Entitlement lists by cell text: a file names few distinct ones, on many rows. Copies, so no row's text is held. */
const entitlementLists = new Map<string, EntitlementRecord[]>();

function entitlementsOf(row: MappedRow, privileged: boolean | null): EntitlementRecord[] {
  const text = row.get('Entitlement');
  const type = row.get('Entitlement Type');
  const cacheKey = `${String(privileged)}\u0000${type ?? ''}\u0000${text ?? ''}`;
  const cached = entitlementLists.get(cacheKey);
  if (cached !== undefined) return cached;
  const listed = listedEntitlements(text, type);
  const copied = JSON.parse(JSON.stringify(privileged === null ? listed : listed.map((e) => ({ ...e, privileged })))) as EntitlementRecord[];
  const list = copied.map((e) => Object.freeze(e));
  if (entitlementLists.size >= 4096) entitlementLists.clear();
  entitlementLists.set(JSON.parse(JSON.stringify(cacheKey)) as string, list);
  return list;
}

function mapRow(row: MappedRow, sink: RecordSink): void {
  const key = requireValue(row, 'Account');
  const privileged = row.bool('Privileged');
  sink.account(accountOf(row, key, privileged));
  grantAll(sink, key, entitlementsOf(row, privileged));
}

export const grantsProfile = defineTableProfile({
  name: 'grants',
  content: 'access',
  description: 'Generic grants sheet: one row per account and entitlement (Account, Entitlement, Email, Status, Privileged, Last Login…)',
  fields: FIELDS,
  signature: {
    all: ['Account', 'Entitlement'],
    some: ['Email', 'Display Name', 'Employee ID', 'Entitlement Type', 'Privileged', 'Status', 'Last Login', 'Account Type'],
    base: 0.5,
    max: 0.75,
  },
  mapRow,
});
