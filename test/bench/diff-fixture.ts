import type Database from 'better-sqlite3-multiple-ciphers';
import { writeGrants, type GrantRow } from '../../src/store/grant-writer.js';

const ACCOUNTS = 10_000;
const ENTITLEMENTS = 500;
const PER_ACCOUNT = 100;

/**
 * Two access snapshots of one system, 1M grants each (10k accounts × 100 of 500 entitlements),
 * the second with churn: 100 accounts gone and 100 new, every tenth account losing one grant and
 * every tenth (another tenth) gaining one (so 10,990 grants added and 10,990 removed), every fiftieth account disabled. Ids differ per
 * snapshot, as they do after real imports. Returns the two snapshot ids.
 */
export function seedDiffPair(db: Database.Database): { from: number; to: number } {
  db.exec("INSERT INTO systems (id, name, created_at) VALUES (1, 'Bench', 'now')");
  const snapshot = db.prepare(`INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected)
    VALUES (?, 1, 'access', 'grants', NULL, 'bench.csv', '${'0'.repeat(64)}', 0, ?, 'now', 'bench', 0, 0, 0)`);
  const account = db.prepare('INSERT INTO accounts (id, snapshot_id, account_key, login, status) VALUES (?, ?, ?, ?, ?)');
  const entitlement = db.prepare('INSERT INTO entitlements (id, snapshot_id, entitlement_key, name) VALUES (?, ?, ?, ?)');
  const role = (a: number, k: number): number => ((a * 7919 + k * 5) % ENTITLEMENTS) + 1;
  for (const [id, asOf] of [[1, '2026-10-01'], [2, '2026-11-01']] as const) {
    const accountBase = (id - 1) * 20_000;
    const entitlementBase = (id - 1) * 1_000;
    const first = id === 1 ? 1 : 101;
    const last = id === 1 ? ACCOUNTS : ACCOUNTS + 100;
    snapshot.run(id, asOf);
    for (let e = 1; e <= ENTITLEMENTS; e++) entitlement.run(entitlementBase + e, id, `role${e}`, `Role ${e}`);
    for (let a = first; a <= last; a++) account.run(accountBase + a, id, `user${a}`, `user${a}`, id === 2 && a % 50 === 0 ? 'disabled' : 'enabled');
    function* grants(): Generator<GrantRow> {
      for (let a = first; a <= last; a++) {
        for (let k = 0; k < PER_ACCOUNT; k++) {
          if (id === 2 && a % 10 === 0 && k === 0) continue;
          yield [accountBase + a, entitlementBase + role(a, k), k % 10 === 0 ? 'group:Finance' : null];
        }
        if (id === 2 && a % 10 === 1) yield [accountBase + a, entitlementBase + ((a * 7919 + 1) % ENTITLEMENTS) + 1, null];
      }
    }
    writeGrants(db, id, grants());
  }
  return { from: 1, to: 2 };
}
