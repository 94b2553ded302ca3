import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, dayOf, emailOrUndefined, requireValue } from './table/record-parts.js';
import { readWord, vocabulary } from './table/vocabulary.js';

/**
 * Okta's Password Health report. Keyed by Login (Okta logins are e-mail addresses, so the login
 * is the e-mail too when it looks like one). A locked-out or expired password still leaves the
 * account in place: only deprovisioned (deactivated) and suspended users are disabled. No
 * entitlements in this report.
 */

const OKTA_STATUS = vocabulary({
  enabled: ['active', 'password expired', 'password reset', 'recovery', 'locked out', 'provisioned', 'pending user action', 'staged'],
  disabled: ['deprovisioned', 'deactivated', 'suspended'],
});

const FIELDS = [
  required('Login', 'Username'),
  optional('User', 'Name', 'Display Name'),
  optional('Status'),
  optional('Activation date', 'Activated'),
  optional('Authentication Source'),
  optional('Last Login'),
  optional('Last Password Change'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const login = requireValue(row, 'Login');
  const status = readWord(row, 'Status', OKTA_STATUS) ?? 'enabled';
  const passwordChanged = row.date('Last Password Change');
  sink.account(
    compact({
      key: login,
      login,
      email: emailOrUndefined(login),
      displayName: row.get('User'),
      status,
      createdOn: dayOf(row.date('Activation date')),
      lastLogin: row.date('Last Login'),
      attributes: attributesOf({
        oktaStatus: row.get('Status'),
        authenticationSource: row.get('Authentication Source'),
        passwordChanged: passwordChanged ?? undefined,
      }),
    }),
  );
}

export const oktaPasswordHealthProfile = defineTableProfile({
  name: 'okta-password-health',
  content: 'access',
  description: 'Okta Password Health report (CSV): users, status, last login, password age',
  defaultSystem: 'Okta',
  fields: FIELDS,
  signature: { all: ['Login', 'Authentication Source', 'Last Password Change'], some: ['User', 'Status', 'Activation date', 'Last Login'], base: 0.9, max: 0.95 },
  mapRow,
});
