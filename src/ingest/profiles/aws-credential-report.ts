import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { attributesOf, compact, dayOf, latestOf, requireValue } from './table/record-parts.js';

/**
 * The IAM credential report: one row per IAM user plus the root user (`<root_account>`). Accounts
 * are keyed by ARN. IAM users cannot be disabled, only stripped of credentials, so every account is
 * enabled and the credential flags are kept as attributes. N/A, no_information and not_supported
 * read as "no date".
 */

const ROOT_USER = '<root_account>';

const FIELDS = [
  required('user'),
  required('arn'),
  ...[
    'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation',
    'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date',
    'access_key_1_last_used_region', 'access_key_1_last_used_service', 'access_key_2_active', 'access_key_2_last_rotated',
    'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active',
    'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
  ].map((name) => optional(name)),
];

/** The IAM path of a user ARN (`arn:aws:iam::123456789012:user/service/ci` → `/service/`). */
function iamPath(arn: string): string | undefined {
  const m = /:user(\/(?:.*\/)?)[^/]+$/.exec(arn);
  return m?.[1];
}

function mapRow(row: MappedRow, sink: RecordSink): void {
  const login = requireValue(row, 'user');
  const key = requireValue(row, 'arn');
  const root = login === ROOT_USER;
  const mfaActive = row.bool('mfa_active');
  const lastLogin = latestOf([row.date('password_last_used'), row.date('access_key_1_last_used_date'), row.date('access_key_2_last_used_date')]);
  sink.account(
    compact({
      key,
      login,
      status: 'enabled' as const,
      // The root user is a person's sign-in with every permission, whatever the policies say.
      accountType: root ? ('human' as const) : undefined,
      privileged: root ? true : undefined,
      // mfa_active protects the console password only: a user without one has no sign-in for MFA
      // to protect, so its "false" means "not applicable" (null), not "MFA off".
      mfa: row.get('password_enabled') === 'false' ? null : mfaActive,
      createdOn: dayOf(row.date('user_creation_time')),
      lastLogin,
      attributes: attributesOf({
        root: root ? 'true' : undefined,
        path: iamPath(key),
        passwordEnabled: row.get('password_enabled'),
        accessKey1Active: row.get('access_key_1_active'),
        accessKey2Active: row.get('access_key_2_active'),
      }),
    }),
  );
}

export const awsCredentialReportProfile = defineTableProfile({
  name: 'aws-credential-report',
  content: 'access',
  description: 'AWS IAM credential report (CSV): users, root, MFA, password and access-key use',
  defaultSystem: 'AWS',
  fields: FIELDS,
  signature: { all: ['user', 'arn', 'mfa_active', 'password_last_used'], base: 0.95 },
  mapRow,
});
