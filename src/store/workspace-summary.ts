import type Database from 'better-sqlite3-multiple-ciphers';

export interface WorkspaceCounts {
  systems: number;
  snapshots: number;
  identities: number;
  accounts: number;
  entitlements: number;
  grants: number;
  campaigns: number;
  auditEvents: number;
}

function count(db: Database.Database, sql: string): number {
  return db.prepare(sql).pluck().get() as number;
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Counts of the current picture: what the newest snapshot of each system holds. */
export function summarizeWorkspace(db: Database.Database): WorkspaceCounts {
  const latest = (kind: 'identities' | 'access'): string => `SELECT id FROM latest_snapshots WHERE content = '${kind}'`;
  return {
    systems: count(db, 'SELECT count(*) FROM systems'),
    snapshots: count(db, 'SELECT count(*) FROM snapshots'),
    identities: count(db, `SELECT count(*) FROM identities WHERE snapshot_id IN (${latest('identities')})`),
    accounts: count(db, `SELECT count(*) FROM accounts WHERE snapshot_id IN (${latest('access')})`),
    entitlements: count(db, `SELECT count(*) FROM entitlements WHERE snapshot_id IN (${latest('access')})`),
    grants: count(db, `SELECT count(*) FROM grants WHERE snapshot_id IN (${latest('access')})`),
    campaigns: tableExists(db, 'campaigns') ? count(db, 'SELECT count(*) FROM campaigns') : 0,
    auditEvents: count(db, 'SELECT count(*) FROM audit_events'),
  };
}
