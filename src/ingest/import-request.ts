import type { DateOrder } from './normalize/dates.js';
import type { Candidate } from './choose-profile.js';
import type { LandedSnapshot } from './land-snapshot.js';
import type { SourceDetails } from './profile.js';

export interface ImportFile {
  path: string;
  /** This file's profile; default: the request's, else detected. */
  profile?: string | undefined;
  /** Spreadsheets: the sheet to read. */
  sheet?: string | undefined;
}

export interface ImportRequest {
  files: readonly ImportFile[];
  profile?: string | undefined;
  system?: string | undefined;
  /** The date the data is as of; default: what the file says, else the import date. */
  asOf?: string | undefined;
  /** {field: "Header as written"}; default: the mapping saved for this system and profile. */
  mapping?: Readonly<Record<string, string>> | undefined;
  dateOrder?: DateOrder | undefined;
  /** Extraction evidence (the query, a screenshot), kept encrypted in the workspace. */
  evidence?: readonly string[] | undefined;
  operator: string;
  /** Sync files: import an unfinished sync, marking the snapshot incomplete. */
  allowIncomplete?: boolean | undefined;
  /** Run everything, report, and roll back. */
  dryRun?: boolean | undefined;
}

export interface ImportedFile {
  name: string;
  sha256: string;
  size: number;
  profile: string;
  candidates: Candidate[];
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  notes: string[];
  /** Table files: which column each profile field was read from. */
  columns: Record<string, string>;
  /** Sync files: the sync read (id, times, counts). */
  details: SourceDetails | null;
}

/** A landed snapshot (land-snapshot.ts), and what an import from files adds to it. */
export interface ImportResult extends LandedSnapshot {
  dryRun: boolean;
  files: ImportedFile[];
  evidence: { name: string; sha256: string; size: number }[];
}

export interface ImportPreview {
  identities: { employeeId: string; displayName: string | null; email: string | null; status: string; managerEmployeeId: string | null; terminationDate: string | null }[];
  accounts: { key: string; login: string; email: string | null; status: string; accountType: string; privileged: boolean; mfa: boolean | null; lastLogin: string | null }[];
  grants: { account: string; entitlement: string; via: string | null }[];
}
