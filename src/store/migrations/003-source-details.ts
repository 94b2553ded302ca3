import type { Migration } from './migration.js';

/**
 * Provenance that is more than a file: a sync file's sync (id, times, counts) or a live pull's
 * server and search bases, as JSON on the source; and a snapshot whose population may be
 * incomplete (an unfinished sync imported on request) says so.
 */
export const sourceDetails: Migration = {
  version: 3,
  name: 'source-details',
  sql: `
ALTER TABLE snapshot_sources ADD COLUMN details TEXT;
ALTER TABLE snapshots ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1));
`,
};
