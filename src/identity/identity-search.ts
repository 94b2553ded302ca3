import type Database from 'better-sqlite3-multiple-ciphers';
import type { IdentityEntry } from './identity-diff.js';
import { containsPattern, selectPage, type Page, type PageRequest } from '../store/paging.js';

export interface IdentityListRow extends IdentityEntry {
  terminationDate: string | null;
}

export interface IdentityQuery extends PageRequest {
  /** Matches the employee id, name or e-mail anywhere, case-insensitively. */
  search?: string | undefined;
  status?: string | undefined;
  department?: string | undefined;
  /** Also list the snapshot's departments (for a filter's choices); a page needs them once, not per scroll. */
  facets?: boolean | undefined;
}

/** The HR snapshot the identity screens read: the newest one. */
export function newestHrSnapshot(db: Database.Database): { id: number; system: string; asOf: string } | null {
  return (
    (db
      .prepare(`SELECT s.id, sy.name AS system, s.as_of AS asOf FROM snapshots s JOIN systems sy ON sy.id = s.system_id WHERE s.content = 'identities' ORDER BY s.as_of DESC, s.id DESC LIMIT 1`)
      .get() as { id: number; system: string; asOf: string } | undefined) ?? null
  );
}

const COLUMNS = `employee_id AS employeeId, display_name AS displayName, email, department, title, status, termination_date AS terminationDate`;

/** One page of the newest HR snapshot's identities, searched and filtered in SQL, ordered by name. */
export function searchIdentities(db: Database.Database, query: IdentityQuery): Page<IdentityListRow> & { snapshot: ReturnType<typeof newestHrSnapshot>; departments: string[] } {
  const snapshot = newestHrSnapshot(db);
  if (!snapshot) return { snapshot, departments: [], total: 0, offset: query.offset, rows: [] };
  const where = `snapshot_id = @snapshot AND (@status IS NULL OR status = @status) AND (@department IS NULL OR department = @department)
    AND (@search IS NULL OR lower(employee_id) LIKE @search ESCAPE '\\' OR lower(ifnull(display_name, '')) LIKE @search ESCAPE '\\' OR ifnull(email_key, lower(ifnull(email, ''))) LIKE @search ESCAPE '\\')`;
  const params = { snapshot: snapshot.id, status: query.status ?? null, department: query.department ?? null, search: query.search?.trim() ? containsPattern(query.search) : null };
  const page = selectPage<IdentityListRow>(db, { columns: COLUMNS, source: `identities WHERE ${where}`, orderBy: 'ifnull(display_name, employee_id) COLLATE NOCASE, employee_id' }, params, query);
  const departments = query.facets
    ? (db.prepare('SELECT DISTINCT department FROM identities WHERE snapshot_id = ? AND department IS NOT NULL ORDER BY department').pluck().all(snapshot.id) as string[])
    : [];
  return { snapshot, departments, ...page };
}
