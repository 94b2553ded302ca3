import type { MappedRow } from '../profile.js';
import type { AccountRecord, RecordSink } from '../records.js';
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

function mapRow(row: MappedRow, sink: RecordSink): void {
  const key = requireValue(row, 'Account');
  const privileged = row.bool('Privileged');
  const entitlements = listedEntitlements(row.get('Entitlement'), row.get('Entitlement Type'));
  // Not compacted: this runs for every row of the largest files, and the writer skips undefined fields.
  const account: AccountRecord = {
    key,
    login: key,
    email: row.get('Email'),
    displayName: row.get('Display Name'),
    employeeId: row.get('Employee ID'),
    status: readWord(row, 'Status', ACCOUNT_STATUS) ?? 'enabled',
    accountType: readWord(row, 'Account Type', ACCOUNT_TYPE),
    // Only a yes says something about the account: a "no" row may sit next to a "yes" row.
    privileged: privileged === true ? true : undefined,
    lastLogin: row.date('Last Login'),
  };
  sink.account(account);
  grantAll(sink, key, privileged === null ? entitlements : entitlements.map((e) => ({ ...e, privileged })));
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
