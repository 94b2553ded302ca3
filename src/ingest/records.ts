/**
 * The model a profile maps a file onto: identities (an HR roster), or accounts, entitlements and
 * grants (a system). Keys are what identify a record within one snapshot; values are trimmed,
 * dates are ISO 8601 (YYYY-MM-DD, or a full UTC timestamp for logins), and absent means unknown.
 */

export type IdentityStatus = 'active' | 'leave' | 'terminated';
export type AccountStatus = 'enabled' | 'disabled';
export type AccountType = 'human' | 'service' | 'shared' | 'external';

export interface IdentityRecord {
  employeeId: string;
  firstName?: string | null;
  lastName?: string | null;
  displayName?: string | null;
  email?: string | null;
  managerEmployeeId?: string | null;
  managerEmail?: string | null;
  department?: string | null;
  title?: string | null;
  location?: string | null;
  employmentType?: string | null;
  status: IdentityStatus;
  hireDate?: string | null;
  terminationDate?: string | null;
}

export interface AccountRecord {
  /** Unique within the snapshot: the system's own id for the account (login, ARN, DN, UPN…). */
  key: string;
  /** What people call the account (sAMAccountName, user name, login). */
  login: string;
  email?: string | null;
  displayName?: string | null;
  employeeId?: string | null;
  status: AccountStatus;
  accountType?: AccountType;
  privileged?: boolean;
  /** null: the source says nothing about MFA. */
  mfa?: boolean | null;
  createdOn?: string | null;
  /** The latest sign-in the source knows of (ISO timestamp or date); null: never or unknown. */
  lastLogin?: string | null;
  /** Source fields worth keeping that the model has no column for (ARN, OU, userType…). */
  attributes?: Readonly<Record<string, string>>;
}

export interface EntitlementRecord {
  /** Unique within the snapshot (a group DN, a policy ARN, a role name). */
  key: string;
  name: string;
  /** role, group, policy, permission-set, license… */
  type?: string;
  description?: string | null;
  privileged?: boolean;
}

/**
 * Where a profile puts what it reads. Records with the same key are merged (later non-null
 * values fill gaps; conflicts are noted, not doubled); an identical grant twice is one grant and
 * is reported as a duplicate. `reject` rejects the row or entry being mapped, with a reason.
 * A profile may hand the same frozen record object again for rows that repeat it (built from
 * copied strings, not slices of the file): the sink then does not merge it again.
 */
export interface RecordSink {
  identity(record: IdentityRecord): void;
  account(record: AccountRecord): void;
  entitlement(record: EntitlementRecord): void;
  grant(accountKey: string, entitlementKey: string, via?: string | null): void;
  reject(reason: string): void;
  /** The file states the date its data is as of (e.g. a report generation time). */
  asOf(date: string): void;
}
