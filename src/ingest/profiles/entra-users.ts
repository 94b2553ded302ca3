import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, requireValue } from './table/record-parts.js';
import { ACCOUNT_TYPE } from './table/vocabulary.js';

/**
 * Microsoft Entra ID "Download users". Keyed by objectId (the UPN when there is none). No sign-in,
 * MFA or manager data in this export. Guests (userType Guest, or #EXT# in the UPN) are external.
 */

const FIELDS = [
  required('userPrincipalName', 'User Principal Name', 'UPN'),
  optional('objectId', 'Object ID', 'id'),
  optional('displayName', 'Display Name'),
  optional('givenName', 'First Name'),
  optional('surname', 'Last Name'),
  optional('mail', 'Email'),
  optional('userType', 'User Type'),
  optional('jobTitle', 'Job Title'),
  optional('department'),
  optional('accountEnabled', 'Account Enabled'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const login = requireValue(row, 'userPrincipalName');
  const userType = row.get('userType');
  const guest = login.toUpperCase().includes('#EXT#');
  const enabled = row.bool('accountEnabled');
  sink.account(
    compact({
      key: row.get('objectId') ?? login,
      login,
      email: row.get('mail'),
      displayName: row.get('displayName'),
      status: enabled === false ? ('disabled' as const) : ('enabled' as const),
      accountType: guest ? ('external' as const) : userType === undefined ? undefined : ACCOUNT_TYPE.lookup(userType),
      attributes: attributesOf({ userType, jobTitle: row.get('jobTitle'), department: row.get('department') }),
    }),
  );
}

export const entraUsersProfile = defineTableProfile({
  name: 'entra-users',
  content: 'access',
  description: 'Microsoft Entra ID "Download users" (CSV): members and guests, enabled or not',
  defaultSystem: 'Entra ID',
  fields: FIELDS,
  signature: { all: ['userPrincipalName', 'objectId', 'accountEnabled'], some: ['userType', 'mail', 'displayName'], base: 0.9, max: 0.95 },
  mapRow,
});
