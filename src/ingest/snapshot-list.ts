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
  sources: { fileName: string; sha256: string; sizeBytes: number; profile: string; encoding: string | null; search: SourceSearch | null; details: SourceDetails | null }[];
  evidence: { fileName: string; sha256: string; sizeBytes: number; mediaType: string }[];
}

/** The directory search a live pull's source ran (src/connectors/ldap). */
export interface SourceSearch {
  server: string;
  bindDn: string | null;
  base: string;
  scope: string;
  filter: string;
  pageSize: number;
  entries: number;
  nestedGroups: boolean;
}

interface SourceRow {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  profile: string;
  encoding: string | null;
  details: string | null;
  server: string | null;
  bindDn: string | null;
  base: string;
  scope: string;
  filter: string;
  pageSize: number;
  entries: number;
  nestedGroups: number;
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
  const sources = db.prepare(`SELECT s.file_name AS fileName, s.sha256, s.size_bytes AS sizeBytes, s.profile, s.encoding, s.details, q.server, q.bind_dn AS bindDn, q.base,
    q.scope, q.filter, q.page_size AS pageSize, q.entries, q.nested_groups AS nestedGroups
    FROM snapshot_sources s LEFT JOIN source_searches q ON q.source_id = s.id WHERE s.snapshot_id = ? ORDER BY s.ordinal`);
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
    sources: (sources.all(r.id) as SourceRow[]).map(({ fileName, sha256, sizeBytes, profile, encoding, details, server, bindDn, base, scope, filter, pageSize, entries, nestedGroups }) => ({
      fileName, sha256, sizeBytes, profile, encoding,
      search: server === null ? null : { server, bindDn, base, scope, filter, pageSize, entries, nestedGroups: nestedGroups === 1 },
      details: details === null ? null : (JSON.parse(details) as SourceDetails),
    })),
    evidence: evidence.all(r.id) as SnapshotSummary['evidence'],
  }));
}
