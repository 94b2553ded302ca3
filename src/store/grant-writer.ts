import type Database from 'better-sqlite3-multiple-ciphers';

/** One grant as integer ids: which account holds which entitlement, and through what (a group) if not directly. */
export type GrantRow = readonly [accountId: number, entitlementId: number, via: string | null];

/**
 * Appends a snapshot's grants. Run it inside the import's transaction; rows arrive in any order
 * and are written with one prepared statement (the bulk path the benchmark measures).
 */
export function writeGrants(db: Database.Database, snapshotId: number, grants: Iterable<GrantRow>): number {
  const insert = db.prepare('INSERT INTO grants (snapshot_id, account_id, entitlement_id, via) VALUES (?, ?, ?, ?)');
  let written = 0;
  for (const [accountId, entitlementId, via] of grants) {
    insert.run(snapshotId, accountId, entitlementId, via);
    written += 1;
  }
  return written;
}
