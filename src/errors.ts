/**
 * Every error a user can cause carries a stable code (the API, the CLI and the UI act on it)
 * and a sentence that says what happened and what to do. Codes are a contract: add, never rename.
 */
export const ERROR_CODES = [
  'USAGE',
  'NOT_FOUND',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'NOT_A_WORKSPACE',
  'NEWER_VERSION',
  'IN_USE',
  'READ_ONLY',
  'EXISTS',
  'NO_WORKSPACE_OPEN',
  'INVALID_INPUT',
  'CANCELLED',
  // Import: a file that cannot be read or mapped (CLI exit 4); the workspace is untouched.
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'NO_DATA_ROWS',
  'NOT_TEXT',
  'CORRUPT_FILE',
  'FILE_TOO_LARGE',
  'TOO_MANY_COLUMNS',
  'CELL_TOO_LARGE',
  'UNKNOWN_FORMAT',
  'AMBIGUOUS_FORMAT',
  'MISSING_COLUMNS',
  'INVALID_MAPPING',
  'IMPORT_REJECTED',
  /** A known format this version cannot read (a Pebble `.c1z`): the message names the remedy. */
  'UNSUPPORTED_FORMAT',
  /** A sync file whose sync never finished: its population is incomplete. */
  'INCOMPLETE_SYNC',
  // Connectors: a live source that cannot be reached or read (CLI exit 4); the workspace is untouched.
  'CONNECTION_FAILED',
  'AUTH_FAILED',
  'TLS_UNTRUSTED',
  /** The server refused a search (no such base, not allowed, a limit): the message says which. */
  'SEARCH_FAILED',
  /** No saved connection of that name. */
  'UNKNOWN_CONNECTION',
  // Snapshot diffs and audit samples: a reference or a request that cannot be met (CLI exit 4).
  /** No system of that name. */
  'UNKNOWN_SYSTEM',
  /** No snapshot of that id. */
  'UNKNOWN_SNAPSHOT',
  /** Two snapshots that cannot be compared (different systems, or identities against access), or a snapshot of the wrong kind. */
  'SNAPSHOT_MISMATCH',
  /** A diff needs two snapshots; the system has fewer. */
  'NOTHING_TO_COMPARE',
  /** No population of that name in the registry. */
  'UNKNOWN_POPULATION',
  'EMPTY_POPULATION',
  'SAMPLE_TOO_LARGE',
  'INVALID_SEED',
  'UNKNOWN_SAMPLE',
  // Analytics: a name the workspace does not hold (CLI exit 4); nothing is changed (UNKNOWN_SYSTEM above too).
  'UNKNOWN_ACCOUNT',
  /** Nothing to forget: no person decided about that account. */
  'UNKNOWN_DECISION',
  /** A login that names several accounts of one system: the message lists their keys. */
  'AMBIGUOUS_ACCOUNT',
  'UNKNOWN_IDENTITY',
  'UNKNOWN_RUN',
  /** Analysis needs an HR roster imported as of the analysis date. */
  'NO_HR_SNAPSHOT',
  /** A file dropped on a page (which sends its bytes) over the 11 MB a page may send: type its path instead. */
  'DROPPED_FILE_TOO_LARGE',
  /** The UI lost the host it talks to (the serve process stopped, the page lost its token). */
  'HOST_UNAVAILABLE',
  // Remember on this computer (desktop app): the host's keychain-backed passphrase store.
  /** This host has no keychain to remember a passphrase with (the CLI, `attest serve`, a Linux session without a keyring). */
  'SECRETS_UNAVAILABLE',
  /** No passphrase is remembered on this computer for that workspace file. */
  'NOT_REMEMBERED',
  // Segregation of duties (CLI exit 4): a rule file, rule, identity, account or control the user named.
  /** A rule file with mistakes: every problem named with its line; nothing was imported. */
  'SOD_RULES_INVALID',
  /** No SoD rule with that id (or no rules at all yet). */
  'UNKNOWN_SOD_RULE',
  /** No identity or account of that name in the current picture. */
  'UNKNOWN_OWNER',
  /** No mitigating control with that id, and no description to create it. */
  'UNKNOWN_CONTROL',
  // Evidence packs (CLI exit 4): a campaign, a PKCS#12 or a file the user named.
  /** No campaign of that id. */
  'UNKNOWN_CAMPAIGN',
  /** Not a PKCS#12 file, or one without a key and its certificate. */
  'P12_INVALID',
  'P12_WRONG_PASSPHRASE',
  /** A PKCS#12 whose key is not RSA (PDF signing here needs RSA). */
  'P12_NOT_RSA',
  /** `attest verify` was given something that is not a PDF. */
  'NOT_A_PDF',
  // Campaigns (CLI exit 4): an item or reviewer the user named, or a step out of order (UNKNOWN_CAMPAIGN below).
  /** The step does not fit the campaign's state (launch twice, decide before launch or after close). */
  'CAMPAIGN_STATE',
  /** Launch refused: some items have no reviewer any rule can resolve; the message lists them. */
  'UNRESOLVED_REVIEWERS',
  /** Launch refused: nothing in scope to review. */
  'EMPTY_CAMPAIGN',
  'UNKNOWN_ITEM',
  /** The reviewer named is not the one the item is waiting for. */
  'NOT_ITEM_REVIEWER',
  /** A reassignment to the item's own subject, or to an earlier stage's reviewer. */
  'SELF_REVIEW',
  /** The campaign requires a comment for this decision. */
  'JUSTIFICATION_REQUIRED',
  /** A bulk decision whose stated count differs from the items the filter selects. */
  'COUNT_MISMATCH',
  /** A reviewer workbook whose workbook token does not verify: edited outside Decision/Comment, or not from Attest. */
  'WORKBOOK_TAMPERED',
  /** A reviewer workbook of another campaign. */
  'WORKBOOK_WRONG_CAMPAIGN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AttestError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttestError';
    this.code = code;
  }
}

export function isAttestError(value: unknown): value is AttestError {
  return value instanceof AttestError;
}
