import type Database from 'better-sqlite3-multiple-ciphers';
import { comparedColumns, fieldChanges, type ComparedField, type FieldChange } from './field-changes.js';

export interface AccountEntry {
  account: string;
  login: string;
  email: string | null;
  displayName: string | null;
  status: string;
  accountType: string;
  privileged: boolean;
}

export interface AccountChange {
  account: string;
  login: string;
  changes: FieldChange[];
}

export interface EntitlementEntry {
  entitlement: string;
  name: string;
  privileged: boolean;
}

export interface AccountDiff {
  accounts: { added: AccountEntry[]; removed: AccountEntry[]; changed: AccountChange[] };
  entitlements: { added: EntitlementEntry[]; removed: EntitlementEntry[] };
}

/** The account fields a diff reports when they change, in this order. */
export const ACCOUNT_FIELDS: readonly ComparedField[] = [
  { field: 'status', column: 'status' },
  { field: 'privileged', column: 'privileged', flag: true },
  { field: 'mfa', column: 'mfa', flag: true },
  { field: 'accountType', column: 'account_type' },
  { field: 'email', column: 'email' },
  { field: 'displayName', column: 'display_name' },
  { field: 'lastLogin', column: 'last_login' },
];

function accountsOnlyIn(db: Database.Database, present: number, absent: number): AccountEntry[] {
  const rows = db
    .prepare(
      `SELECT p.account_key AS account, p.login, p.email, p.display_name AS displayName, p.status, p.account_type AS accountType, p.privileged
       FROM accounts p WHERE p.snapshot_id = ?
         AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.snapshot_id = ? AND a.account_key = p.account_key)
       ORDER BY p.account_key`,
    )
    .all(present, absent) as (Omit<AccountEntry, 'privileged'> & { privileged: number })[];
  return rows.map((r) => ({ ...r, privileged: r.privileged === 1 }));
}

function entitlementsOnlyIn(db: Database.Database, present: number, absent: number): EntitlementEntry[] {
  const rows = db
    .prepare(
      `SELECT p.entitlement_key AS entitlement, p.name, p.privileged
       FROM entitlements p WHERE p.snapshot_id = ?
         AND NOT EXISTS (SELECT 1 FROM entitlements a WHERE a.snapshot_id = ? AND a.entitlement_key = p.entitlement_key)
       ORDER BY p.entitlement_key`,
    )
    .all(present, absent) as (Omit<EntitlementEntry, 'privileged'> & { privileged: number })[];
  return rows.map((r) => ({ ...r, privileged: r.privileged === 1 }));
}

function changedAccounts(db: Database.Database, from: number, to: number): AccountChange[] {
  const { select, differs } = comparedColumns(ACCOUNT_FIELDS);
  const rows = db
    .prepare(
      `SELECT n.account_key AS account, n.login, ${select}
       FROM accounts n JOIN accounts o ON o.snapshot_id = ? AND o.account_key = n.account_key
       WHERE n.snapshot_id = ? AND (${differs})
       ORDER BY n.account_key`,
    )
    .all(from, to) as (Record<string, unknown> & { account: string; login: string })[];
  return rows.map((r) => ({ account: r.account, login: r.login, changes: fieldChanges(r, ACCOUNT_FIELDS) }));
}

/** Accounts added, removed and changed (keyed by account key), entitlements added and removed (by entitlement key). */
export function diffAccounts(db: Database.Database, from: number, to: number): AccountDiff {
  return {
    accounts: { added: accountsOnlyIn(db, to, from), removed: accountsOnlyIn(db, from, to), changed: changedAccounts(db, from, to) },
    entitlements: { added: entitlementsOnlyIn(db, to, from), removed: entitlementsOnlyIn(db, from, to) },
  };
}
