/** A numbered, forward-only schema change, applied in its own transaction. */
export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; versions are 1, 2, 3… with no gaps. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
