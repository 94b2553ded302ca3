import type { LdifEntry, SyncSource } from './source.js';
import type { RecordSink } from './records.js';

/** What a snapshot holds: people from the authoritative source, or a system's access. */
export type SnapshotContent = 'identities' | 'access';

/** A field a table profile reads, matched to a header case-, space- and punctuation-insensitively. */
export interface FieldSpec {
  /** The canonical field name, as in CLI.md's layouts (`Employee ID`, `Entitlement`…). */
  name: string;
  required: boolean;
  /** Other headers that mean the same (`User ID`, `EmployeeNumber`…). */
  synonyms?: readonly string[];
}

/**
 * A row of a table with the profile's fields resolved through the header (and any mapping).
 * The typed getters throw RowRejected with a reason that names the field and the value, which
 * rejects just this row.
 */
export interface MappedRow {
  line: number;
  /** The trimmed cell of a field, or undefined when its column is absent or the cell is empty. */
  get: (field: string) => string | undefined;
  /** The field as an ISO date/timestamp, null for "no date" (empty, Never, N/A…). Unparseable: RowRejected. */
  date: (field: string) => string | null;
  /** The field as a boolean, null when empty. Unparseable: RowRejected. */
  bool: (field: string) => boolean | null;
}

/** Thrown while mapping a row or entry: rejects it (with this reason) and the import goes on. */
export class RowRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RowRejected';
  }
}

interface ProfileBase {
  /** Stable name used by `--profile` and stored on the snapshot (`aws-credential-report`). */
  name: string;
  content: SnapshotContent;
  description: string;
  /** The system a file of this profile usually comes from, when not given (`AWS`, `Entra ID`). */
  defaultSystem?: string;
}

export interface TableProfile extends ProfileBase {
  kind: 'table';
  fields: readonly FieldSpec[];
  /**
   * How sure the profile is that a file with this header is its format, 0..1. Generic layouts
   * (hr, grants) answer lower than vendor formats whose headers are distinctive.
   */
  detect: (header: readonly string[]) => number;
  mapRow: (row: MappedRow, sink: RecordSink) => void;
}

export interface LdifProfile extends ProfileBase {
  kind: 'ldif';
  detect: (first: LdifEntry) => number;
  /** A mapper for one file's entries, in order (it may keep what later entries complete). */
  mapper: () => (entry: LdifEntry, sink: RecordSink) => void;
}

export interface JsonProfile extends ProfileBase {
  kind: 'json';
  detect: (document: unknown) => number;
  /** `reject` here rejects the element being mapped; `line` is the element's index + 1. */
  mapDocument: (document: unknown, sink: RecordSink, setLine: (line: number) => void) => void;
}

/** What a sync-file profile needs besides the sink. */
export interface SyncMapOptions {
  /** A private folder for temporary files; the importer removes it. */
  scratchDir: string;
  allowIncomplete?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** Records read of all; a step before the records ("decompressing") names itself. */
  onProgress?: ((done: number, total: number, step?: string) => void) | undefined;
}

/** A connector's sync file: it reads its own records and marks where each begins and ends. */
export interface SyncProfile extends ProfileBase {
  kind: 'c1z';
  /** The facts of the sync it read, kept as the source's provenance. */
  mapSync: (source: SyncSource, fileName: string, index: number, sink: RecordingSink, options: SyncMapOptions) => SourceDetails;
}

/** Provenance beyond name, hash and size that a source carries (a sync's id and counts, a server's bases). */
export type SourceDetails = Record<string, string | number | boolean | null | string[]>;

/** A sink that is told where each row or entry begins and ends (the writer, the preview). */
export interface RecordingSink extends RecordSink {
  beginRecord: (source: number, line: number) => void;
  endRecord: () => boolean;
}

export type Profile = TableProfile | LdifProfile | JsonProfile | SyncProfile;
