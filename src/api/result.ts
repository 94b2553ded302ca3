import type { ErrorCode } from '../errors.js';

/** What crosses every process boundary: thrown errors lose their code across IPC and HTTP. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Progress of long work: `done` of `total` units (rows, bytes, items) in a named phase. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}
