import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { containsPattern, selectPage, type Page, type PageRequest } from '../store/paging.js';
import { controlDescriptions } from './controls.js';
import type { ViolationStatus } from './violation-status.js';

export interface StoredViolation {
  id: number;
  ruleId: string;
  ruleName: string;
  risk: string;
  /** 'identity:<employee id>' or 'account:<system id>:<account key>'. */
  ownerKey: string;
  ownerName: string;
  /** The HR employee id, or null for an account that stands for itself. */
  identity: string | null;
  status: string;
  controls: string[];
  exceptionId: number | null;
  firstSeen: string;
  lastSeen: string;
}

export interface SodRunHead {
  runId: number;
  asOf: string;
  runAt: string;
  runBy: string;
}

export interface ViolationQuery extends PageRequest {
  runId?: number | undefined;
  risk?: string | undefined;
  status?: string | undefined;
  /** Matches the rule id or name, or the owner, anywhere, case-insensitively. */
  search?: string | undefined;
}

export const RISKS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskCounts = { risk: string; open: number; mitigated: number; excepted: number }[];

function loadRun(db: Database.Database, runId: number | undefined): SodRunHead | null {
  const run = db
    .prepare(`SELECT id AS runId, as_of AS asOf, run_at AS runAt, run_by AS runBy FROM sod_runs WHERE (@id IS NULL OR id = @id) ORDER BY id DESC LIMIT 1`)
    .get({ id: runId ?? null }) as SodRunHead | undefined;
  if (!run && runId !== undefined) throw new AttestError('UNKNOWN_RUN', `There is no SoD run ${runId}. Run "attest sod run" to make one.`);
  return run ?? null;
}

/**
 * The owner's name and risk as SQL over a violation `v`: an identity's name from the newest HR
 * snapshot, an account's "System:login" from its system's newest snapshot; the rule's current name
 * and risk (a rule since removed keeps its id and shows risk "unknown").
 */
const DESCRIBED = `
  SELECT v.id, v.rule_key AS ruleId, ifnull(r.name, v.rule_key) AS ruleName, ifnull(r.risk, 'unknown') AS risk, v.owner_key AS ownerKey,
         CASE WHEN v.owner_key LIKE 'identity:%' THEN substr(v.owner_key, 10) END AS identity,
         CASE WHEN v.owner_key LIKE 'identity:%'
              THEN (SELECT ifnull(i.display_name, i.employee_id) FROM identities i WHERE i.snapshot_id = @hr AND i.employee_id = substr(v.owner_key, 10))
              ELSE (SELECT sy.name || ':' || a.login FROM latest_snapshots s JOIN systems sy ON sy.id = s.system_id JOIN accounts a ON a.snapshot_id = s.id
                    WHERE s.content = 'access' AND s.system_id = CAST(substr(v.owner_key, 9, instr(substr(v.owner_key, 9), ':') - 1) AS INTEGER)
                      AND a.account_key = substr(v.owner_key, 9 + instr(substr(v.owner_key, 9), ':'))) END AS ownerName,
         v.status, v.controls, v.exception_id AS exceptionId, v.first_seen AS firstSeen, v.last_seen AS lastSeen
  FROM sod_violations v LEFT JOIN sod_rules r ON r.rule_key = v.rule_key`;

type Row = Omit<StoredViolation, 'controls' | 'ownerName'> & { controls: string | null; ownerName: string | null };

function toViolation(row: Row): StoredViolation {
  return { ...row, ownerName: row.ownerName ?? row.identity ?? row.ownerKey, controls: row.controls === null ? [] : (JSON.parse(row.controls) as string[]) };
}

function newestHr(db: Database.Database): number | null {
  return (db.prepare(`SELECT id FROM snapshots WHERE content = 'identities' ORDER BY as_of DESC, id DESC LIMIT 1`).pluck().get() as number | undefined) ?? null;
}

/** Violations of a stored SoD run (the newest unless named), by risk and status, a page at a time. */
export function pageViolations(db: Database.Database, query: ViolationQuery): { run: SodRunHead | null; byRisk: RiskCounts } & Page<StoredViolation> {
  const run = loadRun(db, query.runId);
  if (!run) return { run, byRisk: [], total: 0, offset: query.offset, rows: [] };
  const params = { run: run.runId, hr: newestHr(db), risk: query.risk ?? null, status: query.status ?? null, search: query.search?.trim() ? containsPattern(query.search) : null };
  const source = `(${DESCRIBED} WHERE v.run_id = @run) WHERE (@risk IS NULL OR risk = @risk) AND (@status IS NULL OR status = @status)
    AND (@search IS NULL OR lower(ruleId) LIKE @search ESCAPE '\\' OR lower(ruleName) LIKE @search ESCAPE '\\' OR lower(ifnull(ownerName, ownerKey)) LIKE @search ESCAPE '\\')`;
  const orderBy = `CASE risk ${RISKS.map((r, i) => `WHEN '${r}' THEN ${i}`).join(' ')} ELSE 9 END, ruleId, ownerKey`;
  const page = selectPage<Row>(db, { columns: '*', source, orderBy }, params, query);
  return { run, byRisk: countByRisk(db, run.runId), ...page, rows: page.rows.map(toViolation) };
}

/** How many violations of a run each risk has, by status; every risk listed, zero included. */
export function countByRisk(db: Database.Database, runId: number): RiskCounts {
  const counts: RiskCounts = RISKS.map((risk) => ({ risk, open: 0, mitigated: 0, excepted: 0 }));
  const rows = db
    .prepare(`SELECT ifnull(r.risk, 'unknown') AS risk, v.status, count(*) AS n FROM sod_violations v LEFT JOIN sod_rules r ON r.rule_key = v.rule_key WHERE v.run_id = ? GROUP BY 1, 2`)
    .all(runId) as { risk: string; status: ViolationStatus; n: number }[];
  for (const row of rows) {
    const entry = counts.find((c) => c.risk === row.risk) ?? { risk: row.risk, open: 0, mitigated: 0, excepted: 0 };
    if (!counts.includes(entry)) counts.push(entry);
    entry[row.status] += row.n;
  }
  return counts;
}

export function newestSodRun(db: Database.Database): SodRunHead | null {
  return loadRun(db, undefined);
}

/** The violations of the newest run that belong to one owner key. */
export function violationsOfOwner(db: Database.Database, ownerKey: string): StoredViolation[] {
  const run = loadRun(db, undefined);
  if (!run) return [];
  return (db.prepare(`${DESCRIBED} WHERE v.run_id = @run AND v.owner_key = @owner ORDER BY v.rule_key`).all({ run: run.runId, hr: newestHr(db), owner: ownerKey }) as Row[]).map(toViolation);
}

export interface ViolationDetail extends StoredViolation {
  runId: number;
  grants: { side: string; system: string; account: string; entitlement: string | null; finding: string | null; snapshotId: number; asOf: string }[];
  controlDetails: { id: string; description: string }[];
  exception: { id: number; approver: string; justification: string; from: string; to: string; grantedBy: string; grantedAt: string } | null;
}

/** One stored violation with its evidence on each side, its controls and its exception. */
export function showViolation(db: Database.Database, id: number): ViolationDetail {
  const row = db.prepare(`${DESCRIBED} WHERE v.id = @id`).get({ id, hr: newestHr(db) }) as Row | undefined;
  if (!row) throw new AttestError('NOT_FOUND', `There is no SoD violation ${id}. Run "attest sod run" and pick one from its list.`);
  const violation = toViolation(row);
  const runId = db.prepare('SELECT run_id FROM sod_violations WHERE id = ?').pluck().get(id) as number;
  const grants = db
    .prepare(
      `SELECT e.side, sy.name AS system, a.login AS account, en.name AS entitlement, e.finding, e.snapshot_id AS snapshotId, s.as_of AS asOf
       FROM sod_evidence e JOIN accounts a ON a.id = e.account_id JOIN snapshots s ON s.id = e.snapshot_id JOIN systems sy ON sy.id = s.system_id
       LEFT JOIN entitlements en ON en.id = e.entitlement_id WHERE e.violation_id = ? ORDER BY e.side, sy.name, a.login, en.name`,
    )
    .all(id) as ViolationDetail['grants'];
  const descriptions = controlDescriptions(db);
  const exception =
    violation.exceptionId === null
      ? null
      : (db
          .prepare('SELECT id, approver, justification, starts_on AS "from", ends_on AS "to", granted_by AS grantedBy, granted_at AS grantedAt FROM sod_exceptions WHERE id = ?')
          .get(violation.exceptionId) as ViolationDetail['exception']);
  return { ...violation, runId, grants, controlDetails: violation.controls.map((c) => ({ id: c, description: descriptions.get(c.toLowerCase()) ?? c })), exception };
}
