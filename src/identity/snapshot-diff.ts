import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { findSystemId, getSnapshot, snapshotsOf, type SnapshotRef } from '../store/snapshot-lookup.js';
import { diffAccounts, type AccountDiff } from './account-diff.js';
import { diffGrants, type GrantChange } from './grant-diff.js';
import { diffIdentities, type IdentityDiff } from './identity-diff.js';

export { diffGrants, type GrantChange, type GrantDiff } from './grant-diff.js';

export interface SnapshotDiffRequest {
  system: string;
  /** Snapshot ids; default: `to` the system's latest, `from` the one before `to` (same content). */
  from?: number | undefined;
  to?: number | undefined;
}

export interface SnapshotDiff {
  system: string;
  content: SnapshotRef['content'];
  from: { id: number; asOf: string };
  to: { id: number; asOf: string };
  /** Grants (CLI.md: `added`, `removed`); empty for two HR snapshots. */
  added: GrantChange[];
  removed: GrantChange[];
  /** Access snapshots only (null for HR). */
  accounts: AccountDiff['accounts'] | null;
  entitlements: AccountDiff['entitlements'] | null;
  /** HR snapshots only (null for access). */
  identities: IdentityDiff | null;
  counts: Record<string, number>;
}

function checkSameSystem(ref: SnapshotRef, systemId: number, system: string): void {
  if (ref.systemId !== systemId) {
    throw new AttestError('SNAPSHOT_MISMATCH', `Snapshot #${ref.id} is of ${ref.system}, not ${system}. Diff two snapshots of one system (see "attest snapshots --system ${system}").`);
  }
}

/** The two snapshots a request names, defaults filled in, checked to be comparable. */
export function resolveDiffPair(db: Database.Database, request: SnapshotDiffRequest): { from: SnapshotRef; to: SnapshotRef } {
  const systemId = findSystemId(db, request.system);
  const fromGiven = request.from === undefined ? undefined : getSnapshot(db, request.from);
  if (fromGiven) checkSameSystem(fromGiven, systemId, request.system);
  const to = request.to === undefined ? snapshotsOf(db, systemId, fromGiven?.content ?? null, { limit: 1 })[0] : getSnapshot(db, request.to);
  if (to === undefined) throw new AttestError('NOTHING_TO_COMPARE', `${request.system} has no snapshots yet. Import two snapshots of it, then diff them.`);
  checkSameSystem(to, systemId, request.system);
  const from = fromGiven ?? snapshotsOf(db, systemId, to.content, { before: to, limit: 1 })[0];
  if (from === undefined) {
    throw new AttestError('NOTHING_TO_COMPARE', `${request.system} has no snapshot older than #${to.id} to compare it with. Import another snapshot of it, or name both with --from and --to.`);
  }
  if (from.content !== to.content) {
    throw new AttestError('SNAPSHOT_MISMATCH', `Snapshot #${from.id} holds ${from.content} and #${to.id} holds ${to.content}: they cannot be compared. Diff two snapshots of the same kind.`);
  }
  return { from, to };
}

/**
 * What changed between two snapshots of one system: for access, grants, accounts and
 * entitlements; for HR, joiners, leavers and movers. Everything is keyed by the source's keys.
 */
export function diffSnapshots(db: Database.Database, request: SnapshotDiffRequest): SnapshotDiff {
  const { from, to } = resolveDiffPair(db, request);
  const base = { system: to.system, content: to.content, from: { id: from.id, asOf: from.asOf }, to: { id: to.id, asOf: to.asOf } };
  if (to.content === 'identities') {
    const identities = diffIdentities(db, from.id, to.id);
    return {
      ...base,
      added: [],
      removed: [],
      accounts: null,
      entitlements: null,
      identities,
      counts: { joiners: identities.joiners.length, leavers: identities.leavers.length, movers: identities.movers.length },
    };
  }
  const grants = diffGrants(db, from.id, to.id);
  const { accounts, entitlements } = diffAccounts(db, from.id, to.id);
  return {
    ...base,
    ...grants,
    accounts,
    entitlements,
    identities: null,
    counts: {
      grantsAdded: grants.added.length,
      grantsRemoved: grants.removed.length,
      accountsAdded: accounts.added.length,
      accountsRemoved: accounts.removed.length,
      accountsChanged: accounts.changed.length,
      entitlementsAdded: entitlements.added.length,
      entitlementsRemoved: entitlements.removed.length,
    },
  };
}
