import type Database from 'better-sqlite3-multiple-ciphers';
import { comparedColumns, fieldChanges, type ComparedField, type FieldChange } from './field-changes.js';

export interface IdentityEntry {
  employeeId: string;
  displayName: string | null;
  email: string | null;
  department: string | null;
  title: string | null;
  status: string;
}

export interface Leaver {
  employeeId: string;
  displayName: string | null;
  email: string | null;
  /** `gone`: no longer in the roster; `terminated`: still there, now terminated. */
  reason: 'gone' | 'terminated';
  terminationDate: string | null;
}

export interface Mover {
  employeeId: string;
  displayName: string | null;
  changes: FieldChange[];
}

export interface IdentityDiff {
  joiners: IdentityEntry[];
  leavers: Leaver[];
  movers: Mover[];
}

const DISPLAY_NAME = (t: string): string => `COALESCE(${t}.display_name, NULLIF(TRIM(COALESCE(${t}.first_name, '') || ' ' || COALESCE(${t}.last_name, '')), ''))`;

/** What makes a mover. The manager is the manager's employee id, or their email when the roster has no ids. */
export const MOVER_FIELDS: readonly ComparedField[] = [
  { field: 'department', column: 'department' },
  { field: 'title', column: 'title' },
  { field: 'manager', column: 'manager' },
];

function joiners(db: Database.Database, from: number, to: number): IdentityEntry[] {
  return db
    .prepare(
      `SELECT n.employee_id AS employeeId, ${DISPLAY_NAME('n')} AS displayName, n.email, n.department, n.title, n.status
       FROM identities n WHERE n.snapshot_id = ?
         AND NOT EXISTS (SELECT 1 FROM identities o WHERE o.snapshot_id = ? AND o.employee_id = n.employee_id)
       ORDER BY n.employee_id`,
    )
    .all(to, from) as IdentityEntry[];
}

function leavers(db: Database.Database, from: number, to: number): Leaver[] {
  return db
    .prepare(
      `SELECT o.employee_id AS employeeId, ${DISPLAY_NAME('o')} AS displayName, o.email,
              CASE WHEN n.id IS NULL THEN 'gone' ELSE 'terminated' END AS reason,
              COALESCE(n.termination_date, o.termination_date) AS terminationDate
       FROM identities o LEFT JOIN identities n ON n.snapshot_id = ? AND n.employee_id = o.employee_id
       WHERE o.snapshot_id = ? AND o.status <> 'terminated' AND (n.id IS NULL OR n.status = 'terminated')
       ORDER BY o.employee_id`,
    )
    .all(to, from) as Leaver[];
}

function movers(db: Database.Database, from: number, to: number): Mover[] {
  const { select, differs } = comparedColumns(MOVER_FIELDS);
  const withManager = (t: string): string =>
    `(SELECT id, employee_id, display_name, first_name, last_name, department, title, status, COALESCE(manager_employee_id, manager_email) AS manager FROM identities WHERE snapshot_id = ?) ${t}`;
  const rows = db
    .prepare(
      `SELECT n.employee_id AS employeeId, ${DISPLAY_NAME('n')} AS displayName, ${select}
       FROM ${withManager('n')} JOIN ${withManager('o')} ON o.employee_id = n.employee_id
       WHERE n.status <> 'terminated' AND (${differs})
       ORDER BY n.employee_id`,
    )
    .all(to, from) as (Record<string, unknown> & { employeeId: string; displayName: string | null })[];
  return rows.map((r) => ({ employeeId: r.employeeId, displayName: r.displayName, changes: fieldChanges(r, MOVER_FIELDS) }));
}

/**
 * Two HR snapshots: joiners (employee ids new in `to`), leavers (gone from `to`, or terminated
 * there while not terminated in `from`), movers (department, title or manager changed; a leaver
 * is reported as a leaver only). Each sorted by employee id.
 */
export function diffIdentities(db: Database.Database, from: number, to: number): IdentityDiff {
  return { joiners: joiners(db, from, to), leavers: leavers(db, from, to), movers: movers(db, from, to) };
}
