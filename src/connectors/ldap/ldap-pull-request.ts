import type { LandedSnapshot } from '../../ingest/land-snapshot.js';

/** A pull as asked for: a saved connection, or the settings given (given ones win over saved ones). */
export interface LdapPullRequest {
  /** A connection saved in the workspace with saveConnection. */
  connection?: string | undefined;
  url?: string | undefined;
  bindDn?: string | undefined;
  password?: string | undefined;
  /** The base for both searches, unless userBase / groupBase are given. */
  base?: string | undefined;
  userBase?: string | undefined;
  groupBase?: string | undefined;
  userFilter?: string | undefined;
  groupFilter?: string | undefined;
  startTls?: boolean | undefined;
  caFile?: string | undefined;
  /** Expand nested groups: members of an inner group hold the outer group through it. */
  nested?: boolean | undefined;
  system?: string | undefined;
  asOf?: string | undefined;
  /** Keep this connection (settings and password) in the workspace under this name. */
  saveConnection?: string | undefined;
  /** Entries per page of the paged search. */
  pageSize?: number | undefined;
  dryRun?: boolean | undefined;
  operator: string;
}

export interface LdapSearchReport {
  name: 'users' | 'groups';
  /** RFC 4516: ldap://host:port/base??sub?filter */
  url: string;
  base: string;
  filter: string;
  entries: number;
  sha256: string;
  sizeBytes: number;
}

export interface LdapPullResult extends LandedSnapshot {
  dryRun: boolean;
  server: string;
  bindDn: string | null;
  nestedGroups: boolean;
  searches: LdapSearchReport[];
  savedConnection: string | null;
}
