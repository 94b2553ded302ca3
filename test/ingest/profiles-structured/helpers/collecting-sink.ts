import { isDeepStrictEqual } from 'node:util';
import { RowRejected } from '../../../../src/ingest/profile.js';
import type { JsonProfile, LdifProfile } from '../../../../src/ingest/profile.js';
import type { AccountRecord, EntitlementRecord, IdentityRecord, RecordSink } from '../../../../src/ingest/records.js';
import type { LdifEntry } from '../../../../src/ingest/source.js';

export interface Rejection {
  line: number;
  reason: string;
}

type Keyed = { key: string } | { employeeId: string };

/**
 * A RecordSink for tests that merges like the real one: records with one key merge (a later
 * non-null value fills a gap; a different non-null value is a conflict, kept apart), grants are a
 * set of `account|entitlement|via` (via '' when direct), rejections keep the line being mapped.
 */
export class CollectingSink implements RecordSink {
  line = 0;
  readonly identities = new Map<string, IdentityRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly entitlements = new Map<string, EntitlementRecord>();
  readonly grants = new Set<string>();
  /** How many times grant() was called, duplicates included. */
  grantCalls = 0;
  readonly rejections: Rejection[] = [];
  readonly conflicts: string[] = [];
  readonly asOfDates: string[] = [];

  readonly setLine = (line: number): void => {
    this.line = line;
  };

  identity(record: IdentityRecord): void {
    this.merge(this.identities, record.employeeId, record);
  }

  account(record: AccountRecord): void {
    this.merge(this.accounts, record.key, record);
  }

  entitlement(record: EntitlementRecord): void {
    this.merge(this.entitlements, record.key, record);
  }

  grant(accountKey: string, entitlementKey: string, via?: string | null): void {
    this.grantCalls++;
    this.grants.add(`${accountKey}|${entitlementKey}|${via ?? ''}`);
  }

  reject(reason: string): void {
    this.rejections.push({ line: this.line, reason });
  }

  asOf(date: string): void {
    this.asOfDates.push(date);
  }

  /** The grants, sorted, for an exact comparison. */
  grantList(): string[] {
    return [...this.grants].sort();
  }

  accountOf(key: string): AccountRecord {
    const found = this.accounts.get(key);
    if (!found) throw new Error(`no account ${key}; have ${[...this.accounts.keys()].join(', ')}`);
    return found;
  }

  private merge<T extends Keyed>(map: Map<string, T>, key: string, record: T): void {
    const existing = map.get(key);
    if (!existing) {
      map.set(key, { ...record });
      return;
    }
    const merged: Record<string, unknown> = { ...existing };
    for (const [field, value] of Object.entries(record)) {
      if (value === null || value === undefined) continue;
      const had = merged[field];
      if (had === null || had === undefined) merged[field] = value;
      else if (!isDeepStrictEqual(had, value)) this.conflicts.push(`${key}.${field}: ${JSON.stringify(had)} vs ${JSON.stringify(value)}`);
    }
    map.set(key, merged as T);
  }
}

function rejectionOf(error: unknown): string {
  if (error instanceof RowRejected) return error.message;
  throw error;
}

/** Maps a JSON document the way the import pipeline does (line 0 until the profile sets one). */
export function mapJson(profile: JsonProfile, document: unknown): CollectingSink {
  const sink = new CollectingSink();
  try {
    profile.mapDocument(document, sink, sink.setLine);
  } catch (error) {
    sink.reject(rejectionOf(error));
  }
  return sink;
}

/** Maps LDIF entries the way the import pipeline does: each at its dn: line, a RowRejected rejects it. */
export async function mapLdif(profile: LdifProfile, entries: AsyncIterable<LdifEntry> | Iterable<LdifEntry>): Promise<CollectingSink> {
  const sink = new CollectingSink();
  const mapEntry = profile.mapper();
  for await (const entry of entries) {
    sink.setLine(entry.line);
    try {
      mapEntry(entry, sink);
    } catch (error) {
      sink.reject(rejectionOf(error));
    }
  }
  return sink;
}

/** An LdifEntry built by hand: attribute names lower-cased as the reader does. */
export function ldifEntry(dn: string, attributes: Record<string, string | readonly string[]>, line = 1): LdifEntry {
  const map = new Map<string, readonly string[]>();
  for (const [name, value] of Object.entries(attributes)) map.set(name.toLowerCase(), typeof value === 'string' ? [value] : value);
  return { line, dn, attributes: map };
}
