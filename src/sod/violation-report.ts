import type Database from 'better-sqlite3-multiple-ciphers';
import { accountOwnerKey, identityOwnerKey, type AccountOwners } from './account-owners.js';
import type { SideEvidence } from './evaluate-sod.js';

/** Who a violation belongs to, as the user sees it. */
export interface OwnerRef {
  /** 'identity:<employee id>' or 'account:<system id>:<account key>'. */
  key: string;
  /** The HR employee id, or null for an account that stands for itself. */
  identity: string | null;
  name: string;
}

export interface EvidenceRow {
  side: string;
  system: string;
  account: string;
  entitlement: string | null;
  finding: string | null;
  snapshotId: number;
  asOf: string;
}

function byIds<T>(db: Database.Database, sql: string, ids: Iterable<number>): Map<number, T> {
  const rows = db.prepare(sql).all(JSON.stringify([...new Set(ids)])) as (T & { id: number })[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Owner references for owner indices of an evaluation. */
export function describeOwners(db: Database.Database, owners: AccountOwners, indices: Iterable<number>): Map<number, OwnerRef> {
  const list = [...new Set(indices)];
  const identities = byIds<{ employee_id: string; display_name: string | null; email: string | null }>(
    db,
    'SELECT id, employee_id, display_name, email FROM identities WHERE id IN (SELECT value FROM json_each(?))',
    list.map((o) => owners.ownerIdentity[o]!).filter((id) => id !== 0),
  );
  const accounts = byIds<{ account_key: string; login: string; system_id: number; system: string }>(
    db,
    'SELECT a.id, a.account_key, a.login, s.system_id, sy.name AS system FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id JOIN systems sy ON sy.id = s.system_id WHERE a.id IN (SELECT value FROM json_each(?))',
    list.filter((o) => owners.ownerIdentity[o] === 0).map((o) => owners.ownerAccount[o]!),
  );
  const refs = new Map<number, OwnerRef>();
  for (const o of list) {
    const identity = identities.get(owners.ownerIdentity[o]!);
    if (identity) {
      refs.set(o, { key: identityOwnerKey(identity.employee_id), identity: identity.employee_id, name: identity.display_name ?? identity.email ?? identity.employee_id });
      continue;
    }
    const account = accounts.get(owners.ownerAccount[o]!);
    if (account) refs.set(o, { key: accountOwnerKey(account.system_id, account.account_key), identity: null, name: `${account.system}:${account.login}` });
  }
  return refs;
}

/** System, account and entitlement names for evidence, resolved in two queries. */
export function describeEvidence(db: Database.Database, evidence: readonly SideEvidence[]): EvidenceRow[] {
  const accounts = byIds<{ login: string; system: string; as_of: string }>(
    db,
    'SELECT a.id, a.login, sy.name AS system, s.as_of FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id JOIN systems sy ON sy.id = s.system_id WHERE a.id IN (SELECT value FROM json_each(?))',
    evidence.map((e) => e.accountId),
  );
  const entitlements = byIds<{ name: string }>(
    db,
    'SELECT id, name FROM entitlements WHERE id IN (SELECT value FROM json_each(?))',
    evidence.flatMap((e) => (e.entitlementId === null ? [] : [e.entitlementId])),
  );
  return evidence.map((e) => {
    const account = accounts.get(e.accountId);
    return {
      side: e.side,
      system: account?.system ?? '',
      account: account?.login ?? '',
      entitlement: e.entitlementId === null ? null : (entitlements.get(e.entitlementId)?.name ?? null),
      finding: e.finding,
      snapshotId: e.snapshotId,
      asOf: account?.as_of ?? '',
    };
  });
}
