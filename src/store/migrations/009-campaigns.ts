import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * Certification campaigns (docs/campaigns.md). A campaign as created is immutable (its scope,
 * stages and options are what the evidence cites); its state follows from the rows that exist:
 * a launch row (the frozen population, its hash and reconciliation) and a closure row. Items,
 * their reviewers per stage and every decision are append-only: a changed decision, a
 * reassignment or a no-response default is a new row that supersedes the one before.
 * Owners (who reviews a system, or entitlements matching a pattern) change with the workspace.
 */
export const campaigns: Migration = {
  version: 9,
  name: 'campaigns',
  sql: `
CREATE TABLE review_owners (
  id          INTEGER PRIMARY KEY,
  system      TEXT NOT NULL COLLATE NOCASE,
  -- NULL: the system's owner; else an entitlement name or key, exact or a glob with '*'.
  entitlement TEXT COLLATE NOCASE,
  reviewer    TEXT NOT NULL,
  set_at      TEXT NOT NULL,
  set_by      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX review_owners_once ON review_owners(system, ifnull(entitlement, ''));

CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('manager', 'owner', 'entitlement-owner', 'privileged')),
  scope       TEXT NOT NULL,
  stages      TEXT NOT NULL,
  options     TEXT NOT NULL,
  due_on      TEXT,
  fallback    TEXT,
  -- The per-campaign HMAC key of its reviewer workbooks (hex); never leaves the workspace.
  hmac_key    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
) STRICT;

CREATE TABLE campaign_launches (
  campaign_id       INTEGER PRIMARY KEY REFERENCES campaigns(id),
  launched_at       TEXT NOT NULL,
  launched_by       TEXT NOT NULL,
  hr_snapshot_id    INTEGER REFERENCES snapshots(id),
  items             INTEGER NOT NULL,
  population_sha256 TEXT NOT NULL,
  warnings          TEXT NOT NULL
) STRICT;

-- Completeness per system: grants in the snapshot = items + excluded by scope.
CREATE TABLE campaign_reconciliation (
  campaign_id     INTEGER NOT NULL REFERENCES campaigns(id),
  system          TEXT NOT NULL,
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id),
  snapshot_sha256 TEXT NOT NULL,
  snapshot_as_of  TEXT NOT NULL,
  grants          INTEGER NOT NULL,
  items           INTEGER NOT NULL,
  excluded        INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, system)
) STRICT;

-- One frozen grant under review, with a copy of its context as it was at launch.
CREATE TABLE campaign_items (
  id                   INTEGER PRIMARY KEY,
  campaign_id          INTEGER NOT NULL REFERENCES campaigns(id),
  ordinal              INTEGER NOT NULL,
  system               TEXT NOT NULL,
  snapshot_id          INTEGER NOT NULL,
  account_key          TEXT NOT NULL,
  account              TEXT NOT NULL,
  account_status       TEXT NOT NULL,
  account_type         TEXT NOT NULL,
  last_login           TEXT,
  entitlement_key      TEXT NOT NULL,
  entitlement          TEXT NOT NULL,
  entitlement_description TEXT,
  privileged           INTEGER NOT NULL,
  employee_id          TEXT,
  identity_name        TEXT,
  identity_email       TEXT,
  identity_title       TEXT,
  identity_department  TEXT,
  identity_manager     TEXT,
  identity_status      TEXT,
  findings             TEXT NOT NULL,
  previous_decision    TEXT,
  UNIQUE (campaign_id, ordinal)
) STRICT;

-- Who reviews an item at each stage, as routed at launch, and why (a re-route's reason).
CREATE TABLE campaign_item_reviewers (
  item_id  INTEGER NOT NULL REFERENCES campaign_items(id),
  stage    INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
  reviewer TEXT NOT NULL,
  rule     TEXT NOT NULL,
  note     TEXT,
  PRIMARY KEY (item_id, stage)
) STRICT, WITHOUT ROWID;

-- Every decision ever recorded; the newest row of an item and stage is the one in force.
CREATE TABLE campaign_decisions (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES campaign_items(id),
  stage         INTEGER NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('keep', 'revoke', 'reassign')),
  reviewer      TEXT NOT NULL,
  reassigned_to TEXT CHECK ((decision = 'reassign') = (reassigned_to IS NOT NULL)),
  comment       TEXT,
  channel       TEXT NOT NULL CHECK (channel IN ('app', 'workbook', 'cli', 'no-response-default')),
  recorded_by   TEXT NOT NULL,
  decided_at    TEXT NOT NULL,
  seconds_spent INTEGER,
  supersedes    INTEGER REFERENCES campaign_decisions(id)
) STRICT;
CREATE INDEX campaign_decisions_item ON campaign_decisions(item_id, stage, id);

CREATE TABLE campaign_closures (
  campaign_id      INTEGER PRIMARY KEY REFERENCES campaigns(id),
  closed_at        TEXT NOT NULL,
  closed_by        TEXT NOT NULL,
  defaults_applied INTEGER NOT NULL,
  revocations      INTEGER NOT NULL
) STRICT;
${immutableTriggers('campaigns', 'campaign_launches', 'campaign_reconciliation', 'campaign_items', 'campaign_item_reviewers', 'campaign_decisions', 'campaign_closures')}
`,
};
