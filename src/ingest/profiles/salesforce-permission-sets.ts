import { RowRejected } from '../profile.js';
import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { grantAll, requireValue } from './table/record-parts.js';

/**
 * Salesforce `PermissionSetAssignment` records: AssigneeId holds a permission set, or a permission
 * set group when PermissionSetGroupId is set. Meant to be imported with salesforce-users in one
 * snapshot, where accounts merge by Id. Only grants are emitted: the sink makes a minimal account
 * (Id as login, enabled) for a key it does not know, and an account record from this file would
 * contradict the user file's login and status on every merge. Revoked and inactive assignments are
 * rejected with their reason, so they are counted, not granted.
 */

const FIELDS = [
  optional('Id'),
  required('AssigneeId', 'Assignee ID'),
  required('PermissionSetId', 'Permission Set ID'),
  optional('PermissionSetGroupId', 'Permission Set Group ID'),
  optional('ExpirationDate', 'Expiration Date'),
  optional('IsActive', 'Active'),
  optional('IsRevoked', 'Revoked'),
  optional('SystemModstamp'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const assignee = requireValue(row, 'AssigneeId');
  if (row.bool('IsRevoked') === true) throw new RowRejected('IsRevoked is true: the assignment was revoked');
  if (row.bool('IsActive') === false) throw new RowRejected('IsActive is false: the assignment is not active');
  const group = row.get('PermissionSetGroupId');
  const key = group ? `permsetgroup:${group}` : `permset:${requireValue(row, 'PermissionSetId')}`;
  grantAll(sink, assignee, [{ key, name: key, type: group ? 'permission-set-group' : 'permission-set' }]);
}

export const salesforcePermissionSetsProfile = defineTableProfile({
  name: 'salesforce-permission-sets',
  content: 'access',
  description: 'Salesforce PermissionSetAssignment export: permission sets and groups per user (import with salesforce-users)',
  defaultSystem: 'Salesforce',
  fields: FIELDS,
  signature: { all: ['AssigneeId', 'PermissionSetId'], some: ['PermissionSetGroupId', 'IsRevoked', 'IsActive'], base: 0.9, max: 0.95 },
  mapRow,
});
