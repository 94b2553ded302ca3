import type Database from 'better-sqlite3-multiple-ciphers';
import { neutraliseCell } from '../sod/rule-file-layout.js';
import { writeTableFile } from '../files/write-table-file.js';
import { readDecisions, readItems, readItemStates, type CampaignItem } from './campaign-read.js';
import { loadCampaign } from './campaign-store.js';

export type VerificationStatus = 'verified-removed' | 'still-present' | 'pending';

/** One revoked grant: what IT must remove, who decided it, and whether a newer snapshot proves it gone. */
export interface RemediationLine {
  itemId: number;
  system: string;
  account: string;
  accountKey: string;
  entitlement: string;
  entitlementKey: string;
  identity: string | null;
  reviewer: string;
  decidedAt: string;
  justification: string | null;
  verification: VerificationStatus;
  /** The newer snapshot that verified it (removed or still present); null while pending. */
  verifiedBy: { snapshotId: number; asOf: string } | null;
}

/**
 * Closed-loop verification, computed from immutable snapshots (so it is never stale): for each
 * revoked grant, the newest access snapshot of its system that is newer than the item's snapshot
 * and as of the revoking decision's day or later. The grant absent from it (by account key and
 * entitlement key) is verified-removed; present, still-present; no such snapshot yet, pending.
 * With `upToDecision`, as the decisions stood when the newest had that id (an evidence pack's bound).
 */
export function remediationLines(db: Database.Database, campaignId: number, states = readItemStates(db, campaignId), upToDecision?: number): RemediationLine[] {
  const ids = states.filter((s) => s.outcome === 'revoke').map((s) => s.id);
  const decidedAt = new Map<number, string>();
  for (const d of readDecisions(db, { campaignId, itemIds: ids, upToDecision })) if (d.decision === 'revoke') decidedAt.set(d.itemId, d.decidedAt);
  return verifyRevoked(db, campaignId, ids.map((id) => ({ id, decidedAt: decidedAt.get(id) ?? '' })), upToDecision);
}

/** Revoked items read whole per page of ids. */
const REVOKED_PAGE = 256;

/**
 * The remediation lines of revoked items named by id (in population order) with the time of
 * their revoking decision: read whole a page at a time, each verified as it comes.
 */
export function verifyRevoked(db: Database.Database, campaignId: number, revoked: readonly { id: number; decidedAt: string }[], upToDecision?: number): RemediationLine[] {
  const verify = remediationVerifier(db);
  const lines: RemediationLine[] = [];
  for (let from = 0; from < revoked.length; from += REVOKED_PAGE) {
    const decidedAt = new Map(revoked.slice(from, from + REVOKED_PAGE).map((r) => [r.id, r.decidedAt]));
    for (const item of readItems(db, { campaignId, itemIds: [...decidedAt.keys()], upToDecision })) {
      if (item.outcome === 'revoke') lines.push(verify(item, decidedAt.get(item.id) ?? ''));
    }
  }
  return lines;
}

/** What a remediation line needs of a revoked item. */
type RevokedItem = Pick<CampaignItem, 'id' | 'system' | 'snapshotId' | 'account' | 'accountKey' | 'entitlement' | 'entitlementKey' | 'reviewer' | 'comment'> & {
  identity: { name: string | null; employeeId: string } | null;
};

/** Verifies revoked items one at a time (statements prepared once); `decidedAt` is when the revoking decision was made. */
function remediationVerifier(db: Database.Database): (item: RevokedItem, decidedAt: string) => RemediationLine {
  const newer = db.prepare(
    `SELECT s.id, s.as_of AS asOf FROM snapshots s JOIN snapshots base ON base.id = ?
     WHERE s.system_id = base.system_id AND s.content = 'access' AND s.id > base.id AND substr(s.as_of, 1, 10) >= substr(?, 1, 10)
     ORDER BY s.as_of DESC, s.id DESC LIMIT 1`,
  );
  const present = db.prepare(
    `SELECT 1 FROM grants g JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id
     WHERE g.snapshot_id = ? AND a.snapshot_id = ? AND a.account_key = ? AND e.snapshot_id = ? AND e.entitlement_key = ? LIMIT 1`,
  );
  return (item, decidedAt) => {
    const snapshot = newer.get(item.snapshotId, decidedAt) as { id: number; asOf: string } | undefined;
    return line(item, decidedAt, snapshot === undefined ? 'pending' : present.get(snapshot.id, snapshot.id, item.accountKey, snapshot.id, item.entitlementKey) !== undefined ? 'still-present' : 'verified-removed', snapshot);
  };
}

function line(item: RevokedItem, decidedAt: string, verification: VerificationStatus, snapshot: { id: number; asOf: string } | undefined): RemediationLine {
  return {
    itemId: item.id,
    system: item.system,
    account: item.account,
    accountKey: item.accountKey,
    entitlement: item.entitlement,
    entitlementKey: item.entitlementKey,
    identity: item.identity?.name ?? item.identity?.employeeId ?? null,
    reviewer: item.reviewer,
    decidedAt,
    justification: item.comment,
    verification,
    verifiedBy: snapshot === undefined ? null : { snapshotId: snapshot.id, asOf: snapshot.asOf },
  };
}

export function remediationCounts(lines: readonly RemediationLine[]): { verified: number; stillPresent: number; pending: number } {
  return {
    verified: lines.filter((l) => l.verification === 'verified-removed').length,
    stillPresent: lines.filter((l) => l.verification === 'still-present').length,
    pending: lines.filter((l) => l.verification === 'pending').length,
  };
}

const COLUMNS = ['Item', 'System', 'Account', 'Account Key', 'Entitlement', 'Identity', 'Reviewer', 'Decided At', 'Justification', 'Verification', 'Verified By Snapshot', 'Ticket Reference', 'Date Removed'];

/** The remediation list for IT as a new .csv or .xlsx file: one line per revoked grant, ticket and date columns to fill. */
export function exportRemediation(db: Database.Database, campaignId: number, path: string): { path: string; lines: number } {
  const campaign = loadCampaign(db, campaignId);
  const lines = remediationLines(db, campaign.id);
  const table = [
    COLUMNS,
    ...lines.map((l) =>
      [String(l.itemId), l.system, l.account, l.accountKey, l.entitlement, l.identity ?? '', l.reviewer, l.decidedAt, l.justification ?? '', l.verification, l.verifiedBy ? `${l.verifiedBy.snapshotId} (${l.verifiedBy.asOf.slice(0, 10)})` : '', '', ''].map(neutraliseCell),
    ),
  ];
  writeTableFile(path, table, 'Remediation', 'the remediation list');
  return { path, lines: lines.length };
}
