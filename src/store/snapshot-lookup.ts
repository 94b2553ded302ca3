import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';

/** What a diff or a sample needs to know of a snapshot. */
export interface SnapshotRef {
  id: number;
  systemId: number;
  system: string;
  content: 'identities' | 'access';
  asOf: string;
}

const SELECT_REF = `SELECT s.id, s.system_id AS systemId, y.name AS system, s.content, s.as_of AS asOf
  FROM snapshots s JOIN systems y ON y.id = s.system_id`;

export function findSystemId(db: Database.Database, name: string): number {
  const id = db.prepare('SELECT id FROM systems WHERE name = ?').pluck().get(name) as number | undefined;
  if (id === undefined) {
    const known = db.prepare('SELECT name FROM systems ORDER BY name').pluck().all() as string[];
    throw new AttestError('UNKNOWN_SYSTEM', `There is no system named "${name}" in this workspace${known.length > 0 ? ` (systems: ${known.join(', ')})` : ''}. Check the name with "attest snapshots".`);
  }
  return id;
}

export function getSnapshot(db: Database.Database, id: number): SnapshotRef {
  const ref = db.prepare(`${SELECT_REF} WHERE s.id = ?`).get(id) as SnapshotRef | undefined;
  if (ref === undefined) throw new AttestError('UNKNOWN_SNAPSHOT', `There is no snapshot #${id}. List the snapshots with "attest snapshots".`);
  return ref;
}

/**
 * A system's snapshots of one content kind, newest first, in the order `latest_snapshots` uses
 * (as-of date, then import order). `before` keeps those older than that snapshot.
 */
export function snapshotsOf(db: Database.Database, systemId: number, content: SnapshotRef['content'] | null, options: { before?: SnapshotRef; limit?: number } = {}): SnapshotRef[] {
  const before = options.before;
  return db
    .prepare(
      `${SELECT_REF} WHERE s.system_id = ? AND (? IS NULL OR s.content = ?)
         AND (? IS NULL OR s.as_of < ? OR (s.as_of = ? AND s.id < ?))
       ORDER BY s.as_of DESC, s.id DESC LIMIT ?`,
    )
    .all(systemId, content, content, before?.asOf ?? null, before?.asOf ?? null, before?.asOf ?? null, before?.id ?? null, options.limit ?? -1) as SnapshotRef[];
}
