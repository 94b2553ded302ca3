import type Database from 'better-sqlite3-multiple-ciphers';
import type { ItemOutcome } from './campaign-model.js';

/**
 * What an item carries besides its grant, looked up once per launch: the findings of the newest
 * analysis run (per account), the SoD conflicts of the newest SoD run (per grant), the grants each
 * system's previous snapshot held (for new-access), and the outcome of the same access in the
 * previous campaign.
 */
export class ItemContext {
  private readonly accountFindings = new Map<string, string[]>();
  private readonly grantConflicts = new Map<string, string[]>();
  private readonly previousGrants = new Map<number, Set<string> | null>();
  private readonly previousOutcomes = new Map<string, ItemOutcome>();

  constructor(
    private readonly db: Database.Database,
    previousOutcomes: ReadonlyMap<string, ItemOutcome>,
  ) {
    const run = db.prepare('SELECT max(id) FROM analysis_runs').pluck().get() as number | null;
    if (run !== null) {
      for (const [type, system, key] of db.prepare("SELECT type, system, account_key FROM findings WHERE run_id = ? AND type NOT IN ('name-suggestion', 'ambiguous-match')").raw().all(run) as [string, string, string][]) {
        push(this.accountFindings, accessKey(system, key), type);
      }
    }
    const sod = db.prepare('SELECT max(id) FROM sod_runs').pluck().get() as number | null;
    if (sod !== null) {
      const rows = db
        .prepare('SELECT e.account_id, e.entitlement_id, v.rule_key FROM sod_violations v JOIN sod_evidence e ON e.violation_id = v.id WHERE v.run_id = ? AND e.entitlement_id IS NOT NULL')
        .raw()
        .all(sod) as [number, number, string][];
      for (const [account, entitlement, rule] of rows) push(this.grantConflicts, `${account}:${entitlement}`, `sod:${rule}`);
    }
    for (const [key, outcome] of previousOutcomes) this.previousOutcomes.set(key, outcome);
  }

  findings(system: string, accountKey: string, accountId: number, entitlementId: number): string[] {
    return [...(this.accountFindings.get(accessKey(system, accountKey)) ?? []).filter((t) => t !== 'new-access'), ...(this.grantConflicts.get(`${accountId}:${entitlementId}`) ?? [])];
  }

  /** Whether the grant is new since the system's previous snapshot; null when there is no previous snapshot. */
  isNew(snapshotId: number, previousId: number | null, accountKey: string, entitlementKey: string): boolean | null {
    if (previousId === null) return null;
    let grants = this.previousGrants.get(snapshotId);
    if (grants === undefined) {
      const rows = this.db
        .prepare('SELECT a.account_key, e.entitlement_key FROM grants g JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id WHERE g.snapshot_id = ?')
        .raw()
        .all(previousId) as [string, string][];
      grants = new Set(rows.map(([a, e]) => `${a}\u0000${e}`));
      this.previousGrants.set(snapshotId, grants);
    }
    return grants === null ? null : !grants.has(`${accountKey}\u0000${entitlementKey}`);
  }

  previousOutcome(system: string, accountKey: string, entitlementKey: string): ItemOutcome | null {
    return this.previousOutcomes.get(grantKey(system, accountKey, entitlementKey)) ?? null;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function accessKey(system: string, accountKey: string): string {
  return `${system.toLowerCase()}\u0000${accountKey}`;
}

/** One grant, by names that hold across snapshots: system, account key, entitlement key. */
export function grantKey(system: string, accountKey: string, entitlementKey: string): string {
  return `${system.toLowerCase()}\u0000${accountKey}\u0000${entitlementKey}`;
}
