import type Database from 'better-sqlite3-multiple-ciphers';
import { countFindings } from '../identity/stored-findings.js';
import { countByRisk, newestSodRun, type RiskCounts, type SodRunHead } from '../sod/stored-violations.js';
import { summarizeWorkspace, type WorkspaceCounts } from '../store/workspace-summary.js';

export interface SystemStatus {
  system: string;
  kind: string;
  snapshots: number;
  latest: { id: number; content: string; asOf: string; importedAt: string; rowsImported: number; rowsRejected: number; complete: boolean } | null;
  /** Whole days from the newest snapshot's as-of date to today. */
  ageDays: number | null;
  stale: boolean;
}

export interface DashboardSummary {
  counts: WorkspaceCounts;
  staleDays: number;
  systems: SystemStatus[];
  findings: { runId: number; asOf: string; createdAt: string; counts: Record<string, number> } | null;
  sod: (SodRunHead & { byRisk: RiskCounts }) | null;
}

const DAY_MS = 86_400_000;

/** What the dashboard shows, in a handful of aggregate queries (nothing grows with the population but the counts). */
export function dashboardSummary(db: Database.Database, options: { staleDays: number; today?: Date }): DashboardSummary {
  const today = options.today ?? new Date();
  const rows = db
    .prepare(
      `SELECT sy.name AS system, sy.kind, (SELECT count(*) FROM snapshots x WHERE x.system_id = sy.id) AS snapshots,
              s.id, s.content, s.as_of AS asOf, s.imported_at AS importedAt, s.rows_imported AS rowsImported, s.rows_rejected AS rowsRejected,
              s.complete
       FROM systems sy LEFT JOIN snapshots s ON s.id = (SELECT id FROM snapshots x WHERE x.system_id = sy.id ORDER BY x.as_of DESC, x.id DESC LIMIT 1)
       ORDER BY sy.name COLLATE NOCASE`,
    )
    .all() as ({ system: string; kind: string; snapshots: number; id: number | null; complete: number } & Omit<NonNullable<SystemStatus['latest']>, 'id' | 'complete'>)[];
  const systems = rows.map(({ system, kind, snapshots, id, complete, ...latest }): SystemStatus => {
    if (id === null) return { system, kind, snapshots, latest: null, ageDays: null, stale: true };
    const asOf = Date.parse(`${latest.asOf.slice(0, 10)}T00:00:00Z`);
    const ageDays = Number.isNaN(asOf) ? null : Math.max(0, Math.floor((today.getTime() - asOf) / DAY_MS));
    return { system, kind, snapshots, latest: { id, ...latest, complete: complete === 1 }, ageDays, stale: ageDays !== null && ageDays > options.staleDays };
  });
  const run = db.prepare('SELECT id AS runId, as_of AS asOf, created_at AS createdAt FROM analysis_runs ORDER BY id DESC LIMIT 1').get() as
    | { runId: number; asOf: string; createdAt: string }
    | undefined;
  const sodRun = newestSodRun(db);
  return {
    counts: summarizeWorkspace(db),
    staleDays: options.staleDays,
    systems,
    findings: run ? { ...run, counts: countFindings(db, run.runId) } : null,
    sod: sodRun ? { ...sodRun, byRisk: countByRisk(db, sodRun.runId) } : null,
  };
}
