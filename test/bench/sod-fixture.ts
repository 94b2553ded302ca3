import type Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { correlateCurrentPicture } from '../../src/identity/correlation-store.js';
import { saveRules } from '../../src/sod/rule-store.js';
import type { SodRule } from '../../src/sod/rule-model.js';

/**
 * The SoD benchmark's workspace: 50k HR identities; ERP and Bank with 60k accounts each (50k
 * correlated, ERP by employee id and Bank by e-mail; 10k standing for themselves) and 500k grants
 * each over 1,000 entitlements; 500 rules (cross-system pairs, pairs within the ERP, three-sided
 * rules, globs). Seeded by direct SQL once per machine, in the temp folder, and copied per run.
 */
export const SOD_IDENTITIES = 50_000;
const ACCOUNTS_PER_SYSTEM = 60_000;
const ENTITLEMENTS_PER_SYSTEM = 1_000;
export const SOD_GRANTS = 1_000_000;
export const SOD_RULES = 500;
const COMMON = 900;
const DIR = join(tmpdir(), 'attest-bench-inputs');

const role = (system: 'ERP' | 'Bank', n: number): string => `${system} Role ${String(n).padStart(4, '0')}`;

function seedPeople(db: Database.Database): void {
  db.exec(`INSERT INTO systems (id, name, kind, created_at) VALUES (1, 'HR', 'hr', 'now'), (2, 'ERP', 'application', 'now'), (3, 'Bank', 'application', 'now');
    INSERT INTO snapshots (id, system_id, content, profile, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES
      (1, 1, 'identities', 'hr', 'hr.csv', '${'0'.repeat(64)}', 0, '2026-11-01', 'now', 'bench', 0, 0, 0),
      (2, 2, 'access', 'grants', 'erp.csv', '${'1'.repeat(64)}', 0, '2026-11-01', 'now', 'bench', 0, 0, 0),
      (3, 3, 'access', 'grants', 'bank.csv', '${'2'.repeat(64)}', 0, '2026-11-01', 'now', 'bench', 0, 0, 0);`);
  const identity = db.prepare("INSERT INTO identities (snapshot_id, employee_id, display_name, email, email_key, status) VALUES (1, ?, ?, ?, ?, 'active')");
  const account = db.prepare("INSERT INTO accounts (id, snapshot_id, account_key, login, email, email_key, employee_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'enabled')");
  const entitlement = db.prepare('INSERT INTO entitlements (id, snapshot_id, entitlement_key, name) VALUES (?, ?, ?, ?)');
  for (let n = 1; n <= SOD_IDENTITIES; n++) identity.run(`E${n}`, `Person ${n}`, `p${n}@bench.example`, `p${n}@bench.example`);
  for (let n = 1; n <= ACCOUNTS_PER_SYSTEM; n++) {
    const person = n <= SOD_IDENTITIES;
    account.run(n, 2, `erp${n}`, `ERP${n}`, null, null, person ? `E${n}` : `X${n}`);
    account.run(ACCOUNTS_PER_SYSTEM + n, 3, `bank${n}`, `bank${n}`, `p${n}@bench.example`, person ? `p${n}@bench.example` : `x${n}@other.example`, null);
  }
  for (let e = 0; e < ENTITLEMENTS_PER_SYSTEM; e++) {
    entitlement.run(e + 1, 2, role('ERP', e), role('ERP', e));
    entitlement.run(ENTITLEMENTS_PER_SYSTEM + e + 1, 3, role('Bank', e), role('Bank', e));
  }
}

/**
 * 500k grants per system. Every account holds 8 of the 900 common entitlements (spread by a fixed
 * stride); the first 20k accounts also hold one of the 100 sensitive ones (900-999), as in real
 * estates where the entitlements SoD rules name are held by few.
 */
function seedGrants(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO grants (snapshot_id, account_id, entitlement_id) VALUES (?, ?, ?)');
  const perSystem = SOD_GRANTS / 2;
  for (const [snapshot, accountBase, entitlementBase, salt] of [[2, 0, 0, 37], [3, ACCOUNTS_PER_SYSTEM, ENTITLEMENTS_PER_SYSTEM, 53]] as const) {
    for (let i = 0; i < perSystem; i++) {
      const a = i % ACCOUNTS_PER_SYSTEM;
      const k = Math.floor(i / ACCOUNTS_PER_SYSTEM);
      const entitlement = k < 8 ? (a * salt + k * 113) % COMMON : COMMON + ((a * salt) % (ENTITLEMENTS_PER_SYSTEM - COMMON));
      insert.run(snapshot, accountBase + a + 1, entitlementBase + entitlement + 1);
    }
  }
}

/** Rules pair a sensitive ERP entitlement with a common one (in the Bank, or the ERP for every fifth); some are three-sided, some globs. */
function benchRules(): SodRule[] {
  let seed = 12345;
  const next = (range: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * range);
  };
  const alternative = (system: string, entitlement: string) => ({ group: null, matchers: [{ kind: 'entitlement' as const, system, entitlement }] });
  const common = (system: 'ERP' | 'Bank') => alternative(system, role(system, next(COMMON)));
  return Array.from({ length: SOD_RULES }, (_, r) => {
    const sensitive = COMMON + next(ENTITLEMENTS_PER_SYSTEM - COMMON);
    // Globs: a suffix glob for one entitlement, and every 50th rule a prefix glob over ten.
    const a = r % 50 === 7 ? alternative('ERP', `ERP Role 09${next(10)}*`) : r % 10 === 3 ? alternative('ERP', `*Role ${String(sensitive).padStart(4, '0')}`) : alternative('ERP', role('ERP', sensitive));
    const sides = [
      { label: 'A', alternatives: [a] },
      { label: 'B', alternatives: [common(r % 5 === 0 ? 'ERP' : 'Bank')] },
      ...(r % 25 === 1 ? [{ label: 'C', alternatives: [common('Bank'), common('Bank')] }] : []),
    ];
    return { id: `B-${String(r).padStart(3, '0')}`, name: `Bench rule ${r}`, description: null, risk: 'high' as const, businessProcess: null, controls: [], sides };
  });
}

/** A fresh copy of the seeded workspace in `dir` (seeding it first if this machine has none). */
export function sodWorkspaceCopy(dir: string, passphrase: string): string {
  mkdirSync(DIR, { recursive: true });
  // Named for the schema it was made with: a newer build makes its own.
  const cached = join(DIR, `sod-1m-schema${SCHEMA_VERSION}.attest`);
  if (!existsSync(cached)) {
    const partial = join(DIR, 'sod-1m.partial.attest');
    rmSync(partial, { force: true });
    const ws = createWorkspace(partial, passphrase);
    ws.db.transaction(() => {
      seedPeople(ws.db);
      seedGrants(ws.db);
      saveRules(ws.db, benchRules(), 'bench', 'bench', 'now');
    })();
    // As the imports would have left it: the current picture correlated (bench case correlate-50k).
    correlateCurrentPicture(ws.db);
    ws.close();
    renameSync(partial, cached);
  }
  const copy = join(dir, 'w.attest');
  copyFileSync(cached, copy);
  return copy;
}
