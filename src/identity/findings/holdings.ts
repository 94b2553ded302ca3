import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Who holds what, by identity, for the peer comparisons (movers, outliers): every entitlement of
 * every enabled person account correlated to an identity, as parallel typed arrays (12 bytes a
 * grant) rather than a temporary table: the comparisons are counts, which JavaScript does over
 * packed integers several times faster than SQLite joins them. An entitlement is one row of one
 * scope snapshot, so its id names it across systems.
 */
export interface Holdings {
  readonly length: number;
  readonly identity: Int32Array;
  readonly account: Int32Array;
  readonly entitlement: Int32Array;
  /** 1 for the first holding of each distinct (identity, entitlement) pair: counting these counts identities. */
  readonly first: Uint8Array;
  /** Larger than every entitlement id: the packing width. */
  readonly width: number;
}

function maxId(db: Database.Database, table: 'accounts' | 'entitlements' | 'identities'): number {
  return (db.prepare(`SELECT ifnull(max(id), 0) FROM ${table}`).pluck().get() as number) + 1;
}

/** identity[account id] for the enabled person accounts in scope correlated to someone; 0 otherwise. */
function identityOfAccounts(db: Database.Database): Int32Array {
  const width = maxId(db, 'identities');
  const of = new Int32Array(maxId(db, 'accounts'));
  const packed = db
    .prepare(
      `SELECT c.account_id * ? + c.identity_id FROM temp.correlation c JOIN accounts a ON a.id = c.account_id
       WHERE c.category = 'person' AND c.identity_id IS NOT NULL AND a.status = 'enabled'`,
    )
    .pluck()
    .all(width) as number[];
  for (const v of packed) {
    const account = Math.floor(v / width);
    of[account] = v - account * width;
  }
  return of;
}

export function loadHoldings(db: Database.Database): Holdings {
  const ownerOf = identityOfAccounts(db);
  const width = maxId(db, 'entitlements');
  const select = db.prepare('SELECT account_id * ? + entitlement_id FROM grants WHERE snapshot_id = ?').pluck();
  const segments = (db.prepare('SELECT snapshot_id FROM temp.scope_snapshots').pluck().all() as number[]).map((id) => select.all(width, id) as number[]);
  const total = segments.reduce((n, s) => n + s.length, 0);
  const identity = new Int32Array(total);
  const account = new Int32Array(total);
  const entitlement = new Int32Array(total);
  const first = new Uint8Array(total);
  // An identity holds an entitlement twice only through two accounts of one snapshot (entitlement
  // ids are per snapshot): only those identities' pairs need a set to stay distinct.
  const owners = identityCount(ownerOf);
  const accountOf = new Int32Array(owners);
  const several = new Int32Array(owners).fill(-1);
  let length = 0;
  segments.forEach((packed, segment) => {
    accountOf.fill(0);
    for (const v of packed) {
      const a = Math.floor(v / width);
      const owner = ownerOf[a]!;
      if (owner === 0) continue;
      if (accountOf[owner] === 0) accountOf[owner] = a;
      else if (accountOf[owner] !== a) several[owner] = segment;
    }
    const seen = new Set<number>();
    for (const v of packed) {
      const a = Math.floor(v / width);
      const owner = ownerOf[a]!;
      if (owner === 0) continue;
      const e = v - a * width;
      identity[length] = owner;
      account[length] = a;
      entitlement[length] = e;
      if (several[owner] !== segment) first[length] = 1;
      else if (!seen.has(owner * width + e)) {
        seen.add(owner * width + e);
        first[length] = 1;
      }
      length++;
    }
  });
  return { length, identity, account, entitlement, first, width };
}

function identityCount(ownerOf: Int32Array): number {
  let max = 0;
  for (const v of ownerOf) if (v > max) max = v;
  return max + 1;
}

/** How many times each key occurs: a count of identities when built from first holdings only. */
export interface KeyCounts {
  get(key: number): number;
}

const DENSE_LIMIT = 1 << 23;

/**
 * Counts keys in [0, range): in a dense array when the range is small enough (one index per
 * lookup), else over the sorted keys by binary search.
 */
export function countKeys(keys: Float64Array, range: number): KeyCounts {
  if (range <= DENSE_LIMIT) {
    const counts = new Int32Array(range);
    for (const k of keys) counts[k]!++;
    return { get: (key) => counts[key] ?? 0 };
  }
  keys.sort();
  const unique = new Float64Array(keys.length);
  const counts = new Int32Array(keys.length);
  let n = 0;
  for (const k of keys) {
    if (n > 0 && unique[n - 1] === k) counts[n - 1]!++;
    else {
      unique[n] = k;
      counts[n++] = 1;
    }
  }
  return {
    get(key) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = unique[mid]!;
        if (k === key) return counts[mid]!;
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
      }
      return 0;
    },
  };
}

/** Inserts (type, account, employee id, detail) rows into `temp.found`, one statement per chunk. */
export function insertFound(db: Database.Database, type: string, rows: readonly [accountId: number, employeeId: string, detail: string][]): void {
  const insert = db.prepare('INSERT INTO temp.found (type, account_id, employee_id, detail) SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)');
  for (let i = 0; i < rows.length; i += 20_000) insert.run(type, JSON.stringify(rows.slice(i, i + 20_000)));
}

/** Entitlement names by id, for the few entitlements a finding names. */
export function entitlementNames(db: Database.Database, ids: Iterable<number>): Map<number, string> {
  const rows = db.prepare('SELECT e.id, e.name FROM json_each(?) j JOIN entitlements e ON e.id = j.value').raw().all(JSON.stringify([...new Set(ids)])) as [number, string][];
  return new Map(rows);
}
