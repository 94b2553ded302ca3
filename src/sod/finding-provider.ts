import type Database from 'better-sqlite3-multiple-ciphers';
import type { SodFindingType } from './rule-model.js';

/** An account in the picture that carries a finding (privileged, leaver…). */
export interface AccountFinding {
  accountId: number;
  snapshotId: number;
  finding: SodFindingType;
}

/** Where finding-type rule sides get their facts. */
export interface FindingProvider {
  findingsFor(snapshotIds: readonly number[]): Iterable<AccountFinding>;
  /** Which stored analysis run answered, if any (for the run's warnings). */
  readonly source: { runId: number; asOf: string } | null;
}

export const NO_FINDINGS: FindingProvider = { findingsFor: () => [], source: null };

/** The analysis's finding types (src/identity/findings/finding-types.ts) by the names SoD rules use. */
const ANALYSIS_TYPE: Record<SodFindingType, string> = { privileged: 'privileged', leaver: 'leaver', orphan: 'orphan', dormant: 'dormant', noMfa: 'no-mfa', service: 'service' };

/**
 * The findings of the newest stored analysis run as of `asOf` (any, when null), matched to the
 * picture's accounts by system and account key. No run: nothing holds a finding side (the SoD
 * run says so in its warnings).
 */
export function storedFindings(db: Database.Database, asOf: string | null): FindingProvider {
  const run = db
    .prepare('SELECT id AS runId, as_of AS asOf FROM analysis_runs WHERE ? IS NULL OR as_of <= ? ORDER BY as_of DESC, id DESC LIMIT 1')
    .get(asOf, asOf) as { runId: number; asOf: string } | undefined;
  if (!run) return NO_FINDINGS;
  const byAnalysisType = new Map(Object.entries(ANALYSIS_TYPE).map(([sod, analysis]) => [analysis, sod as SodFindingType]));
  return {
    source: run,
    findingsFor: (snapshotIds) =>
      (
        db
          .prepare(
            `SELECT a.id, a.snapshot_id, f.type FROM findings f
             JOIN systems y ON y.name = f.system
             JOIN snapshots s ON s.system_id = y.id AND s.id IN (SELECT value FROM json_each(?))
             JOIN accounts a ON a.snapshot_id = s.id AND a.account_key = f.account_key
             WHERE f.run_id = ? AND f.type IN (SELECT value FROM json_each(?))`,
          )
          .raw()
          .all(JSON.stringify(snapshotIds), run.runId, JSON.stringify([...byAnalysisType.keys()])) as [number, number, string][]
      ).map(([accountId, snapshotId, type]) => ({ accountId, snapshotId, finding: byAnalysisType.get(type) as SodFindingType })),
  };
}
