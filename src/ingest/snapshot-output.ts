import type { SourceDetails } from './profile.js';
import type { AccountRecord, EntitlementRecord, IdentityRecord } from './records.js';

/** The fields of one awaiting verdict in `GrantBatch.verdicts`. */
export const VERDICT_FIELDS = 4;

/** Grants as integer ids, in the order their rows were read. Arrays hold `count` entries. */
export interface GrantBatch {
  count: number;
  accounts: Int32Array;
  entitlements: Int32Array;
  /** The few grants that come through a group: their slots (ascending) and what they come through. */
  viaSlots: number[];
  viaValues: string[];
  /** The serial number of the row each grant came from. */
  rows: Int32Array;
  /**
   * Rows that brought nothing new but grants and repeat a record of their file: duplicates
   * unless one of their grants is new, which only the inserts tell. Their last grants are in this
   * batch. `verdictCount` entries of [row, source, line, repeatsLine], rows ascending.
   */
  verdicts: Int32Array;
  verdictCount: number;
}

export interface ResolvedRecords {
  accounts: [id: number, record: AccountRecord][];
  entitlements: [id: number, record: EntitlementRecord][];
  rowsRead: number;
  conflicts: number;
  undescribedGrants: number;
  asOf: string | null;
  /** What each source said of itself beyond its bytes (a sync file's sync), by file index. */
  details?: (SourceDetails | null)[];
}

/**
 * What the resolver (which maps rows, merges records and assigns ids, possibly in a worker)
 * hands to the store (which writes SQL in the workspace's transaction), in order.
 */
export interface SnapshotOutput {
  identity: (record: IdentityRecord) => void;
  grants: (batch: GrantBatch) => void;
  rejection: (source: number, line: number, reason: string) => void;
}
