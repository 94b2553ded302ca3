import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * Live connectors. `saved_connections`: a connection the user asked to keep (`--save-connection`),
 * its settings and its secret, which exist only here, inside the encrypted workspace.
 * `source_searches`: for a snapshot source that is a directory search rather than a file, the
 * search itself (server, bind DN, base, scope, filter), immutable like the source it describes.
 */
export const connections: Migration = {
  version: 4,
  name: 'connections',
  sql: `
CREATE TABLE saved_connections (
  name      TEXT PRIMARY KEY COLLATE NOCASE,
  kind      TEXT NOT NULL CHECK (kind IN ('ldap')),
  settings  TEXT NOT NULL,
  secret    TEXT,
  saved_at  TEXT NOT NULL,
  saved_by  TEXT NOT NULL
) STRICT;

CREATE TABLE source_searches (
  source_id     INTEGER PRIMARY KEY REFERENCES snapshot_sources(id),
  server        TEXT NOT NULL,
  bind_dn       TEXT,
  base          TEXT NOT NULL,
  scope         TEXT NOT NULL,
  filter        TEXT NOT NULL,
  page_size     INTEGER NOT NULL,
  entries       INTEGER NOT NULL,
  nested_groups INTEGER NOT NULL CHECK (nested_groups IN (0, 1))
) STRICT;
${immutableTriggers('source_searches')}
`,
};
