import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * Identity analytics. `account_decisions`: what a person decided about an account, keyed by
 * system + account_key so that it holds for every snapshot, past and future (a manual link, an
 * unlink, "service account owned by", "shared account"); one decision per account, the latest
 * replaces the one before (each change is in the audit trail). `analysis_runs` and `findings`:
 * each `attest analyze` as it was computed, immutable, so later evidence can cite a run.
 */
export const analytics: Migration = {
  version: 6,
  name: 'analytics',
  sql: `
CREATE TABLE account_decisions (
  system_id   INTEGER NOT NULL REFERENCES systems(id),
  account_key TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('link', 'unlink', 'service', 'shared')),
  -- link: the identity; service: its owner; unlink and shared: none.
  employee_id TEXT CHECK ((decision IN ('link', 'service')) = (employee_id IS NOT NULL)),
  decided_at  TEXT NOT NULL,
  decided_by  TEXT NOT NULL,
  PRIMARY KEY (system_id, account_key)
) STRICT;

CREATE TABLE analysis_runs (
  id           INTEGER PRIMARY KEY,
  as_of        TEXT NOT NULL,
  parameters   TEXT NOT NULL,
  hr_snapshot  INTEGER REFERENCES snapshots(id),
  snapshots    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
) STRICT;

CREATE TABLE findings (
  run_id      INTEGER NOT NULL REFERENCES analysis_runs(id),
  ordinal     INTEGER NOT NULL,
  type        TEXT NOT NULL,
  system      TEXT NOT NULL,
  account_key TEXT NOT NULL,
  account     TEXT NOT NULL,
  employee_id TEXT,
  detail      TEXT NOT NULL,
  PRIMARY KEY (run_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX findings_type ON findings(run_id, type);
${immutableTriggers('analysis_runs', 'findings')}
`,
};
