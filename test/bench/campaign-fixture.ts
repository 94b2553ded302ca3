import type Database from 'better-sqlite3-multiple-ciphers';
import { createCampaign } from '../../src/campaigns/campaign-store.js';
import { correlateCurrentPicture } from '../../src/identity/correlation-store.js';
import type { Workspace } from '../../src/store/workspace.js';

export const CAMPAIGN_ITEMS = 100_000;
const IDENTITIES = 50_000;
const ACCOUNTS = 25_000;
const GRANTS_PER_ACCOUNT = 4;
const ENTITLEMENTS = 200;
/** The manager who owes a tenth of the items (10k): the bulk decision's reviewer. */
export const BUSY_MANAGER = 'p1@corp.example';

/**
 * The campaign benchmark's estate, by direct SQL: an HR roster of 50k people managed by 100
 * managers (one of them manages a tenth of everyone), one system of 25k accounts (each
 * correlated by employee id to a person who is not a manager) with 4 of 200 entitlements each:
 * 100k grants, so a manager review of 100k items for 100 reviewers.
 */
export function seedCampaignEstate(db: Database.Database): void {
  const snapshot = db.prepare(
    `INSERT INTO snapshots (id, system_id, content, profile, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected)
     VALUES (?, ?, ?, 'bench', 'bench', '${'0'.repeat(64)}', 0, ?, 'now', 'bench', 0, 0, 0)`,
  );
  const today = new Date().toISOString().slice(0, 10);
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
      WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${IDENTITIES}) INSERT INTO temp.n SELECT i FROM c;
      INSERT INTO systems (id, name, kind, created_at) VALUES (1, 'HR', 'hr', 'now'), (2, 'ERP', 'application', 'now');`);
    snapshot.run(1, 1, 'identities', today);
    snapshot.run(2, 2, 'access', today);
    db.exec(`INSERT INTO identities (snapshot_id, employee_id, display_name, email, email_key, manager_employee_id, department, title, status)
        SELECT 1, 'E' || i, 'Person ' || i, 'p' || i || '@corp.example', 'p' || i || '@corp.example',
               CASE WHEN i <= 100 THEN NULL WHEN i % 10 = 0 THEN 'E1' ELSE 'E' || (2 + i % 99) END, 'D' || (i % 50), 'T' || (i % 7), 'active'
        FROM temp.n;
      INSERT INTO entitlements (snapshot_id, entitlement_key, name, description, privileged)
        SELECT 2, 'r' || i, 'Role ' || i, 'What role ' || i || ' may do', i <= 2 FROM temp.n WHERE i <= ${ENTITLEMENTS};
      INSERT INTO accounts (snapshot_id, account_key, login, email, email_key, employee_id, status, last_login)
        SELECT 2, 'u' || i, 'user' || i, NULL, NULL, 'E' || (i + 100), 'enabled', '2026-05-30T00:00:00Z' FROM temp.n WHERE i <= ${ACCOUNTS};
      INSERT INTO grants (snapshot_id, account_id, entitlement_id)
        SELECT 2, a.id, e.id FROM accounts a
        JOIN (SELECT i AS k FROM temp.n WHERE i <= ${GRANTS_PER_ACCOUNT}) k
        JOIN entitlements e ON e.snapshot_id = 2 AND e.entitlement_key = 'r' || ((a.id * 7 + k.k * 37) % ${ENTITLEMENTS} + 1)
        WHERE a.snapshot_id = 2;
      DROP TABLE temp.n;`);
  })();
  // What an import leaves ready: the current picture's correlation, stored.
  correlateCurrentPicture(db);
}

/** A manager review of the whole estate, created (not launched). */
export function benchCampaign(ws: Workspace): number {
  return createCampaign(ws, { name: 'Bench review', type: 'manager', fallback: 'grc@corp.example', operator: 'bench' }).campaignId;
}
