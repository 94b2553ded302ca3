import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { currentPicture } from '../sod/current-picture.js';
import { violationsOfOwner, type StoredViolation } from '../sod/stored-violations.js';
import { ensureCorrelations } from './correlation-store.js';
import type { Finding } from './stored-findings.js';
import { newestHrSnapshot, type IdentityListRow } from './identity-search.js';

export interface IdentityAccess {
  identity: IdentityListRow & { managerEmployeeId: string | null; location: string | null; hireDate: string | null };
  hrSnapshot: { id: number; system: string; asOf: string };
  accounts: {
    system: string;
    snapshotId: number;
    asOf: string;
    accountKey: string;
    login: string;
    status: string;
    accountType: string;
    privileged: boolean;
    lastLogin: string | null;
    /** How the account was matched to the person (the correlation rule), or the kind of account it is. */
    matchedBy: string | null;
    entitlements: { name: string; type: string; privileged: boolean; via: string | null }[];
  }[];
  findings: (Finding & { runId: number })[];
  violations: StoredViolation[];
}

/**
 * One person and everything they hold: their accounts in each system's newest snapshot (as the
 * analysis correlates accounts to people), each account's entitlements, the newest analysis run's
 * findings and the newest SoD run's violations that name them.
 */
export function identityAccess(db: Database.Database, employeeId: string): IdentityAccess {
  const hrSnapshot = newestHrSnapshot(db);
  if (!hrSnapshot) throw new AttestError('NO_HR_SNAPSHOT', 'The workspace holds no HR snapshot yet. Import the HR roster first ("attest import FILE --profile hr").');
  const identity = db
    .prepare(
      `SELECT id, employee_id AS employeeId, display_name AS displayName, email, department, title, status, termination_date AS terminationDate,
              manager_employee_id AS managerEmployeeId, location, hire_date AS hireDate
       FROM identities WHERE snapshot_id = ? AND employee_id = ?`,
    )
    .get(hrSnapshot.id, employeeId) as (IdentityAccess['identity'] & { id: number }) | undefined;
  if (!identity) throw new AttestError('UNKNOWN_IDENTITY', `No identity with employee id "${employeeId}" is in the newest HR snapshot (${hrSnapshot.system}, as of ${hrSnapshot.asOf}).`);
  // The analysis's own correlation, stored per snapshot pair (computed here if an import left it missing).
  const access = currentPicture(db, null).access.map((snapshot) => snapshot.id);
  ensureCorrelations(db, hrSnapshot.id, access);
  const accounts = db
    .prepare(
      `SELECT a.id, sy.name AS system, a.snapshot_id AS snapshotId, s.as_of AS asOf, a.account_key AS accountKey, a.login, a.status, a.account_type AS accountType,
              a.privileged, a.last_login AS lastLogin, CASE WHEN c.category = 'person' THEN c.rule ELSE c.category END AS matchedBy
       FROM account_correlations c JOIN accounts a ON a.id = c.account_id JOIN snapshots s ON s.id = a.snapshot_id JOIN systems sy ON sy.id = s.system_id
       WHERE c.hr_snapshot_id = ? AND c.snapshot_id IN (SELECT value FROM json_each(?)) AND c.identity_id = ?
       ORDER BY sy.name COLLATE NOCASE, a.login COLLATE NOCASE`,
    )
    .all(hrSnapshot.id, JSON.stringify(access), identity.id) as (Omit<IdentityAccess['accounts'][number], 'privileged' | 'entitlements'> & { id: number; privileged: number })[];
  const entitlementsOf = db.prepare(
    `SELECT e.name, e.type, e.privileged, g.via FROM grants g JOIN entitlements e ON e.id = g.entitlement_id
     WHERE g.snapshot_id = ? AND g.account_id = ? ORDER BY e.name COLLATE NOCASE`,
  );
  const run = db.prepare('SELECT max(id) FROM analysis_runs').pluck().get() as number | null;
  const findings =
    run === null
      ? []
      : (db
          .prepare(`SELECT run_id AS runId, type, system, account, account_key AS accountKey, employee_id AS identity, detail FROM findings WHERE run_id = ? AND employee_id = ? ORDER BY ordinal`)
          .all(run, employeeId) as IdentityAccess['findings']);
  const { id: _rowId, ...person } = identity;
  return {
    identity: person,
    hrSnapshot,
    accounts: accounts.map(({ id, privileged, ...a }) => ({
      ...a,
      privileged: privileged === 1,
      entitlements: (entitlementsOf.all(a.snapshotId, id) as { name: string; type: string; privileged: number; via: string | null }[]).map((e) => ({ ...e, privileged: e.privileged === 1 })),
    })),
    findings,
    violations: violationsOfOwner(db, `identity:${employeeId}`),
  };
}
