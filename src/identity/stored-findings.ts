import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { containsPattern, selectPage, type Page, type PageRequest } from '../store/paging.js';
import { FINDING_TYPES, countKey, emptyCounts, type AnalysisParameters } from './findings/finding-types.js';

export interface Finding {
  type: string;
  system: string;
  /** The account's login (what people call it); `accountKey` is the system's own key. */
  account: string;
  accountKey: string;
  /** The employee id of the identity behind the account (a service account's owner); null for none. */
  identity: string | null;
  detail: string;
}

export interface AnalysisRun {
  runId: number;
  asOf: string;
  createdAt: string;
  createdBy: string;
  parameters: AnalysisParameters;
  hrSnapshotId: number | null;
  snapshots: { snapshotId: number; system: string; asOf: string }[];
  counts: Record<string, number>;
  findings: Finding[];
}

interface RunRow {
  id: number;
  as_of: string;
  parameters: string;
  hr_snapshot: number | null;
  snapshots: string;
  created_at: string;
  created_by: string;
}

/** The stored run (the latest when no id is given); UNKNOWN_RUN when there is none. */
function loadRun(db: Database.Database, runId?: number): RunRow {
  const run = (
    runId === undefined ? db.prepare('SELECT * FROM analysis_runs ORDER BY id DESC LIMIT 1').get() : db.prepare('SELECT * FROM analysis_runs WHERE id = ?').get(runId)
  ) as RunRow | undefined;
  if (!run) {
    throw new AttestError(
      'UNKNOWN_RUN',
      runId === undefined ? 'No analysis has been run in this workspace yet. Run "attest analyze" first.' : `There is no analysis run ${runId}. List the runs in the audit log ("attest audit log") or run "attest analyze".`,
    );
  }
  return run;
}

function checkType(type: string | undefined): void {
  if (type !== undefined && !(FINDING_TYPES as readonly string[]).includes(type)) {
    throw new AttestError('USAGE', `There is no finding type "${type}". Types: ${FINDING_TYPES.join(', ')}.`);
  }
}

/** How many findings of each type (camelCase keys, zero included) a run holds. */
export function countFindings(db: Database.Database, runId: number): Record<string, number> {
  const counts = emptyCounts();
  for (const row of db.prepare('SELECT type, count(*) AS n FROM findings WHERE run_id = ? GROUP BY type').all(runId) as { type: string; n: number }[]) {
    counts[countKey(row.type)] = row.n;
  }
  return counts;
}

function describeRun(db: Database.Database, run: RunRow): Omit<AnalysisRun, 'findings'> {
  return {
    runId: run.id,
    asOf: run.as_of,
    createdAt: run.created_at,
    createdBy: run.created_by,
    parameters: JSON.parse(run.parameters) as AnalysisParameters,
    hrSnapshotId: run.hr_snapshot,
    snapshots: JSON.parse(run.snapshots) as AnalysisRun['snapshots'],
    counts: countFindings(db, run.id),
  };
}

const FINDING_COLUMNS = 'type, system, account, account_key AS accountKey, employee_id AS identity, detail';

/** A stored run (the latest when no id is given), its findings optionally of one type. */
export function readAnalysisRun(db: Database.Database, runId?: number, type?: string): AnalysisRun {
  checkType(type);
  const run = loadRun(db, runId);
  // Raw rows, then objects: several times fewer allocations than better-sqlite3's row objects.
  const rows = db
    .prepare('SELECT type, system, account, account_key, employee_id, detail FROM findings WHERE run_id = ? AND (? IS NULL OR type = ?) ORDER BY ordinal')
    .raw()
    .all(run.id, type ?? null, type ?? null) as [string, string, string, string, string | null, string][];
  const findings = rows.map(([t, system, account, accountKey, identity, detail]): Finding => ({ type: t, system, account, accountKey, identity, detail }));
  return { ...describeRun(db, run), findings };
}

export interface FindingQuery extends PageRequest {
  runId?: number | undefined;
  type?: string | undefined;
  system?: string | undefined;
  /** Matches the account, its key, the employee id or the detail, anywhere, case-insensitively. */
  search?: string | undefined;
}

/** One page of a run's findings (the latest run unless named), filtered in SQL. */
export function pageFindings(db: Database.Database, query: FindingQuery): Omit<AnalysisRun, 'findings'> & Page<Finding> & { systems: string[] } {
  checkType(query.type);
  const run = loadRun(db, query.runId);
  const where = `run_id = @run AND (@type IS NULL OR type = @type) AND (@system IS NULL OR system = @system)
    AND (@search IS NULL OR lower(account) LIKE @search ESCAPE '\\' OR lower(account_key) LIKE @search ESCAPE '\\' OR lower(ifnull(employee_id, '')) LIKE @search ESCAPE '\\' OR lower(detail) LIKE @search ESCAPE '\\')`;
  const params = { run: run.id, type: query.type ?? null, system: query.system ?? null, search: query.search?.trim() ? containsPattern(query.search) : null };
  const page = selectPage<Finding>(db, { columns: FINDING_COLUMNS, source: `findings WHERE ${where}`, orderBy: 'ordinal' }, params, query);
  const systems = db.prepare('SELECT DISTINCT system FROM findings WHERE run_id = ? ORDER BY system').pluck().all(run.id) as string[];
  return { ...describeRun(db, run), ...page, systems };
}
