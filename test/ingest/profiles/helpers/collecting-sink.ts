import { isDeepStrictEqual } from 'node:util';
import type { AccountRecord, EntitlementRecord, IdentityRecord, RecordSink } from '../../../../src/ingest/records.js';

export interface Rejection {
  line: number;
  reason: string;
}

type Pending =
  | { kind: 'identity'; record: IdentityRecord }
  | { kind: 'account'; record: AccountRecord }
  | { kind: 'entitlement'; record: EntitlementRecord }
  | { kind: 'grant'; account: string; entitlement: string; via: string | null };

interface Seen<T> {
  record: T;
  line: number;
  file: number;
}

/**
 * A RecordSink for tests that behaves like the snapshot writer: a row's output is buffered and
 * dropped when the row is rejected; records with one key merge (a later non-null value fills a
 * gap, a different one is a conflict and the first stays, privileged is or-ed, attributes fill
 * in); a grant to an unknown key makes a minimal account or entitlement; an identical grant is
 * counted as a duplicate; a row that adds nothing to what the file already gave is a duplicate
 * row; an employee ID seen before rejects the row.
 */
export class CollectingSink implements RecordSink {
  readonly identities = new Map<string, Seen<IdentityRecord>>();
  readonly accounts = new Map<string, Seen<AccountRecord>>();
  readonly entitlements = new Map<string, Seen<EntitlementRecord>>();
  /** `account → entitlement` (with ` via X` when indirect), in the order granted. */
  readonly grants = new Set<string>();
  readonly rejections: Rejection[] = [];
  readonly conflicts: string[] = [];
  readonly asOfDates: string[] = [];
  duplicateGrants = 0;
  rowsRead = 0;
  private line = 0;
  private file = 0;
  private pending: Pending[] = [];
  private rejected: string | null = null;
  private novel = false;
  private repeatsLine: number | null = null;

  /** The next rows come from another file of the same snapshot. */
  beginFile(): void {
    this.file++;
  }

  beginRow(line: number): void {
    this.line = line;
    this.pending = [];
    this.rejected = null;
    this.novel = false;
    this.repeatsLine = null;
  }

  identity(record: IdentityRecord): void {
    this.pending.push({ kind: 'identity', record });
  }

  account(record: AccountRecord): void {
    this.pending.push({ kind: 'account', record });
  }

  entitlement(record: EntitlementRecord): void {
    this.pending.push({ kind: 'entitlement', record });
  }

  grant(accountKey: string, entitlementKey: string, via: string | null = null): void {
    this.pending.push({ kind: 'grant', account: accountKey, entitlement: entitlementKey, via });
  }

  reject(reason: string): void {
    this.rejected ??= reason;
  }

  asOf(date: string): void {
    this.asOfDates.push(date);
  }

  endRow(): void {
    this.rowsRead++;
    for (const item of this.pending) {
      const first = item.kind === 'identity' ? this.identities.get(item.record.employeeId) : undefined;
      if (first && item.kind === 'identity') this.rejected ??= `Employee ID ${item.record.employeeId} appears again (first at line ${first.line})`;
    }
    if (this.rejected !== null) {
      this.rejections.push({ line: this.line, reason: this.rejected });
      return;
    }
    for (const item of this.pending) this.apply(item);
    if (!this.novel && this.repeatsLine !== null) this.rejections.push({ line: this.line, reason: `Duplicate row (first at line ${this.repeatsLine})` });
  }

  private apply(item: Pending): void {
    if (item.kind === 'identity') {
      this.novel = true;
      this.identities.set(item.record.employeeId, { record: { ...item.record }, line: this.line, file: this.file });
    } else if (item.kind === 'account') this.keep(this.accounts, item.record.key, item.record, true);
    else if (item.kind === 'entitlement') this.keep(this.entitlements, item.record.key, item.record, false);
    else {
      if (!this.accounts.has(item.account)) this.keep(this.accounts, item.account, { key: item.account, login: item.account, status: 'enabled' }, true);
      if (!this.entitlements.has(item.entitlement)) this.keep(this.entitlements, item.entitlement, { key: item.entitlement, name: item.entitlement }, false);
      const grant = `${item.account} → ${item.entitlement}${item.via === null ? '' : ` via ${item.via}`}`;
      if (this.grants.has(grant)) this.duplicateGrants++;
      else {
        this.grants.add(grant);
        this.novel = true;
      }
    }
  }

  /** Merges a record into what is known; an account seen earlier in the same file marks the row as a possible repeat. */
  private keep<T extends { key: string; attributes?: Readonly<Record<string, string>> }>(map: Map<string, Seen<T>>, key: string, record: T, isAccount: boolean): void {
    const seen = map.get(key);
    if (!seen) {
      this.novel = true;
      map.set(key, { record: { ...record }, line: this.line, file: this.file });
      return;
    }
    if (isAccount && seen.file === this.file) this.repeatsLine ??= seen.line;
    const into = seen.record as Record<string, unknown>;
    for (const [field, value] of Object.entries(record) as [string, unknown][]) {
      if (value === undefined || value === null || field === 'attributes') continue;
      const current = into[field];
      if (current === undefined || current === null) into[field] = value;
      else if (field === 'privileged') into[field] = current === true || value === true;
      else if (!isDeepStrictEqual(current, value)) this.conflicts.push(`${key} ${field}: ${JSON.stringify(current)} kept, ${JSON.stringify(value)} dropped`);
    }
    if (record.attributes) into.attributes = { ...record.attributes, ...(into.attributes as Record<string, string> | undefined) };
  }

  /** Everything collected, records in first-seen order, for exact comparison. */
  result() {
    return {
      rowsRead: this.rowsRead,
      identities: [...this.identities.values()].map((s) => s.record),
      accounts: [...this.accounts.values()].map((s) => s.record),
      entitlements: [...this.entitlements.values()].map((s) => s.record),
      grants: [...this.grants],
      duplicateGrants: this.duplicateGrants,
      rejections: [...this.rejections],
      conflicts: [...this.conflicts],
      asOf: this.asOfDates,
    };
  }
}

export type Collected = ReturnType<CollectingSink['result']>;
