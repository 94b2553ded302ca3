import { csvText } from '../csv-text.js';
import type { CsvRecord } from '../csv-text.js';
import { awsTimestamp } from '../dates.js';
import type { AwsAccessKey, AwsAccount, AwsUser } from '../model.js';

/**
 * The IAM credential report (GetCredentialReport's CSV, LF line ends, no final line break): the
 * root user's row first, then users by name. `N/A` where a credential does not exist,
 * `no_information` for a password never used, `not_supported` on the root row.
 */

export const AWS_CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated',
  'cert_2_active', 'cert_2_last_rotated',
] as const;

type Row = CsvRecord<typeof AWS_CREDENTIAL_REPORT_COLUMNS>;
type KeyColumns = Pick<Row, Extract<keyof Row, `access_key_${string}`>>;

const NA = 'N/A';
const bool = (value: boolean): string => (value ? 'true' : 'false');

export function userArn(accountId: string, user: Pick<AwsUser, 'path' | 'userName'>): string {
  return `arn:aws:iam::${accountId}:user${user.path}${user.userName}`;
}

function keyColumns(keys: readonly AwsAccessKey[]): KeyColumns {
  const [k1, k2] = keys;
  const used = (k: AwsAccessKey | undefined) => ({
    date: k?.lastUsed ? awsTimestamp(k.lastUsed.at) : NA,
    region: k?.lastUsed?.region ?? NA,
    service: k?.lastUsed?.service ?? NA,
  });
  const u1 = used(k1);
  const u2 = used(k2);
  return {
    access_key_1_active: bool(k1?.active ?? false),
    access_key_1_last_rotated: k1 ? awsTimestamp(k1.lastRotated) : NA,
    access_key_1_last_used_date: u1.date,
    access_key_1_last_used_region: u1.region,
    access_key_1_last_used_service: u1.service,
    access_key_2_active: bool(k2?.active ?? false),
    access_key_2_last_rotated: k2 ? awsTimestamp(k2.lastRotated) : NA,
    access_key_2_last_used_date: u2.date,
    access_key_2_last_used_region: u2.region,
    access_key_2_last_used_service: u2.service,
  };
}

const NO_CERTS = { cert_1_active: 'false', cert_1_last_rotated: NA, cert_2_active: 'false', cert_2_last_rotated: NA };

function rootRow(account: AwsAccount): Row {
  return {
    user: '<root_account>',
    arn: `arn:aws:iam::${account.accountId}:root`,
    user_creation_time: awsTimestamp(account.created),
    password_enabled: 'not_supported',
    password_last_used: account.root.passwordLastUsed ? awsTimestamp(account.root.passwordLastUsed) : 'no_information',
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: bool(account.root.mfa),
    ...keyColumns([]),
    ...NO_CERTS,
  };
}

function userRow(accountId: string, user: AwsUser): Row {
  const password = user.password;
  return {
    user: user.userName,
    arn: userArn(accountId, user),
    user_creation_time: awsTimestamp(user.created),
    password_enabled: bool(password !== null),
    password_last_used: password ? (password.lastUsed ? awsTimestamp(password.lastUsed) : 'no_information') : NA,
    password_last_changed: password ? awsTimestamp(password.lastChanged) : NA,
    password_next_rotation: NA,
    mfa_active: bool(user.mfa),
    ...keyColumns(user.keys),
    ...NO_CERTS,
  };
}

export function sortedAwsUsers(account: AwsAccount): AwsUser[] {
  return [...account.users].sort((a, b) => (a.userName < b.userName ? -1 : a.userName > b.userName ? 1 : 0));
}

export function awsCredentialReportCsv(account: AwsAccount): string {
  const rows = [rootRow(account), ...sortedAwsUsers(account).map((u) => userRow(account.accountId, u))];
  return csvText(AWS_CREDENTIAL_REPORT_COLUMNS, rows, { eol: '\n', finalEol: false });
}
