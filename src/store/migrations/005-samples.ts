import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * Audit samples. `samples`: one reproducible draw (what it was drawn from, the population's size
 * and SHA-256, the method, seed and size), `sample_items`: the selected members in drawing order.
 * The population kind is not a CHECK: populations are a registry (src/sampling) that later
 * modules extend without a migration. Both tables are immutable, like the evidence they are.
 */
export const samples: Migration = {
  version: 5,
  name: 'samples',
  sql: `
CREATE TABLE samples (
  id                INTEGER PRIMARY KEY,
  population        TEXT NOT NULL,
  parameters        TEXT NOT NULL,
  key_fields        TEXT NOT NULL,
  population_size   INTEGER NOT NULL CHECK (population_size > 0),
  population_sha256 TEXT NOT NULL,
  method            TEXT NOT NULL CHECK (method IN ('simple-random', 'systematic')),
  algorithm         TEXT NOT NULL,
  seed              TEXT NOT NULL,
  seed_source       TEXT NOT NULL CHECK (seed_source IN ('given', 'generated')),
  requested         TEXT NOT NULL,
  size              INTEGER NOT NULL CHECK (size > 0 AND size <= population_size),
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL
) STRICT;

CREATE TABLE sample_items (
  sample_id        INTEGER NOT NULL REFERENCES samples(id),
  position         INTEGER NOT NULL,
  population_index INTEGER NOT NULL,
  item_key         TEXT NOT NULL,
  PRIMARY KEY (sample_id, position)
) STRICT, WITHOUT ROWID;
${immutableTriggers('samples', 'sample_items')}
`,
};
