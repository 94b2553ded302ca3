import { AttestError } from '../errors.js';
import type { PopulationKind } from './population.js';

/**
 * The findings of a stored analysis run (the newest unless `runId` names one), optionally of one
 * type: what an auditor samples to test that findings were followed up. Keyed by type, system
 * and account (one finding per account and type).
 */
export const FINDINGS_POPULATION: PopulationKind = {
  name: 'findings',
  description: 'The findings of an analysis run (the newest, or --run ID), optionally of one --finding-type',
  keyFields: ['type', 'system', 'account'],
  load: (db, request) => {
    const runId = request.runId ?? (db.prepare('SELECT max(id) FROM analysis_runs').pluck().get() as number | null);
    if (runId === null) throw new AttestError('EMPTY_POPULATION', 'No analysis has been run, so there are no findings to sample. Run "attest analyze" first.');
    const run = db.prepare('SELECT id, as_of AS asOf FROM analysis_runs WHERE id = ?').get(runId) as { id: number; asOf: string } | undefined;
    if (!run) throw new AttestError('UNKNOWN_RUN', `There is no analysis run #${runId}. List the runs' findings with "attest findings".`);
    const type = request.findingType ?? null;
    const members = db
      .prepare('SELECT type, system, account_key FROM findings WHERE run_id = ? AND (? IS NULL OR type = ?) ORDER BY 1, 2, 3')
      .raw()
      .all(run.id, type, type) as string[][];
    const parameters: Record<string, string | number> = { runId: run.id };
    if (type !== null) parameters.findingType = type;
    return {
      parameters,
      described: `the ${type === null ? '' : `${type} `}findings of analysis run #${run.id} (as of ${run.asOf})`,
      members,
    };
  },
};
