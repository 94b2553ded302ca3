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
  /** Per owner index: the identity row id, or 0 when the owner is an account standing for itself. */
  ownerIdentity: number[];
  /** Per owner index: the (first) account id, for an account that stands for itself. */
  ownerAccount: number[];
}

/**
 * Calls `visit(account id, enabled, identity row id or 0)` per account of the picture. Read as one
 * integer per account (.pluck() is several times faster than rows): (id × 2 + enabled) × (largest
 * identity id + 1) + identity id; as rows when ids are too large to pack exactly.
 */
function forEachAccount(db: Database.Database, picture: CurrentPicture, visit: (id: number, enabled: boolean, identity: number) => void): void {
  const params = { ids: JSON.stringify(picture.access.map((s) => s.id)), hr: picture.hr?.id ?? null };
  const from = 'FROM accounts a WHERE a.snapshot_id IN (SELECT value FROM json_each(@ids))';
  const maxIdentity = (db.prepare('SELECT ifnull(max(id), 0) FROM identities').pluck().get() as number) + 1;
  const maxAccount = db.prepare('SELECT ifnull(max(id), 0) FROM accounts').pluck().get() as number;
  if ((maxAccount * 2 + 2) * maxIdentity < Number.MAX_SAFE_INTEGER) {
    const packed = db.prepare(`SELECT (a.id * 2 + (a.status = 'enabled')) * @m + ifnull(${IDENTITY_OF_ACCOUNT}, 0) ${from}`).pluck().all({ ...params, m: maxIdentity }) as number[];
    for (const v of packed) {
      const high = Math.floor(v / maxIdentity);
      visit(Math.floor(high / 2), high % 2 === 1, v - high * maxIdentity);
    }
    return;
  }
  const rows = db.prepare(`SELECT a.id, a.status = 'enabled', ifnull(${IDENTITY_OF_ACCOUNT}, 0) ${from}`).raw().all(params) as [number, number, number][];
  for (const [id, enabled, identity] of rows) visit(id, enabled === 1, identity);
}

/**
 * Owners of the enabled accounts in the picture's access snapshots. Disabled accounts take no part
 * in SoD: they cannot exercise their access (docs/sod.md).
 */
export function accountOwners(db: Database.Database, picture: CurrentPicture): AccountOwners {
  const ids: number[] = [];
  const identities: number[] = [];
  let base = Number.MAX_SAFE_INTEGER;
  let top = 0;
  forEachAccount(db, picture, (id, enabled, identity) => {
    if (id < base) base = id;
    if (id > top) top = id;
    if (!enabled) return;
    ids.push(id);
    identities.push(identity);
  });
  if (top === 0) base = 0;
  const ownerOf = new Int32Array(top - base + 1).fill(-1);
  const ownerIdentity: number[] = [];
  const ownerAccount: number[] = [];
  // Owners are numbered in first-seen order: one per identity, one per account standing for itself.
  const byIdentity = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const identity = identities[i]!;
    let owner = identity === 0 ? undefined : byIdentity.get(identity);
    if (owner === undefined) {
      owner = ownerIdentity.length;
      ownerIdentity.push(identity);
      ownerAccount.push(id);
      if (identity !== 0) byIdentity.set(identity, owner);
    }
    ownerOf[id - base] = owner;
  }
  return { base, ownerOf, ownerIdentity, ownerAccount };
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
