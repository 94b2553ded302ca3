import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';

/** What one analysis looks at: the HR roster and each system's latest snapshot, as of a date. */
export interface AnalysisScope {
  asOf: string;
  /** The latest HR snapshot as of the date, and the one before it (same system) for movers. */
  hr: { snapshotId: number; asOf: string; previousId: number | null; previousAsOf: string | null };
  snapshots: { snapshotId: number; system: string; asOf: string; previousId: number | null }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The newest snapshot date in the workspace: the default analysis date. */
function newestSnapshotDay(db: Database.Database): string | null {
  return (db.prepare('SELECT max(substr(as_of, 1, 10)) FROM snapshots').pluck().get() as string | null) ?? null;
}

/** `temp.scope_snapshots`: the access snapshots a run looks at, one per system (what correlation and the findings join). */
export function createScopeTable(db: Database.Database): void {
  db.exec(`DROP TABLE IF EXISTS temp.scope_snapshots;
    CREATE TEMP TABLE scope_snapshots (snapshot_id INTEGER PRIMARY KEY, system_id INTEGER NOT NULL, system TEXT NOT NULL, day TEXT NOT NULL, previous_id INTEGER, has_activity INTEGER NOT NULL);`);
}

/**
 * Resolves the scope and lays it out in `temp.scope_snapshots` (one row per system in scope) for
 * the set-based finding queries. A snapshot's date is its as-of day; later snapshots are ignored.
 */
export function resolveAnalysisScope(db: Database.Database, requestedAsOf: string | undefined): AnalysisScope {
  if (requestedAsOf !== undefined && !DAY.test(requestedAsOf)) throw new AttestError('USAGE', `--as-of takes a date as YYYY-MM-DD, not "${requestedAsOf}".`);
  const asOf = requestedAsOf ?? newestSnapshotDay(db);
  if (asOf === null) throw new AttestError('NO_HR_SNAPSHOT', 'The workspace holds no snapshots yet. Import the HR roster ("attest import FILE --profile hr") and each system, then analyze.');
  const hrRows = db
    .prepare(
      `SELECT id, system_id AS systemId, substr(as_of, 1, 10) AS day FROM snapshots WHERE content = 'identities' AND substr(as_of, 1, 10) <= ?
       ORDER BY as_of DESC, id DESC`,
    )
    .all(asOf) as { id: number; systemId: number; day: string }[];
  const latestHr = hrRows[0];
  if (!latestHr) throw new AttestError('NO_HR_SNAPSHOT', `No HR roster was imported as of ${asOf}. Import one ("attest import FILE --profile hr") or choose a later --as-of.`);
  const previousHr = hrRows.find((r) => r.systemId === latestHr.systemId && r.id !== latestHr.id) ?? null;

  createScopeTable(db);
  db.prepare(
    `WITH ranked AS (
       SELECT s.id, s.system_id, substr(s.as_of, 1, 10) AS day,
              row_number() OVER (PARTITION BY s.system_id ORDER BY s.as_of DESC, s.id DESC) AS n,
              lead(s.id) OVER (PARTITION BY s.system_id ORDER BY s.as_of DESC, s.id DESC) AS previous_id
       FROM snapshots s WHERE s.content = 'access' AND substr(s.as_of, 1, 10) <= ?)
     INSERT INTO temp.scope_snapshots
     SELECT r.id, r.system_id, y.name, r.day, r.previous_id,
            EXISTS (SELECT 1 FROM accounts a WHERE a.snapshot_id = r.id AND a.last_login IS NOT NULL)
     FROM ranked r JOIN systems y ON y.id = r.system_id WHERE r.n = 1`,
  ).run(asOf);
  const snapshots = db
    .prepare('SELECT snapshot_id AS snapshotId, system, day AS asOf, previous_id AS previousId FROM temp.scope_snapshots ORDER BY system')
    .all() as AnalysisScope['snapshots'];
  return {
    asOf,
    hr: { snapshotId: latestHr.id, asOf: latestHr.day, previousId: previousHr?.id ?? null, previousAsOf: previousHr?.day ?? null },
    snapshots,
  };
}
