import type { Migration } from './migration.js';
import { immutableTriggers } from './immutable-triggers.js';

/**
 * A reviewer's undo (docs/campaigns.md): a `withdraw` row supersedes their decision and puts the
 * stage back to waiting, as it was before. SQLite cannot widen a CHECK in place, so the
 * append-only table is rebuilt with every row as it was: renamed away (its own `supersedes`
 * reference follows the rename), copied into the new table in id order, then dropped (a DROP
 * fires no trigger). Its index and immutability triggers are made again.
 */
export const decisionWithdraw: Migration = {
  version: 10,
  name: 'decision-withdraw',
  sql: `
DROP TRIGGER campaign_decisions_no_update;
DROP TRIGGER campaign_decisions_no_delete;
DROP INDEX campaign_decisions_item;
ALTER TABLE campaign_decisions RENAME TO campaign_decisions_v9;

CREATE TABLE campaign_decisions (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES campaign_items(id),
  stage         INTEGER NOT NULL,
  -- withdraw: the reviewer took their decision back (undo); the stage waits again.
  decision      TEXT NOT NULL CHECK (decision IN ('keep', 'revoke', 'reassign', 'withdraw')),
  reviewer      TEXT NOT NULL,
  reassigned_to TEXT CHECK ((decision = 'reassign') = (reassigned_to IS NOT NULL)),
  comment       TEXT,
  channel       TEXT NOT NULL CHECK (channel IN ('app', 'workbook', 'cli', 'no-response-default')),
  recorded_by   TEXT NOT NULL,
  decided_at    TEXT NOT NULL,
  seconds_spent INTEGER,
  supersedes    INTEGER REFERENCES campaign_decisions(id)
) STRICT;
INSERT INTO campaign_decisions SELECT * FROM campaign_decisions_v9 ORDER BY id;
DROP TABLE campaign_decisions_v9;
CREATE INDEX campaign_decisions_item ON campaign_decisions(item_id, stage, id);
${immutableTriggers('campaign_decisions')}
`,
};
