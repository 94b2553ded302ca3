import type Database from 'better-sqlite3-multiple-ciphers';
import type { SourceDetails } from './profile.js';

export interface SnapshotSummary {
  id: number;
  system: string;
  content: string;
  profile: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  asOf: string;
  importedAt: string;
  importedBy: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  complete: boolean;
  sources: { fileName: string; sha256: string; sizeBytes: number; profile: string; encoding: string | null; details: SourceDetails | null }[];
  evidence: { fileName: string; sha256: string; sizeBytes: number; mediaType: string }[];
}

interface SnapshotRow {
  id: number;
  system: string;
  content: string;
  profile: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  as_of: string;
  imported_at: string;
  imported_by: string;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  complete: number;
}

/** Every snapshot with its provenance, newest first; optionally of one system. */
export function listSnapshots(db: Database.Database, system?: string): SnapshotSummary[] {
  const rows = db
    .prepare(`SELECT s.*, y.name AS system FROM snapshots s JOIN systems y ON y.id = s.system_id
      WHERE (? IS NULL OR y.name = ?) ORDER BY s.id DESC`)
    .all(system ?? null, system ?? null) as SnapshotRow[];
  const sources = db.prepare('SELECT file_name AS fileName, sha256, size_bytes AS sizeBytes, profile, encoding, details FROM snapshot_sources WHERE snapshot_id = ? ORDER BY ordinal');
  const evidence = db.prepare('SELECT file_name AS fileName, sha256, size_bytes AS sizeBytes, media_type AS mediaType FROM attachments WHERE snapshot_id = ? ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    system: r.system,
    content: r.content,
    profile: r.profile,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    asOf: r.as_of,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    rowsRead: r.rows_read,
    rowsImported: r.rows_imported,
    rowsRejected: r.rows_rejected,
    complete: r.complete === 1,
    sources: (sources.all(r.id) as (Omit<SnapshotSummary['sources'][number], 'details'> & { details: string | null })[]).map((s) => ({
      ...s,
      details: s.details === null ? null : (JSON.parse(s.details) as SourceDetails),
    })),
    evidence: evidence.all(r.id) as SnapshotSummary['evidence'],
  }));
}
