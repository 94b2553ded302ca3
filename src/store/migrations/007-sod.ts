import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * Segregation of duties. The rule set (`sod_rules`, `sod_sides`, `sod_matchers`) is the current
 * one and changes by import (a rule id imported again replaces its sides); mitigating controls
 * change by `sod mitigate`. What an auditor relies on is immutable: exceptions as granted, each
 * run, its violations and their evidence (the exact grants, or accounts with a finding, per side).
 * Violations name rules by their id text, so a later rule-set change leaves past runs whole.
 */
export const sod: Migration = {
  version: 7,
  name: 'sod',
  sql: `
-- Who owns each account (src/sod/account-owners.ts) is read from these covering indexes, not the wide rows.
CREATE INDEX accounts_owner_keys ON accounts(snapshot_id, status, employee_id, email_key);
CREATE INDEX identities_snapshot_email ON identities(snapshot_id, email_key);

CREATE TABLE sod_rules (
  id               INTEGER PRIMARY KEY,
  rule_key         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name             TEXT NOT NULL,
  description      TEXT,
  risk             TEXT NOT NULL CHECK (risk IN ('critical', 'high', 'medium', 'low')),
  business_process TEXT,
  source           TEXT NOT NULL,
  imported_at      TEXT NOT NULL,
  imported_by      TEXT NOT NULL
) STRICT;

CREATE TABLE sod_sides (
  id      INTEGER PRIMARY KEY,
  rule_id INTEGER NOT NULL REFERENCES sod_rules(id) ON DELETE CASCADE,
  label   TEXT NOT NULL,
  UNIQUE (rule_id, label)
) STRICT;

-- One matcher of a side; matchers sharing an alternative must all hold ("all of").
CREATE TABLE sod_matchers (
  id          INTEGER PRIMARY KEY,
  side_id     INTEGER NOT NULL REFERENCES sod_sides(id) ON DELETE CASCADE,
  alternative INTEGER NOT NULL,
  group_label TEXT,
  kind        TEXT NOT NULL CHECK (kind IN ('entitlement', 'finding')),
  system      TEXT,
  entitlement TEXT,
  finding     TEXT,
  CHECK ((kind = 'entitlement' AND system IS NOT NULL AND entitlement IS NOT NULL AND finding IS NULL)
      OR (kind = 'finding' AND entitlement IS NULL AND finding IS NOT NULL))
) STRICT;
CREATE INDEX sod_matchers_side ON sod_matchers(side_id);

CREATE TABLE sod_controls (
  id          INTEGER PRIMARY KEY,
  control_key TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL,
  owner       TEXT,
  frequency   TEXT,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
) STRICT;

-- A control attached to a whole rule (owner_key NULL) or to one violation (the rule and its owner).
CREATE TABLE sod_mitigations (
  id         INTEGER PRIMARY KEY,
  control_id INTEGER NOT NULL REFERENCES sod_controls(id),
  rule_key   TEXT NOT NULL COLLATE NOCASE,
  owner_key  TEXT,
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sod_mitigations_once ON sod_mitigations(control_id, rule_key, ifnull(owner_key, ''));

CREATE TABLE sod_exceptions (
  id            INTEGER PRIMARY KEY,
  rule_key      TEXT NOT NULL COLLATE NOCASE,
  owner_key     TEXT NOT NULL,
  approver      TEXT NOT NULL,
  justification TEXT NOT NULL,
  starts_on     TEXT NOT NULL,
  ends_on       TEXT NOT NULL,
  granted_at    TEXT NOT NULL,
  granted_by    TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
) STRICT;
CREATE INDEX sod_exceptions_owner ON sod_exceptions(rule_key, owner_key);

CREATE TABLE sod_runs (
  id        INTEGER PRIMARY KEY,
  as_of     TEXT NOT NULL,
  run_at    TEXT NOT NULL,
  run_by    TEXT NOT NULL,
  rules     INTEGER NOT NULL,
  owners    INTEGER NOT NULL,
  grants    INTEGER NOT NULL,
  snapshots TEXT NOT NULL
) STRICT;

-- owner_key: 'identity:<employee id>' or 'account:<system id>:<account key>'.
CREATE TABLE sod_violations (
  id           INTEGER PRIMARY KEY,
  run_id       INTEGER NOT NULL REFERENCES sod_runs(id),
  rule_key     TEXT NOT NULL,
  owner_key    TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'mitigated', 'excepted')),
  controls     TEXT,
  exception_id INTEGER REFERENCES sod_exceptions(id),
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  UNIQUE (run_id, rule_key, owner_key)
) STRICT;
CREATE INDEX sod_violations_key ON sod_violations(rule_key, owner_key, run_id);

-- What satisfies each side: a grant (entitlement_id set) or an account with a finding (finding set).
CREATE TABLE sod_evidence (
  violation_id   INTEGER NOT NULL REFERENCES sod_violations(id),
  side           TEXT NOT NULL,
  snapshot_id    INTEGER NOT NULL,
  account_id     INTEGER NOT NULL,
  entitlement_id INTEGER,
  finding        TEXT,
  CHECK ((entitlement_id IS NULL) <> (finding IS NULL))
) STRICT;
CREATE INDEX sod_evidence_violation ON sod_evidence(violation_id);
${immutableTriggers('sod_exceptions', 'sod_runs', 'sod_violations', 'sod_evidence')}
`,
};
