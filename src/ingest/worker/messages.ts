import type { ErrorCode } from '../../errors.js';
import type { IdentityRecord } from '../records.js';
import type { GrantBatch, ResolvedRecords } from '../snapshot-output.js';

/** What the import worker tells the thread that writes, in order. */
export type WorkerMessage =
  | { type: 'identity'; record: IdentityRecord }
  | { type: 'grants'; batch: GrantBatch }
  | { type: 'rejection'; source: number; line: number; reason: string }
  | { type: 'progress'; file: string; done: number; total: number }
  | { type: 'done'; resolved: ResolvedRecords }
  | { type: 'error'; code: ErrorCode; message: string };
