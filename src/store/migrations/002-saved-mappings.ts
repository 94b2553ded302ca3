import type { Migration } from './migration.js';

/** A column mapping used for a system is kept, and offered again on its next import. */
export const savedMappings: Migration = {
  version: 2,
  name: 'saved-mappings',
  sql: `
CREATE TABLE saved_mappings (
  system_id INTEGER NOT NULL REFERENCES systems(id),
  profile   TEXT NOT NULL,
  mapping   TEXT NOT NULL,
  saved_at  TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  PRIMARY KEY (system_id, profile)
) STRICT;
`,
};
