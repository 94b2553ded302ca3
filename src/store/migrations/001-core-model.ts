import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * The core model: systems, immutable snapshots with provenance, what each snapshot holds
 * (identities, or accounts + entitlements + grants), rejected rows, attachments, the audit log.
 * Rows of a snapshot are written once, in the import's transaction, and never changed:
 * triggers refuse UPDATE and DELETE on every table an auditor relies on.
 */
export const coreModel: Migration = {
  version: 1,
  name: 'core-model',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE systems (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind        TEXT NOT NULL DEFAULT 'application' CHECK (kind IN ('hr', 'application', 'directory', 'cloud')),
  owner       TEXT,
  description TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE snapshots (
  id             INTEGER PRIMARY KEY,
  system_id      INTEGER NOT NULL REFERENCES systems(id),
  content        TEXT NOT NULL CHECK (content IN ('identities', 'access')),
  profile        TEXT NOT NULL,
  mapping        TEXT,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  as_of          TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL,
  rows_read      INTEGER NOT NULL,
  rows_imported  INTEGER NOT NULL,
  rows_rejected  INTEGER NOT NULL
) STRICT;
CREATE INDEX snapshots_system ON snapshots(system_id, as_of);

-- One row per file a snapshot was built from (AWS: credential report + authorization details).
CREATE TABLE snapshot_sources (
  id          INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  ordinal     INTEGER NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL,
  profile     TEXT NOT NULL,
  encoding    TEXT,
  UNIQUE (snapshot_id, ordinal)
) STRICT;

CREATE TABLE rejected_rows (
  id          INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  source_id   INTEGER REFERENCES snapshot_sources(id),
  line        INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  raw         TEXT
) STRICT;
CREATE INDEX rejected_rows_snapshot ON rejected_rows(snapshot_id);

-- People from the authoritative source (HR roster), as of one snapshot.
CREATE TABLE identities (
  id                  INTEGER PRIMARY KEY,
  snapshot_id         INTEGER NOT NULL REFERENCES snapshots(id),
  employee_id         TEXT NOT NULL,
  first_name          TEXT,
  last_name           TEXT,
  display_name        TEXT,
  email               TEXT,
  email_key           TEXT,
  manager_employee_id TEXT,
  manager_email       TEXT,
  department          TEXT,
  title               TEXT,
  location            TEXT,
  employment_type     TEXT,
  status              TEXT NOT NULL CHECK (status IN ('active', 'leave', 'terminated')),
  hire_date           TEXT,
  termination_date    TEXT,
  UNIQUE (snapshot_id, employee_id)
) STRICT;
CREATE INDEX identities_email ON identities(email_key);

-- An account in one system as one snapshot saw it.
CREATE TABLE accounts (
  id           INTEGER PRIMARY KEY,
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id),
  account_key  TEXT NOT NULL,
  login        TEXT NOT NULL,
  email        TEXT,
  email_key    TEXT,
  display_name TEXT,
  employee_id  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('enabled', 'disabled')),
  account_type TEXT NOT NULL DEFAULT 'human' CHECK (account_type IN ('human', 'service', 'shared', 'external')),
  privileged   INTEGER NOT NULL DEFAULT 0 CHECK (privileged IN (0, 1)),
  mfa          INTEGER CHECK (mfa IN (0, 1)),
  created_on   TEXT,
  last_login   TEXT,
  attributes   TEXT,
  UNIQUE (snapshot_id, account_key)
) STRICT;
CREATE INDEX accounts_email ON accounts(email_key);
CREATE INDEX accounts_employee ON accounts(employee_id);

CREATE TABLE entitlements (
  id              INTEGER PRIMARY KEY,
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id),
  entitlement_key TEXT NOT NULL,
  name            TEXT NOT NULL,
  type            TEXT NOT NULL DEFAULT 'role',
  description     TEXT,
  privileged      INTEGER NOT NULL DEFAULT 0 CHECK (privileged IN (0, 1)),
  UNIQUE (snapshot_id, entitlement_key)
) STRICT;

-- Who holds what, per snapshot, as integer ids (4x smaller than a flat table, faster to load).
CREATE TABLE grants (
  snapshot_id    INTEGER NOT NULL,
  account_id     INTEGER NOT NULL,
  entitlement_id INTEGER NOT NULL,
  via            TEXT,
  PRIMARY KEY (snapshot_id, account_id, entitlement_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX grants_entitlement ON grants(snapshot_id, entitlement_id);

-- Extraction evidence and other files kept inside the encrypted workspace.
CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  snapshot_id INTEGER REFERENCES snapshots(id),
  file_name   TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL,
  content     BLOB NOT NULL,
  note        TEXT,
  added_at    TEXT NOT NULL,
  added_by    TEXT NOT NULL
) STRICT;

CREATE TABLE audit_events (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;

-- The newest snapshot of each system and content kind: "the current picture".
CREATE VIEW latest_snapshots AS
  SELECT s.* FROM snapshots s
  WHERE s.id = (SELECT s2.id FROM snapshots s2
                WHERE s2.system_id = s.system_id AND s2.content = s.content
                ORDER BY s2.as_of DESC, s2.id DESC LIMIT 1);
${immutableTriggers('snapshots', 'snapshot_sources', 'rejected_rows', 'identities', 'accounts', 'entitlements', 'grants', 'attachments', 'audit_events')}
`,
};
