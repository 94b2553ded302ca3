import type Database from 'better-sqlite3-multiple-ciphers';
import { createScopeTable } from '../identity/analysis-scope.js';
import { correlateAccounts } from '../identity/correlate-accounts.js';
import type { CurrentPicture } from './current-picture.js';

/**
 * Who an account belongs to, for SoD: THE one place that decides it. An account belongs to the
 * identity the analysis correlates it to (src/identity/correlate-accounts.ts: a person's link or
 * unlink, employee id, e-mail and aliases, login) in the picture's HR snapshot, when it is a
 * person's account; service and shared accounts, ambiguous matches and accounts no rule links
 * stand for themselves. The correlation lands in `temp.correlation`.
 */
export function correlatePicture(db: Database.Database, picture: CurrentPicture): void {
  createScopeTable(db);
  const insert = db.prepare("INSERT INTO temp.scope_snapshots (snapshot_id, system_id, system, day, has_activity) VALUES (?, ?, ?, substr(?, 1, 10), 0)");
  for (const s of picture.access) insert.run(s.id, s.systemId, s.system, s.asOf);
  if (picture.hr) {
    correlateAccounts(db, picture.hr.id);
    return;
  }
  db.exec(`DROP TABLE IF EXISTS temp.correlation;
    CREATE TEMP TABLE correlation (account_id INTEGER PRIMARY KEY, identity_id INTEGER, rule TEXT, category TEXT NOT NULL);
    INSERT INTO temp.correlation SELECT a.id, NULL, NULL, 'person' FROM temp.scope_snapshots s JOIN accounts a ON a.snapshot_id = s.snapshot_id;`);
}

/** The identity row an account of the picture belongs to, or 0 (SQL over `a` and `temp.correlation` `c`). */
const IDENTITY_OF_ACCOUNT = "ifnull(CASE WHEN c.category = 'person' THEN c.identity_id END, 0)";

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
  correlatePicture(db, picture);
  const from = 'FROM temp.correlation c JOIN accounts a ON a.id = c.account_id';
  const maxIdentity = (db.prepare('SELECT ifnull(max(id), 0) FROM identities').pluck().get() as number) + 1;
  const maxAccount = db.prepare('SELECT ifnull(max(id), 0) FROM accounts').pluck().get() as number;
  if ((maxAccount * 2 + 2) * maxIdentity < Number.MAX_SAFE_INTEGER) {
    const packed = db.prepare(`SELECT (a.id * 2 + (a.status = 'enabled')) * @m + ${IDENTITY_OF_ACCOUNT} ${from}`).pluck().all({ m: maxIdentity }) as number[];
    for (const v of packed) {
      const high = Math.floor(v / maxIdentity);
      visit(Math.floor(high / 2), high % 2 === 1, v - high * maxIdentity);
    }
    return;
  }
  const rows = db.prepare(`SELECT a.id, a.status = 'enabled', ${IDENTITY_OF_ACCOUNT} ${from}`).raw().all() as [number, number, number][];
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
  correlatePicture(db, picture);
  const row = db
    .prepare(
      `SELECT a.account_key AS accountKey, s.system_id AS systemId,
              (SELECT employee_id FROM identities WHERE id = (SELECT ${IDENTITY_OF_ACCOUNT} FROM temp.correlation c WHERE c.account_id = a.id)) AS employeeId
       FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE a.id = ?`,
    )
    .get(accountId) as { accountKey: string; systemId: number; employeeId: string | null };
  return row.employeeId !== null ? identityOwnerKey(row.employeeId) : accountOwnerKey(row.systemId, row.accountKey);
}

export function identityOwnerKey(employeeId: string): string {
  return `identity:${employeeId}`;
}

export function accountOwnerKey(systemId: number, accountKey: string): string {
  return `account:${systemId}:${accountKey}`;
}
