import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../../errors.js';
import type { RecordingSink } from '../../ingest/profile.js';
import { decodeEntitlement, decodeGrantSources, decodeResource, decodeResourceType, TRAIT } from './baton-messages.js';
import { ProtobufError } from './protobuf-reader.js';
import type { SyncRun } from './sync-database.js';
import { accountOf, entitlementOf, resourceKey, viaOf } from './sync-records.js';

/** What the snapshot's provenance says of the sync it came from. */
export type SyncFacts = {
  format: 'c1z';
  syncId: string;
  syncType: string;
  startedAt: string;
  endedAt: string | null;
  /** False when an unfinished sync was imported on request: the population may be incomplete. */
  complete: boolean;
  /** Other syncs in the file, not imported. */
  otherSyncs: number;
  resourceTypes: number;
  resources: number;
  entitlements: number;
  grants: number;
  /** Grants whose principal is not an account (a group, a role): their members' access is in the expanded grants. */
  nonAccountGrants: number;
  directGrants: number;
  inheritedGrants: number;
};

export interface MapSyncOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AttestError('CANCELLED', 'The import was cancelled; nothing was imported.');
}

/** Grant rows read per statement. */
const GRANT_CHUNK = 4096;

/**
 * Feeds one sync's records into the sink, one record per resource, entitlement and grant row,
 * numbered in that order (the "line" of a rejection). A blob that does not decode refuses the
 * whole file: a population with holes would look complete.
 */
export function mapSync(db: Database.Database, name: string, index: number, run: SyncRun, complete: boolean, otherSyncs: number, sink: RecordingSink, options: MapSyncOptions = {}): SyncFacts {
  const sync = run.syncId;
  // The progress total counts every sync's rows (a count for one sync scans the whole table);
  // the facts count this sync's rows as they are read.
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  let total = count('v1_resources') + count('v1_entitlements') + count('v1_grants');
  const facts: SyncFacts = {
    format: 'c1z', syncId: sync, syncType: run.type, startedAt: run.startedAt, endedAt: run.endedAt, complete, otherSyncs,
    resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, nonAccountGrants: 0, directGrants: 0, inheritedGrants: 0,
  };
  let line = 0;
  const decoding = <T>(table: string, id: number, decode: () => T): T => {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof ProtobufError)) throw error;
      throw new AttestError('CORRUPT_FILE', `${name} is damaged: row ${id} of ${table} does not decode (${error.message}). Re-run the connector and import the new file.`);
    }
  };
  const step = (): void => {
    if ((++line & 4095) === 0) {
      checkCancelled(options.signal);
      options.onProgress?.(line, total);
    }
  };

  const userTypes = new Set<string>();
  for (const [id, blob] of db.prepare('SELECT id, data FROM v1_resource_types WHERE sync_id = ?').raw().iterate(sync) as Iterable<[number, Buffer]>) {
    facts.resourceTypes += 1;
    const type = decoding('v1_resource_types', id, () => decodeResourceType(blob));
    if (type.id && type.traits.includes(TRAIT.user)) userTypes.add(type.id);
  }

  const resourceNames = new Map<string, string>();
  const resources = db.prepare('SELECT id, resource_type_id, data FROM v1_resources WHERE sync_id = ? ORDER BY id').raw();
  for (const [id, type, blob] of resources.iterate(sync) as Iterable<[number, string, Buffer]>) {
    step();
    facts.resources += 1;
    const resource = decoding('v1_resources', id, () => decodeResource(blob));
    const key = resourceKey(type, resource.id ?? '');
    if (resource.displayName) resourceNames.set(key, resource.displayName);
    sink.beginRecord(index, line);
    // A resource of a user-trait type, or carrying the trait itself, is an account.
    if (resource.id && (userTypes.has(type) || resource.user)) {
      userTypes.add(type);
      sink.account(accountOf(key, resource));
    }
    sink.endRecord();
  }

  const entitlements = db.prepare('SELECT id, external_id, resource_type_id, resource_id, data FROM v1_entitlements WHERE sync_id = ? ORDER BY id').raw();
  for (const [id, key, type, resourceId, blob] of entitlements.iterate(sync) as Iterable<[number, string, string, string, Buffer]>) {
    step();
    facts.entitlements += 1;
    const message = decoding('v1_entitlements', id, () => decodeEntitlement(blob));
    sink.beginRecord(index, line);
    sink.entitlement(entitlementOf(key, resourceNames.get(resourceKey(type, resourceId)) ?? message.resource?.displayName, type, message));
    sink.endRecord();
  }

  // The entitlement and principal come from the columns: some writers leave them out of the blob.
  // The blob is read only for its sources (field 5, tag byte 0x2A): a blob without that byte has
  // none, and is not even copied out of SQLite. Rows come in chunks by id: .all() costs far less
  // per row than .iterate().
  const grants = db
    .prepare(`SELECT id, entitlement_id, principal_resource_type_id, principal_resource_id, CASE WHEN instr(data, X'2A') > 0 THEN data END
              FROM v1_grants WHERE sync_id = ? AND id > ? ORDER BY id LIMIT ${GRANT_CHUNK}`)
    .raw();
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = grants.all(sync, after) as [number, string, string, string, Buffer | null][];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]![0];
    for (const [id, entitlement, principalType, principalId, blob] of rows) {
      step();
      facts.grants += 1;
      sink.beginRecord(index, line);
      if (userTypes.has(principalType)) {
        const via = blob === null ? null : viaOf(entitlement, decoding('v1_grants', id, () => decodeGrantSources(blob)));
        if (via === null) facts.directGrants += 1;
        else facts.inheritedGrants += 1;
        sink.grant(resourceKey(principalType, principalId), entitlement, via);
      } else facts.nonAccountGrants += 1;
      sink.endRecord();
    }
  }
  total = facts.resources + facts.entitlements + facts.grants;
  options.onProgress?.(total, total);
  return facts;
}
