import type { MappedRow } from '../profile.js';
import type { EntitlementRecord, RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, grantAll, requireValue } from './table/record-parts.js';
import { readWord, vocabulary } from './table/vocabulary.js';

/**
 * A GitHub organisation's members export (no documented header: this is the preset). Keyed by
 * login; the organisation role is the entitlement (`org:owner` is privileged).
 */

const ORG_ROLE = vocabulary({
  owner: ['admin', 'administrator', 'organization owner', 'org owner'],
  member: ['direct member', 'organization member', 'org member'],
  billing_manager: ['billing manager'],
  outside_collaborator: ['outside collaborator', 'collaborator'],
});

const FIELDS = [
  required('login', 'Username', 'GitHub Login'),
  optional('name', 'Display Name', 'Full Name'),
  optional('email', 'Email Address', 'Verified Domain Emails'),
  optional('2fa_enabled', 'two_factor_authentication', 'Two Factor Enabled', '2FA'),
  optional('role', 'Org Role', 'Organization Role'),
  optional('saml_name_id', 'SAML NameID', 'SAML Name ID', 'saml_identity'),
  optional('last_active', 'Last Activity', 'Last Active At'),
  optional('membership', 'Visibility', 'Membership Visibility'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const login = requireValue(row, 'login');
  const role = readWord(row, 'role', ORG_ROLE);
  const entitlements: EntitlementRecord[] = role ? [{ key: `org:${role}`, name: `org:${role}`, type: 'org-role', privileged: role === 'owner' }] : [];
  sink.account(
    compact({
      key: login,
      login,
      email: row.get('email'),
      displayName: row.get('name'),
      status: 'enabled' as const,
      accountType: role === 'outside_collaborator' ? ('external' as const) : undefined,
      privileged: role === 'owner' ? true : undefined,
      mfa: row.bool('2fa_enabled'),
      lastLogin: row.date('last_active'),
      attributes: attributesOf({ samlNameId: row.get('saml_name_id'), membership: row.get('membership') }),
    }),
  );
  grantAll(sink, login, entitlements);
}

export const githubMembersProfile = defineTableProfile({
  name: 'github-members',
  content: 'access',
  description: 'GitHub organisation members export: login, role (owner/member), 2FA, SAML identity, last activity',
  defaultSystem: 'GitHub',
  fields: FIELDS,
  signature: { all: ['login', 'role', '2fa_enabled'], some: ['name', 'email', 'saml_name_id', 'last_active'], base: 0.9, max: 0.95 },
  mapRow,
});
