import type Database from 'better-sqlite3-multiple-ciphers';
import type { AnalysisScope } from '../analysis-scope.js';
import type { AnalysisParameters } from './finding-types.js';
import type { Holdings } from './holdings.js';

/** What every finding query gets: the database (scope laid out in temp tables), the scope, the parameters. */
export interface FindingContext {
  db: Database.Database;
  scope: AnalysisScope;
  parameters: AnalysisParameters;
  /** Who holds what (loaded on first use, then kept for the run). */
  holdings: () => Holdings;
}

/**
 * The scratch tables of one run: `temp.found` collects findings (type, account, identity,
 * detail); `temp.scope_accounts` is every account in scope with its correlation and identity.
 */
export function prepareFindingTables(db: Database.Database): void {
  db.exec(`DROP TABLE IF EXISTS temp.found;
    CREATE TEMP TABLE found (type TEXT NOT NULL, account_id INTEGER NOT NULL, employee_id TEXT, detail TEXT NOT NULL);
    DROP VIEW IF EXISTS temp.scope_accounts;
    CREATE TEMP VIEW scope_accounts AS
      SELECT a.id, a.snapshot_id, s.system_id, s.day AS snapshot_day, s.has_activity, a.account_key, a.login, a.status, a.account_type,
             a.privileged, a.mfa, a.created_on, a.last_login, c.identity_id, c.rule, c.category,
             i.employee_id, coalesce(i.display_name, i.employee_id) AS identity_name, i.status AS identity_status,
             i.termination_date, i.hire_date, i.department, i.title
      FROM temp.correlation c
      JOIN accounts a ON a.id = c.account_id
      JOIN temp.scope_snapshots s ON s.snapshot_id = a.snapshot_id
      LEFT JOIN identities i ON i.id = c.identity_id;`);
}

/** The SQL for "N days" between two day strings. */
export function daysBetween(from: string, to: string): string {
  return `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`;
}
