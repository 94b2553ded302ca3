import type { Migration } from './migration.js';

/**
 * An undo's row names the decision it takes back (`undoes`), so that the trail says which rows
 * are undos and undoing again can step back exactly (docs/campaigns.md "Undo"). Rows written
 * before this migration have none (their undos were recognised by their shape).
 */
export const decisionUndoes: Migration = {
  version: 11,
  name: 'decision-undoes',
  sql: `ALTER TABLE campaign_decisions ADD COLUMN undoes INTEGER REFERENCES campaign_decisions(id);`,
};
