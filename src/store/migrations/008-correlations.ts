import type { Migration } from './migration.js';

/**
 * Correlation kept per snapshot (src/identity/correlation-store.ts). Which identity of an HR
 * snapshot each account of an access snapshot belongs to depends only on those two immutable
 * snapshots and on the account decisions of the system, so it is computed once (at import, or
 * on first use) and read by analysis, SoD and campaigns instead of being recomputed per run.
 * `correlation_sets` says which (HR snapshot, access snapshot) pairs are computed; an account
 * decision forgets its system's pairs. Derived data: rebuilt on demand, not evidence.
 */
export const correlations: Migration = {
  version: 8,
  name: 'correlations',
  sql: `
CREATE TABLE correlation_sets (
  hr_snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id),
  computed_at    TEXT NOT NULL,
  PRIMARY KEY (hr_snapshot_id, snapshot_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE account_correlations (
  hr_snapshot_id INTEGER NOT NULL,
  snapshot_id    INTEGER NOT NULL,
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  identity_id    INTEGER REFERENCES identities(id),
  -- The rule that decided (see CorrelationRule), or NULL when none did.
  rule           TEXT,
  category       TEXT NOT NULL CHECK (category IN ('person', 'service', 'shared')),
  -- What a person should decide, as JSON: ambiguous → {"rule", "employeeIds"}; a name suggestion → {"employeeId"}.
  question       TEXT,
  -- The account's status = 'enabled', kept here so that SoD reads owners without the wide account rows.
  enabled        INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  PRIMARY KEY (hr_snapshot_id, snapshot_id, account_id)
) STRICT, WITHOUT ROWID;
`,
};
