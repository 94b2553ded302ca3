import type { AccountRecord, EntitlementRecord, IdentityRecord } from './records.js';

/** A row that brought nothing new but grants, and repeats a record of its file: a duplicate unless one of its grants is new. */
export interface AwaitingVerdict {
  row: number;
  source: number;
  line: number;
  repeatsLine: number;
}

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
  /** Verdicts that wait for this batch's inserts (their rows' last grants are here). */
  awaiting: AwaitingVerdict[];
}

export interface ResolvedRecords {
  accounts: [id: number, record: AccountRecord][];
  entitlements: [id: number, record: EntitlementRecord][];
  rowsRead: number;
  conflicts: number;
  undescribedGrants: number;
  asOf: string | null;
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
