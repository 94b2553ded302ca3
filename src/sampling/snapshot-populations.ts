import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { findSystemId, getSnapshot, snapshotsOf, type SnapshotRef } from '../store/snapshot-lookup.js';
import type { PopulationKind, PopulationRequest } from './population.js';

/** The snapshot a population comes from: the one named, else the system's latest of that content. */
function snapshotFor(db: Database.Database, request: PopulationRequest, content: SnapshotRef['content'], population: string): SnapshotRef {
  const systemId = request.system === undefined ? undefined : findSystemId(db, request.system);
  if (request.snapshotId !== undefined) {
    const snapshot = getSnapshot(db, request.snapshotId);
    if (systemId !== undefined && snapshot.systemId !== systemId) {
      throw new AttestError('SNAPSHOT_MISMATCH', `Snapshot #${snapshot.id} is of ${snapshot.system}, not ${request.system}. Name one of them, or a snapshot of that system.`);
    }
    if (snapshot.content !== content) {
      throw new AttestError('SNAPSHOT_MISMATCH', `Snapshot #${snapshot.id} holds ${snapshot.content}, so it has no ${population}. Name a snapshot that holds ${content}.`);
    }
    return snapshot;
  }
  if (systemId !== undefined) {
    const latest = snapshotsOf(db, systemId, content, { limit: 1 })[0];
    if (latest === undefined) throw new AttestError('EMPTY_POPULATION', `${request.system} has no snapshot holding ${content}, so there are no ${population} to sample. Import one first.`);
    return latest;
  }
  if (content === 'access') throw new AttestError('USAGE', `Name the system (--system NAME) or the snapshot (--snapshot ID) whose ${population} to sample.`);
  const latest = db.prepare("SELECT id FROM latest_snapshots WHERE content = 'identities' ORDER BY id").pluck().all() as number[];
  if (latest.length === 0) throw new AttestError('EMPTY_POPULATION', 'There is no HR snapshot, so there are no identities to sample. Import an HR roster first.');
  if (latest.length > 1) throw new AttestError('USAGE', 'More than one system holds identities: name the one to sample with --system NAME.');
  return getSnapshot(db, latest[0] as number);
}

/** A population of one snapshot's rows, keyed by the SQL's columns. */
function snapshotPopulation(name: string, description: string, content: SnapshotRef['content'], keyFields: string[], sql: string): PopulationKind {
  return {
    name,
    description,
    keyFields,
    load: (db, request) => {
      const snapshot = snapshotFor(db, request, content, name);
      return {
        parameters: { system: snapshot.system, snapshotId: snapshot.id },
        described: `the ${name} of ${snapshot.system} snapshot #${snapshot.id}`,
        members: db.prepare(sql).raw().all(snapshot.id) as string[][],
      };
    },
  };
}

// Each query returns its members in byte (code point) order of their key values: nearly the order of
// their lines, so sorting the lines afterwards (which decides) runs over long sorted runs.
export const SNAPSHOT_POPULATIONS: readonly PopulationKind[] = [
  snapshotPopulation('accounts', "A system's accounts (its latest snapshot, or the one named)", 'access', ['account'], 'SELECT account_key FROM accounts WHERE snapshot_id = ? ORDER BY 1'),
  snapshotPopulation(
    'grants',
    "A system's grants, account and entitlement (its latest snapshot, or the one named)",
    'access',
    ['account', 'entitlement'],
    'SELECT a.account_key, e.entitlement_key FROM grants g JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id WHERE g.snapshot_id = ? ORDER BY 1, 2',
  ),
  snapshotPopulation('identities', 'The people of the latest HR snapshot (or the one named)', 'identities', ['employeeId'], 'SELECT employee_id FROM identities WHERE snapshot_id = ? ORDER BY 1'),
];
