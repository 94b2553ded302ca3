import type { Progress } from '../api/result.js';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { resolveAnalysisScope } from './analysis-scope.js';
import { correlateAccounts, type CorrelationSummary } from './correlate-accounts.js';
import { findCorrelationQuestions } from './findings/correlation-findings.js';
import { findDormant } from './findings/dormant.js';
import { readSettings } from '../store/settings.js';
import { DEFAULT_PARAMETERS, FINDING_TYPES, type AnalysisParameters } from './findings/finding-types.js';
import { prepareFindingTables, type FindingContext } from './findings/found.js';
import { loadHoldings, type Holdings } from './findings/holdings.js';
import { findLeavers } from './findings/leavers.js';
import { findMovers } from './findings/movers.js';
import { findNewAccess } from './findings/new-access.js';
import { findNoMfa } from './findings/no-mfa.js';
import { findOrphans } from './findings/orphans.js';
import { findOutliers } from './findings/outliers.js';
import { findOwnerless } from './findings/ownerless.js';
import { findPrivileged } from './findings/privileged.js';
import { findStandingPrivilege } from './findings/standing-privilege.js';
import { readAnalysisRun, type AnalysisRun } from './stored-findings.js';

export interface AnalysisRequest extends Partial<AnalysisParameters> {
  asOf?: string | undefined;
  operator: string;
}

export interface AnalysisResult extends AnalysisRun {
  correlation: Pick<CorrelationSummary, 'accounts' | 'byRule'>;
}

const FINDERS = [findLeavers, findOrphans, findDormant, findPrivileged, findStandingPrivilege, findNoMfa, findOwnerless, findNewAccess, findMovers, findOutliers];

export interface AnalysisContext {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

/** A finding type's place in FINDING_TYPES, as SQL over `f.type` (the types are our own constants). */
const TYPE_ORDINAL = `CASE f.type ${FINDING_TYPES.map((type, i) => `WHEN '${type}' THEN ${i}`).join(' ')} END`;

const SCRATCH = 'DROP TABLE IF EXISTS temp.found; DROP VIEW IF EXISTS temp.scope_accounts; DROP TABLE IF EXISTS temp.correlation; DROP TABLE IF EXISTS temp.scope_snapshots;';

/**
 * Correlates the accounts in scope, computes every finding with set-based SQL over temporary
 * tables, and stores the run and its findings (immutable, audited) in one transaction. Between
 * steps it reports progress (steps done of all) and yields, so that a cancel can land: nothing
 * is stored until the last step.
 */
export async function runAnalysis(ws: Workspace, request: AnalysisRequest, ctx: AnalysisContext = {}): Promise<AnalysisResult> {
  const { db } = ws;
  try {
    return await analyse(ws, request, ctx);
  } finally {
    db.exec(SCRATCH);
  }
}

async function analyse(ws: Workspace, request: AnalysisRequest, ctx: AnalysisContext): Promise<AnalysisResult> {
  const { db } = ws;
  const steps = FINDERS.length + 3;
  let done = 0;
  const step = async (): Promise<void> => {
    ctx.onProgress?.({ phase: 'Analysing', done: ++done, total: steps });
    await new Promise((resolve) => setImmediate(resolve));
    if (ctx.signal?.aborted) throw new AttestError('CANCELLED', 'The analysis was cancelled; no run was stored.');
  };
  const parameters: AnalysisParameters = {
    dormantDays: request.dormantDays ?? readSettings(ws).dormantDays,
    outlierPercent: request.outlierPercent ?? DEFAULT_PARAMETERS.outlierPercent,
    minPeers: request.minPeers ?? DEFAULT_PARAMETERS.minPeers,
  };
  db.pragma('temp_store = MEMORY');
  const scope = resolveAnalysisScope(db, request.asOf);
  const correlation = correlateAccounts(db, scope.hr.snapshotId);
  await step();
  let holdings: Holdings | undefined;
  const context: FindingContext = { db, scope, parameters, holdings: () => (holdings ??= loadHoldings(db)) };
  prepareFindingTables(db);
  for (const find of FINDERS) {
    find(context);
    await step();
  }
  findCorrelationQuestions(context, correlation);
  await step();

  const { result: runId } = ws.change(
    request.operator,
    'analysis.run',
    () => {
      const run = db
        .prepare('INSERT INTO analysis_runs (as_of, parameters, hr_snapshot, snapshots, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(scope.asOf, JSON.stringify(parameters), scope.hr.snapshotId, JSON.stringify(scope.snapshots.map(({ snapshotId, system, asOf }) => ({ snapshotId, system, asOf }))), new Date().toISOString(), request.operator);
      const id = Number(run.lastInsertRowid);
      db.prepare(
        `INSERT INTO findings (run_id, ordinal, type, system, account_key, account, employee_id, detail)
         SELECT ?, row_number() OVER (ORDER BY ${TYPE_ORDINAL}, s.system, a.login, a.account_key, f.detail), f.type, s.system, a.account_key, a.login, f.employee_id, f.detail
         FROM temp.found f
         JOIN accounts a ON a.id = f.account_id
         JOIN temp.scope_snapshots s ON s.snapshot_id = a.snapshot_id`,
      ).run(id);
      return id;
    },
    (id) => ({ runId: id, asOf: scope.asOf, parameters, findings: db.prepare('SELECT count(*) FROM findings WHERE run_id = ?').pluck().get(id) }),
  );
  ctx.onProgress?.({ phase: 'Analysing', done: steps, total: steps });
  return { ...readAnalysisRun(db, runId), correlation: { accounts: correlation.accounts, byRule: correlation.byRule } };
}
