import type Database from 'better-sqlite3-multiple-ciphers';
import type { CurrentPicture } from './current-picture.js';

/**
 * Who an account belongs to, for SoD: THE one place that decides it, to be swapped for the real
 * correlation (src/identity/) when it lands. Until then an account belongs to the HR identity of
 * the newest HR snapshot with the same employee id, else the same e-mail key (the lowest identity
 * row when two share an e-mail); any other account stands for itself.
 */
const IDENTITY_OF_ACCOUNT = `COALESCE(
  (SELECT i.id FROM identities i WHERE i.snapshot_id = @hr AND i.employee_id = a.employee_id),
  (SELECT min(i.id) FROM identities i WHERE i.snapshot_id = @hr AND i.email_key = a.email_key))`;

export interface AccountOwners {
  /** Smallest account id covered; `ownerOf[id - base]` is the account's owner index, or -1 (disabled, or not in the picture). */
  base: number;
  ownerOf: Int32Array;
  /** The snapshot each covered account is in (0 if none). */
  snapshotOf: Int32Array;
  /** Per owner index: the identity row id, or 0 when the owner is an account standing for itself. */
  ownerIdentity: number[];
  /** Per owner index: the (first) account id, for an account that stands for itself. */
  ownerAccount: number[];
}

/**
 * Owners of the enabled accounts in the picture's access snapshots. Disabled accounts take no part
 * in SoD: they cannot exercise their access (docs/sod.md).
 */
export function accountOwners(db: Database.Database, picture: CurrentPicture): AccountOwners {
  const ids = picture.access.map((s) => s.id);
  const rows = db
    .prepare(
      `SELECT a.id, a.snapshot_id, a.status = 'enabled', ${IDENTITY_OF_ACCOUNT}
       FROM accounts a WHERE a.snapshot_id IN (SELECT value FROM json_each(@ids))`,
    )
    .raw()
    .all({ ids: JSON.stringify(ids), hr: picture.hr?.id ?? null }) as [number, number, number, number | null][];
  let base = Number.MAX_SAFE_INTEGER;
  let top = 0;
  for (const [id] of rows) {
    if (id < base) base = id;
    if (id > top) top = id;
  }
  if (rows.length === 0) base = top = 0;
  const ownerOf = new Int32Array(top - base + 1).fill(-1);
  const snapshotOf = new Int32Array(top - base + 1);
  const ownerIdentity: number[] = [];
  const ownerAccount: number[] = [];
  const byIdentity = new Map<number, number>();
  for (const [id, snapshot, enabled, identity] of rows) {
    snapshotOf[id - base] = snapshot;
    if (!enabled) continue;
    let owner = identity === null ? undefined : byIdentity.get(identity);
    if (owner === undefined) {
      owner = ownerIdentity.length;
      ownerIdentity.push(identity ?? 0);
      ownerAccount.push(id);
      if (identity !== null) byIdentity.set(identity, owner);
    }
    ownerOf[id - base] = owner;
  }
  return { base, ownerOf, snapshotOf, ownerIdentity, ownerAccount };
}

/** The owner key of one account (how exceptions and mitigations name a violation's owner). */
export function ownerKeyOfAccount(db: Database.Database, picture: CurrentPicture, accountId: number): string {
  const row = db
    .prepare(
      `SELECT a.snapshot_id AS snapshot, a.account_key AS accountKey, s.system_id AS systemId,
              (SELECT employee_id FROM identities WHERE id = ${IDENTITY_OF_ACCOUNT}) AS employeeId
       FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE a.id = @id`,
    )
    .get({ id: accountId, hr: picture.hr?.id ?? null }) as { accountKey: string; systemId: number; employeeId: string | null };
  return row.employeeId !== null ? identityOwnerKey(row.employeeId) : accountOwnerKey(row.systemId, row.accountKey);
}

export function identityOwnerKey(employeeId: string): string {
  return `identity:${employeeId}`;
}

export function accountOwnerKey(systemId: number, accountKey: string): string {
  return `account:${systemId}:${accountKey}`;
}
