import type { FindingContext } from './found.js';

/**
 * Who holds what, by identity, for the peer comparisons: every entitlement of every enabled
 * person account correlated to an identity. An entitlement is one row of one scope snapshot, so
 * its id names it across systems.
 */
export function prepareHoldings({ db }: FindingContext): void {
  db.exec(`DROP TABLE IF EXISTS temp.holdings;
    CREATE TEMP TABLE holdings (identity_id INTEGER NOT NULL, entitlement_id INTEGER NOT NULL, account_id INTEGER NOT NULL);
    INSERT INTO temp.holdings
      SELECT c.identity_id, g.entitlement_id, g.account_id
      FROM temp.scope_snapshots s
      JOIN grants g ON g.snapshot_id = s.snapshot_id
      JOIN temp.correlation c ON c.account_id = g.account_id
      JOIN accounts a ON a.id = g.account_id
      WHERE c.category = 'person' AND c.identity_id IS NOT NULL AND a.status = 'enabled';
    CREATE INDEX temp.holdings_entitlement ON holdings(entitlement_id, identity_id);`);
}
