import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, joinName, requireValue } from './table/record-parts.js';
import { ACCOUNT_STATUS, ACCOUNT_TYPE, readWord } from './table/vocabulary.js';

/**
 * Google Workspace admin console "Download users". Headers carry notes ("Email Address
 * [Required]", "Status [READ ONLY]") that matching ignores. Keyed by e-mail address. Accounts are
 * human unless Employee Type names another kind; the org unit is kept, not guessed from.
 */

const FIELDS = [
  required('Email Address', 'Primary Email'),
  optional('First Name'),
  optional('Last Name'),
  optional('Org Unit Path'),
  optional('Status'),
  optional('Last Sign In', 'Last Login'),
  optional('Employee ID'),
  optional('Employee Type'),
  optional('Employee Title', 'Title'),
  optional('Manager Email'),
  optional('Department'),
  optional('2sv Enrolled', '2-Step Verification Enrolled'),
  optional('2sv Enforced', '2-Step Verification Enforced'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const email = requireValue(row, 'Email Address');
  const employeeType = row.get('Employee Type');
  sink.account(
    compact({
      key: email,
      login: email,
      email,
      displayName: joinName(row.get('First Name'), row.get('Last Name')),
      employeeId: row.get('Employee ID'),
      status: readWord(row, 'Status', ACCOUNT_STATUS) ?? 'enabled',
      accountType: (employeeType === undefined ? undefined : ACCOUNT_TYPE.lookup(employeeType)) ?? 'human',
      mfa: row.bool('2sv Enrolled'),
      lastLogin: row.date('Last Sign In'),
      attributes: attributesOf({
        orgUnitPath: row.get('Org Unit Path'),
        employeeType,
        title: row.get('Employee Title'),
        department: row.get('Department'),
        managerEmail: row.get('Manager Email'),
        twoSvEnforced: row.get('2sv Enforced'),
      }),
    }),
  );
}

export const googleWorkspaceUsersProfile = defineTableProfile({
  name: 'google-workspace-users',
  content: 'access',
  description: 'Google Workspace "Download users" (CSV): status, last sign-in, 2-step verification, org unit',
  defaultSystem: 'Google Workspace',
  fields: FIELDS,
  signature: { all: ['Email Address', 'Org Unit Path', 'Status'], some: ['Last Sign In', '2sv Enrolled'], base: 0.9, max: 0.95 },
  mapRow,
});
