import type { MappedRow } from '../profile.js';
import type { AccountType, RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, dayOf, emailOrUndefined, grantAll, listedEntitlements, requireValue } from './table/record-parts.js';
import { ACCOUNT_STATUS, readWord, vocabulary } from './table/vocabulary.js';

/**
 * Vanta's access file: one row per account of an application, its owner (an e-mail, or one of
 * Vanta's phrases), its roles (comma-separated) and status. Keyed by account name.
 */

/** Vanta's owner phrases; "No owner" says nothing of the kind of account. */
const OWNER_PHRASE = vocabulary<Extract<AccountType, 'external' | 'service'> | 'none'>({
  external: ['external user'],
  service: ['not a person'],
  none: ['no owner'],
});

const FIELDS = [
  required('Account name', 'Account'),
  optional('Account owner', 'Owner'),
  optional('Role', 'Roles'),
  optional('Status'),
  optional('Access Appropriate'),
  optional('Date created', 'Created'),
  optional('Date deactivated', 'Deactivated'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const key = requireValue(row, 'Account name');
  const owner = row.get('Account owner');
  const phrase = owner === undefined ? undefined : OWNER_PHRASE.lookup(owner);
  const deactivated = row.date('Date deactivated');
  sink.account(
    compact({
      key,
      login: key,
      email: emailOrUndefined(owner),
      status: readWord(row, 'Status', ACCOUNT_STATUS) ?? 'enabled',
      accountType: phrase === 'none' ? undefined : phrase,
      createdOn: dayOf(row.date('Date created')),
      attributes: attributesOf({
        accountOwner: owner,
        accessAppropriate: row.get('Access Appropriate'),
        deactivatedOn: dayOf(deactivated) ?? undefined,
      }),
    }),
  );
  grantAll(sink, key, listedEntitlements(row.get('Role'), 'role'));
}

export const vantaAccessProfile = defineTableProfile({
  name: 'vanta-access',
  content: 'access',
  description: 'Vanta access file: accounts of an application with owner, roles and status',
  fields: FIELDS,
  signature: { all: ['Account name', 'Account owner'], some: ['Role', 'Status', 'Date created'], base: 0.9, max: 0.95 },
  mapRow,
});
