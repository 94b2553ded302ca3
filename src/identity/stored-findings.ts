import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
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

/** A stored run (the latest when no id is given), its findings optionally of one type. */
export function readAnalysisRun(db: Database.Database, runId?: number, type?: string): AnalysisRun {
  if (type !== undefined && !(FINDING_TYPES as readonly string[]).includes(type)) {
    throw new AttestError('USAGE', `There is no finding type "${type}". Types: ${FINDING_TYPES.join(', ')}.`);
  }
  const run = (
    runId === undefined ? db.prepare('SELECT * FROM analysis_runs ORDER BY id DESC LIMIT 1').get() : db.prepare('SELECT * FROM analysis_runs WHERE id = ?').get(runId)
  ) as RunRow | undefined;
  if (!run) {
    throw new AttestError(
      'UNKNOWN_RUN',
      runId === undefined ? 'No analysis has been run in this workspace yet. Run "attest analyze" first.' : `There is no analysis run ${runId}. List the runs in the audit log ("attest audit log") or run "attest analyze".`,
    );
  }
  const counts = emptyCounts();
  for (const row of db.prepare('SELECT type, count(*) AS n FROM findings WHERE run_id = ? GROUP BY type').all(run.id) as { type: string; n: number }[]) {
    counts[countKey(row.type)] = row.n;
  }
  // Raw rows, then objects: several times fewer allocations than better-sqlite3's row objects.
  const rows = db
    .prepare('SELECT type, system, account, account_key, employee_id, detail FROM findings WHERE run_id = ? AND (? IS NULL OR type = ?) ORDER BY ordinal')
    .raw()
    .all(run.id, type ?? null, type ?? null) as [string, string, string, string, string | null, string][];
  const findings = rows.map(([t, system, account, accountKey, identity, detail]): Finding => ({ type: t, system, account, accountKey, identity, detail }));
  return {
    runId: run.id,
    asOf: run.as_of,
    createdAt: run.created_at,
    createdBy: run.created_by,
    parameters: JSON.parse(run.parameters) as AnalysisParameters,
    hrSnapshotId: run.hr_snapshot,
    snapshots: JSON.parse(run.snapshots) as AnalysisRun['snapshots'],
    counts,
    findings,
  };
}
