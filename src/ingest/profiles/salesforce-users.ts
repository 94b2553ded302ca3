import type { MappedRow } from '../profile.js';
import type { EntitlementRecord, RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, dayOf, grantAll, joinName, requireValue } from './table/record-parts.js';
import { vocabulary } from './table/vocabulary.js';

/**
 * Salesforce `User` records (a report or Data Loader export). Keyed by Id, so that permission-set
 * assignments (salesforce-permission-sets) imported in the same snapshot land on the same
 * accounts. The profile and the role are entitlements, by id: the export carries no names.
 */

/** Salesforce UserType values: Standard users are people of the org; portal and community users are outside it. */
const USER_TYPE = vocabulary({
  human: ['standard'],
  external: ['powerpartner', 'powercustomersuccess', 'customersuccess', 'cspliteportal', 'csnonly', 'selfservice', 'guest'],
  service: ['automatedprocess'],
});

const FIELDS = [
  required('Id', 'User ID'),
  optional('Username', 'User Name'),
  optional('Alias'),
  optional('Email'),
  optional('FirstName', 'First Name'),
  optional('LastName', 'Last Name'),
  optional('IsActive', 'Active'),
  optional('ProfileId', 'Profile ID'),
  optional('UserRoleId', 'Role ID'),
  optional('Department'),
  optional('Division'),
  optional('CreatedDate', 'Created Date'),
  optional('LastLoginDate', 'Last Login'),
  optional('UserType', 'User Type'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const key = requireValue(row, 'Id');
  const userType = row.get('UserType');
  const profileId = row.get('ProfileId');
  const roleId = row.get('UserRoleId');
  const entitlements: EntitlementRecord[] = [
    ...(profileId ? [{ key: `profile:${profileId}`, name: `profile:${profileId}`, type: 'profile' }] : []),
    ...(roleId ? [{ key: `role:${roleId}`, name: `role:${roleId}`, type: 'role' }] : []),
  ];
  sink.account(
    compact({
      key,
      login: row.get('Username') ?? key,
      email: row.get('Email'),
      displayName: joinName(row.get('FirstName'), row.get('LastName')),
      status: row.bool('IsActive') === false ? ('disabled' as const) : ('enabled' as const),
      accountType: userType === undefined ? undefined : USER_TYPE.lookup(userType),
      createdOn: dayOf(row.date('CreatedDate')),
      lastLogin: row.date('LastLoginDate'),
      attributes: attributesOf({ alias: row.get('Alias'), userType, department: row.get('Department'), division: row.get('Division') }),
    }),
  );
  grantAll(sink, key, entitlements);
}

export const salesforceUsersProfile = defineTableProfile({
  name: 'salesforce-users',
  content: 'access',
  description: 'Salesforce User export: users, active flag, last login, profile and role',
  defaultSystem: 'Salesforce',
  fields: FIELDS,
  signature: { all: ['Id', 'Username', 'ProfileId'], some: ['IsActive', 'UserRoleId', 'UserType', 'LastLoginDate', 'Alias'], base: 0.9, max: 0.95 },
  mapRow,
});
