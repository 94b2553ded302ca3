import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, grantAll, joinName, listedEntitlements, requireValue } from './table/record-parts.js';
import { ACCOUNT_STATUS, ACCOUNT_TYPE, readWord } from './table/vocabulary.js';

/**
 * The ConductorOne file connector's identity file: one row per user, with its groups and roles as
 * comma-separated lists (entitlements `group:<name>` and `role:<name>`). Keyed by User ID.
 */

const FIELDS = [
  required('User ID', 'UserID'),
  optional('Username', 'User Name'),
  optional('Email Address', 'Email'),
  optional('Full Name', 'Display Name'),
  optional('First Name'),
  optional('Last Name'),
  optional('User Status', 'Status'),
  optional('Manager ID'),
  optional('Groups', 'Group'),
  optional('Roles', 'Role'),
  optional('User Type', 'Account Type'),
  optional('Account Owner', 'Owner'),
  optional('Last Login'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const key = requireValue(row, 'User ID');
  const userType = row.get('User Type');
  const entitlements = [...listedEntitlements(row.get('Groups'), 'group', 'group'), ...listedEntitlements(row.get('Roles'), 'role', 'role')];
  sink.account(
    compact({
      key,
      login: row.get('Username') ?? key,
      email: row.get('Email Address'),
      displayName: row.get('Full Name') ?? joinName(row.get('First Name'), row.get('Last Name')),
      status: readWord(row, 'User Status', ACCOUNT_STATUS) ?? 'enabled',
      // A type this profile does not know is kept as an attribute rather than refused: the file comes from a tool, not a person.
      accountType: userType === undefined ? undefined : ACCOUNT_TYPE.lookup(userType),
      lastLogin: row.date('Last Login'),
      attributes: attributesOf({ userType, managerId: row.get('Manager ID'), accountOwner: row.get('Account Owner') }),
    }),
  );
  grantAll(sink, key, entitlements);
}

export const conductorOneFileProfile = defineTableProfile({
  name: 'conductorone-file',
  content: 'access',
  description: 'ConductorOne file-connector identity file: users with status, type, owner, groups and roles',
  fields: FIELDS,
  signature: { all: ['User ID', 'Username', 'User Status'], some: ['Email Address', 'Full Name', 'Manager ID', 'Groups', 'Roles', 'User Type'], base: 0.9, max: 0.95 },
  mapRow,
});
