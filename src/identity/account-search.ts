import type Database from 'better-sqlite3-multiple-ciphers';
import { containsPattern, selectPage, type Page, type PageRequest } from '../store/paging.js';

export interface AccountListRow {
  system: string;
  snapshotId: number;
  accountKey: string;
  login: string;
  displayName: string | null;
  email: string | null;
  employeeId: string | null;
  status: string;
  accountType: string;
  privileged: boolean;
  lastLogin: string | null;
  grants: number;
}

export interface AccountQuery extends PageRequest {
  /** Matches the login, key, name, e-mail or employee id anywhere, case-insensitively. */
  search?: string | undefined;
  system?: string | undefined;
  status?: string | undefined;
  privileged?: boolean | undefined;
}

/** One page of the accounts in each system's newest access snapshot, searched and filtered in SQL. */
export function searchAccounts(db: Database.Database, query: AccountQuery): Page<AccountListRow> & { systems: string[] } {
  const from = `accounts a JOIN latest_snapshots s ON s.id = a.snapshot_id AND s.content = 'access' JOIN systems sy ON sy.id = s.system_id`;
  const where = `(@system IS NULL OR sy.name = @system) AND (@status IS NULL OR a.status = @status) AND (@privileged IS NULL OR a.privileged = @privileged)
    AND (@search IS NULL OR lower(a.login) LIKE @search ESCAPE '\\' OR lower(a.account_key) LIKE @search ESCAPE '\\' OR lower(ifnull(a.display_name, '')) LIKE @search ESCAPE '\\'
         OR ifnull(a.email_key, lower(ifnull(a.email, ''))) LIKE @search ESCAPE '\\' OR lower(ifnull(a.employee_id, '')) LIKE @search ESCAPE '\\')`;
  const params = {
    system: query.system ?? null,
    status: query.status ?? null,
    privileged: query.privileged === undefined ? null : Number(query.privileged),
    search: query.search?.trim() ? containsPattern(query.search) : null,
  };
  const page = selectPage<Omit<AccountListRow, 'privileged'> & { privileged: number }>(
    db,
    {
      columns: `sy.name AS system, a.snapshot_id AS snapshotId, a.account_key AS accountKey, a.login, a.display_name AS displayName, a.email, a.employee_id AS employeeId,
                a.status, a.account_type AS accountType, a.privileged, a.last_login AS lastLogin,
                (SELECT count(*) FROM grants g WHERE g.snapshot_id = a.snapshot_id AND g.account_id = a.id) AS grants`,
      source: `${from} WHERE ${where}`,
      orderBy: 'sy.name COLLATE NOCASE, a.login COLLATE NOCASE',
    },
    params,
    query,
  );
  const systems = db.prepare(`SELECT DISTINCT sy.name FROM latest_snapshots s JOIN systems sy ON sy.id = s.system_id WHERE s.content = 'access' ORDER BY sy.name COLLATE NOCASE`).pluck().all() as string[];
  return { systems, ...page, rows: page.rows.map((r) => ({ ...r, privileged: r.privileged === 1 })) };
}
