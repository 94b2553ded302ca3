import type Database from 'better-sqlite3-multiple-ciphers';
import { currentPicture } from '../sod/current-picture.js';
import { Correlator } from './correlation-rules.js';

/**
 * The correlation kept per (HR snapshot, access snapshot) pair in `account_correlations`
 * (migration 008): both snapshots are immutable, so a pair is computed once and stays right
 * until an account decision of its system changes (forgetSystemCorrelations).
 */

const CHUNK = 50_000;

/** Computes and stores the pairs of `snapshotIds` with the HR snapshot that are not stored yet. */
export function ensureCorrelations(db: Database.Database, hrSnapshotId: number, snapshotIds: readonly number[]): void {
  const stored = new Set(db.prepare('SELECT snapshot_id FROM correlation_sets WHERE hr_snapshot_id = ?').pluck().all(hrSnapshotId) as number[]);
  const missing = [...new Set(snapshotIds)].filter((id) => !stored.has(id));
  if (missing.length === 0) return;
  // One statement per chunk through json_each: far cheaper than a prepared insert per row.
  const insert = db.prepare(
    `INSERT INTO account_correlations (hr_snapshot_id, snapshot_id, account_id, identity_id, rule, category, question, enabled)
     SELECT ?, ?, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, CASE WHEN j.value ->> 4 IS NOT NULL THEN j.value -> 4 END, a.status = 'enabled'
     FROM json_each(?) j JOIN accounts a ON a.id = j.value ->> 0`,
  );
  const markDone = db.prepare('INSERT INTO correlation_sets (hr_snapshot_id, snapshot_id, computed_at) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  const correlator = new Correlator(db, hrSnapshotId);
  db.transaction(() => {
    for (const snapshotId of missing) {
      for (const chunk of chunked(correlator.snapshot(snapshotId))) insert.run(hrSnapshotId, snapshotId, JSON.stringify(chunk));
      markDone.run(hrSnapshotId, snapshotId, now);
    }
  })();
}

function chunked<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  return chunks;
}

/** Correlates the current picture (newest HR snapshot × each system's newest access snapshot): what an import leaves ready. */
export function correlateCurrentPicture(db: Database.Database): void {
  const picture = currentPicture(db, null);
  if (picture.hr && picture.access.length > 0) ensureCorrelations(db, picture.hr.id, picture.access.map((s) => s.id));
}

/** Forgets every stored pair of a system's snapshots: its account decisions changed. */
export function forgetSystemCorrelations(db: Database.Database, systemId: number): void {
  db.prepare('DELETE FROM account_correlations WHERE snapshot_id IN (SELECT id FROM snapshots WHERE system_id = ?)').run(systemId);
  db.prepare('DELETE FROM correlation_sets WHERE snapshot_id IN (SELECT id FROM snapshots WHERE system_id = ?)').run(systemId);
}
