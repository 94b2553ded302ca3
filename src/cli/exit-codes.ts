import type { ErrorCode } from '../errors.js';

/** CLI.md's exit codes: 0 done, 1 check failed, 2 usage, 3 workspace cannot be opened, 4 input rejected. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, cannotOpen: 3, rejected: 4, cancelled: 130 } as const;

const BY_CODE: Record<ErrorCode, number> = {
  USAGE: EXIT.usage,
  INVALID_INPUT: EXIT.usage,
  NOT_FOUND: EXIT.cannotOpen,
  WRONG_PASSPHRASE: EXIT.cannotOpen,
  NOT_A_WORKSPACE: EXIT.cannotOpen,
  NEWER_VERSION: EXIT.cannotOpen,
  IN_USE: EXIT.cannotOpen,
  READ_ONLY: EXIT.cannotOpen,
  NO_WORKSPACE_OPEN: EXIT.cannotOpen,
  EXISTS: EXIT.rejected,
  WEAK_PASSPHRASE: EXIT.rejected,
  CANCELLED: EXIT.cancelled,
  FILE_NOT_FOUND: EXIT.rejected,
  EMPTY_FILE: EXIT.rejected,
  NO_DATA_ROWS: EXIT.rejected,
  NOT_TEXT: EXIT.rejected,
  CORRUPT_FILE: EXIT.rejected,
  FILE_TOO_LARGE: EXIT.rejected,
  TOO_MANY_COLUMNS: EXIT.rejected,
  CELL_TOO_LARGE: EXIT.rejected,
  UNKNOWN_FORMAT: EXIT.rejected,
  AMBIGUOUS_FORMAT: EXIT.rejected,
  MISSING_COLUMNS: EXIT.rejected,
  INVALID_MAPPING: EXIT.rejected,
  IMPORT_REJECTED: EXIT.rejected,
  UNSUPPORTED_FORMAT: EXIT.rejected,
  INCOMPLETE_SYNC: EXIT.rejected,
  CONNECTION_FAILED: EXIT.rejected,
  AUTH_FAILED: EXIT.rejected,
  TLS_UNTRUSTED: EXIT.rejected,
  SEARCH_FAILED: EXIT.rejected,
  UNKNOWN_CONNECTION: EXIT.rejected,
  SOD_RULES_INVALID: EXIT.rejected,
  UNKNOWN_SOD_RULE: EXIT.rejected,
  UNKNOWN_OWNER: EXIT.rejected,
  UNKNOWN_CONTROL: EXIT.rejected,
  HOST_UNAVAILABLE: EXIT.checkFailed,
  INTERNAL: EXIT.checkFailed,
};

export function exitCodeFor(code: ErrorCode): number {
  return BY_CODE[code];
}
