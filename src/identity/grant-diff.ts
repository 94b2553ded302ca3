import type Database from 'better-sqlite3-multiple-ciphers';

/** A grant as a diff names it: by keys, since row ids differ from snapshot to snapshot. */
export interface GrantChange {
  account: string;
  entitlement: string;
  via: string | null;
}

export interface GrantDiff {
  added: GrantChange[];
  removed: GrantChange[];
}

/**
 * Grants of snapshot `present` that snapshot `absent` does not hold (same account key and
 * entitlement key). Set-based: the few thousand account and entitlement ids of `present` are
 * mapped to `absent`'s ids once (materialised), then each grant costs one primary-key probe, and
 * only the grants that differ are turned back into keys. CROSS JOIN fixes the join order: left
 * to itself, SQLite scanned every account × entitlement pair (3.6x slower on 1M grants).
 */
const ONLY_IN = `
WITH account_map(present_id, absent_id) AS MATERIALIZED (
  SELECT p.id, a.id FROM accounts p LEFT JOIN accounts a ON a.snapshot_id = @absent AND a.account_key = p.account_key
  WHERE p.snapshot_id = @present),
entitlement_map(present_id, absent_id) AS MATERIALIZED (
  SELECT p.id, a.id FROM entitlements p LEFT JOIN entitlements a ON a.snapshot_id = @absent AND a.entitlement_key = p.entitlement_key
  WHERE p.snapshot_id = @present),
missing(account_id, entitlement_id, via) AS MATERIALIZED (
  SELECT g.account_id, g.entitlement_id, g.via
  FROM account_map am
  CROSS JOIN grants g ON g.snapshot_id = @present AND g.account_id = am.present_id
  CROSS JOIN entitlement_map em ON em.present_id = g.entitlement_id
  WHERE am.absent_id IS NULL OR em.absent_id IS NULL
     OR NOT EXISTS (SELECT 1 FROM grants x WHERE x.snapshot_id = @absent AND x.account_id = am.absent_id AND x.entitlement_id = em.absent_id))
SELECT a.account_key AS account, e.entitlement_key AS entitlement, m.via
FROM missing m JOIN accounts a ON a.id = m.account_id JOIN entitlements e ON e.id = m.entitlement_id
ORDER BY a.account_key, e.entitlement_key`;

export function grantsOnlyIn(db: Database.Database, present: number, absent: number): GrantChange[] {
  return db.prepare(ONLY_IN).all({ present, absent }) as GrantChange[];
}

/**
 * Grants added (in `to`, not in `from`) and removed (in `from`, not in `to`) between two access
 * snapshots, each sorted by account key then entitlement key. The `new-access` finding reuses it.
 */
export function diffGrants(db: Database.Database, from: number, to: number): GrantDiff {
  return { added: grantsOnlyIn(db, to, from), removed: grantsOnlyIn(db, from, to) };
}
