import type Database from 'better-sqlite3-multiple-ciphers';

export const BENCH_IDENTITIES = 50_000;
export const BENCH_SYSTEMS = 10;
const ACCOUNTS_PER_SYSTEM = 25_000;
const GRANTS_PER_ACCOUNT = 4;
const ENTITLEMENTS_PER_SYSTEM = 200;
export const BENCH_GRANTS = BENCH_SYSTEMS * ACCOUNTS_PER_SYSTEM * GRANTS_PER_ACCOUNT;

/**
 * The analysis benchmark's estate, by direct SQL: two HR snapshots of 50k people (1% change
 * department, 2% terminated), 10 systems of 25k accounts each (correlated by employee id, e-mail
 * or login; 2% match no one), 200 entitlements per system (2 privileged), 4 grants per account:
 * 1M grants.
 */
export function seedAnalysisEstate(db: Database.Database): void {
  const snapshot = db.prepare(
    `INSERT INTO snapshots (id, system_id, content, profile, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected)
     VALUES (?, ?, ?, 'bench', 'bench', '${'0'.repeat(64)}', 0, ?, 'now', 'bench', 0, 0, 0)`,
  );
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
      WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${BENCH_IDENTITIES}) INSERT INTO temp.n SELECT i FROM c;
      INSERT INTO systems (id, name, kind, created_at) VALUES (1, 'HR', 'hr', 'now');`);
    snapshot.run(1, 1, 'identities', '2026-03-01');
    snapshot.run(2, 1, 'identities', '2026-06-01');
    for (const [id, moved] of [[1, 0], [2, 1]] as const) {
      db.exec(`INSERT INTO identities (snapshot_id, employee_id, display_name, email, email_key, department, title, status, hire_date, termination_date)
        SELECT ${id}, 'E' || i, 'Person ' || i, 'p' || i || '@corp.example', 'p' || i || '@corp.example',
               'D' || ((i + CASE WHEN ${moved} = 1 AND i % 100 = 1 THEN 1 ELSE 0 END) % 50), 'T' || (i % 7),
               CASE WHEN i % 50 = 0 THEN 'terminated' ELSE 'active' END, '2020-01-01', CASE WHEN i % 50 = 0 THEN '2026-04-01' END
        FROM temp.n`);
    }
    for (let s = 1; s <= BENCH_SYSTEMS; s++) {
      const system = s + 1;
      const snap = s + 2;
      db.prepare("INSERT INTO systems (id, name, created_at) VALUES (?, ?, 'now')").run(system, `System ${s}`);
      snapshot.run(snap, system, 'access', '2026-06-01');
      db.exec(`INSERT INTO entitlements (snapshot_id, entitlement_key, name, privileged)
          SELECT ${snap}, 'r' || i, 'Role ' || i, i <= 2 FROM temp.n WHERE i <= ${ENTITLEMENTS_PER_SYSTEM};
        INSERT INTO accounts (snapshot_id, account_key, login, email, email_key, employee_id, status, mfa, last_login)
          SELECT ${snap}, 'u' || i, CASE WHEN i % 3 = 2 THEN 'p' || p ELSE 'user' || p END,
                 CASE WHEN i % 3 = 1 THEN 'p' || p || '@corp.example' END, CASE WHEN i % 3 = 1 THEN 'p' || p || '@corp.example' END,
                 CASE WHEN i % 3 = 0 THEN 'E' || p END,
                 CASE WHEN i % 17 = 0 THEN 'disabled' ELSE 'enabled' END, CASE WHEN i % 13 = 0 THEN 0 ELSE 1 END,
                 CASE WHEN i % 29 = 0 THEN '2025-12-01T00:00:00Z' ELSE '2026-05-30T00:00:00Z' END
          FROM (SELECT i, CASE WHEN i % 50 = 7 THEN i + ${BENCH_IDENTITIES} ELSE (i * ${s} + i) % ${BENCH_IDENTITIES} + 1 END AS p FROM temp.n WHERE i <= ${ACCOUNTS_PER_SYSTEM});
        INSERT INTO grants (snapshot_id, account_id, entitlement_id)
          SELECT ${snap}, a.id, e.id FROM accounts a
          JOIN (SELECT i AS k FROM temp.n WHERE i <= ${GRANTS_PER_ACCOUNT}) k
          JOIN entitlements e ON e.snapshot_id = ${snap} AND e.entitlement_key = 'r' || ((a.id * 7 + k.k * 37) % ${ENTITLEMENTS_PER_SYSTEM} + 1)
          WHERE a.snapshot_id = ${snap};`);
    }
    db.exec('DROP TABLE temp.n');
  })();
}
