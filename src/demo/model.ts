import type { Office } from './company-data.js';
import type { Employee } from './roster.js';

/**
 * The demo company's systems as data, before they are written out in each vendor's format.
 * Builders in ./systems fill in normal (clean) accounts; ./planted adds the findings on top.
 */

export type SystemId = 'aws' | 'entra' | 'google' | 'ad' | 'erp' | 'bank';

// ---- AWS IAM ----------------------------------------------------------------------------------

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface AwsAccessKey {
  active: boolean;
  lastRotated: Date;
  lastUsed: { at: Date; region: string; service: string } | null;
}

export interface AwsUser {
  userName: string;
  userId: string;
  path: string;
  /** The HR identity behind the user (not in the export: correlation is by name). */
  employeeId: string | null;
  created: Date;
  /** Console password; null when the user has none. */
  password: { lastUsed: Date | null; lastChanged: Date } | null;
  mfa: boolean;
  keys: AwsAccessKey[];
  groups: string[];
  /** Managed policy names (see AWS_POLICIES) attached to the user directly. */
  attachedPolicies: string[];
  inlinePolicies: { name: string; document: PolicyDocument }[];
}

export interface AwsAccount {
  accountId: string;
  created: Date;
  root: { passwordLastUsed: Date | null; mfa: boolean };
  users: AwsUser[];
}

// ---- Microsoft Entra ID -----------------------------------------------------------------------

export interface EntraUser {
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  objectId: string;
  userType: 'Member' | 'Guest';
  jobTitle: string;
  department: string;
  accountEnabled: boolean;
  office: Office | null;
  telephoneNumber: string;
  employeeId: string | null;
}

// ---- Google Workspace -------------------------------------------------------------------------

export interface GoogleUser {
  firstName: string;
  lastName: string;
  email: string;
  orgUnitPath: string;
  status: 'Active' | 'Suspended';
  lastSignIn: Date | null;
  employeeId: string;
  employeeType: string;
  title: string;
  managerEmail: string;
  department: string;
  costCenter: string;
  twoSvEnrolled: boolean;
  twoSvEnforced: boolean;
  office: Office | null;
  workPhone: string;
  emailUsageMb: number;
  driveUsageMb: number;
}

// ---- Active Directory -------------------------------------------------------------------------

export const UAC_NORMAL_ACCOUNT = 512;
export const UAC_ACCOUNTDISABLE = 2;
export const UAC_DONT_EXPIRE_PASSWORD = 65536;

export interface AdUser {
  cn: string;
  /** The DN below the CN, without the domain base: e.g. "OU=Finance,OU=Staff". */
  container: string;
  sAMAccountName: string;
  userPrincipalName: string;
  givenName: string;
  sn: string;
  displayName: string;
  mail: string | null;
  employeeId: string | null;
  title: string;
  department: string;
  /** sAMAccountName of the manager's account. */
  manager: string | null;
  /** Group names (see AdGroup.name). */
  memberOf: string[];
  userAccountControl: number;
  lastLogon: Date | null;
  created: Date;
}

export interface AdGroup {
  name: string;
  container: string;
  description: string;
}

export interface ActiveDirectory {
  baseDn: string;
  users: AdUser[];
  groups: AdGroup[];
}

// ---- Generic grants spreadsheets (ERP, bank portal) -------------------------------------------

export interface GrantAccount {
  account: string;
  email: string;
  displayName: string;
  employeeId: string | null;
  accountType: 'User' | 'Service' | 'Shared';
  status: 'Active' | 'Disabled';
  lastLogin: Date | null;
  entitlements: string[];
}

export interface GrantSystem {
  id: 'erp' | 'bank';
  entitlementType: string;
  /** Entitlements the export marks Privileged = Yes. */
  privileged: readonly string[];
  /** Whether the export fills the Employee ID column (the bank portal does not know it). */
  exportsEmployeeId: boolean;
  accounts: GrantAccount[];
}

// ---- Everything -------------------------------------------------------------------------------

export interface Estate {
  seed: number;
  asOf: Date;
  employees: Employee[];
  aws: AwsAccount;
  entra: EntraUser[];
  google: GoogleUser[];
  ad: ActiveDirectory;
  erp: GrantSystem;
  bank: GrantSystem;
}
