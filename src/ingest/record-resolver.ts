import type { AccountRecord, EntitlementRecord, IdentityRecord, RecordSink } from './records.js';
import { VERDICT_FIELDS, type GrantBatch, type ResolvedRecords, type SnapshotOutput } from './snapshot-output.js';

interface Seen<T> {
  id: number;
  record: T;
  source: number;
  line: number;
  /** False for an account only named by a grant so far (a group's `member`): a stand-in. */
  described: boolean;
  /**
   * The last frozen record merged in. A profile may hand the same frozen record again for rows
   * that repeat it (it must hold copied strings, not slices of the file): it is not merged again.
   */
  lastInput?: T | undefined;
}

type Pending =
  | { kind: 'identity'; record: IdentityRecord }
  | { kind: 'account'; record: AccountRecord }
  | { kind: 'entitlement'; record: EntitlementRecord }
  | { kind: 'grant'; account: string; entitlement: string; via: string | null };

/** Grants handed to the store per batch. */
const GRANT_BATCH = 16_384;

export function duplicateMessage(firstLine: number): string {
  return `Duplicate row: everything on it was already imported from this file (first at line ${firstLine}).`;
}

/**
 * A deep copy with fresh strings. Readers hand out cells sliced from large decoded chunks, and
 * V8 keeps a whole chunk alive while any slice of it is held: what outlives a row is copied.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Fills gaps in `into` from `from`; a different non-empty value is a conflict (the first wins). */
function mergeInto<T extends object>(into: T, from: T): number {
  let conflicts = 0;
  const target = into as Record<string, unknown>;
  const source = from as Record<string, unknown>;
  // A plain loop: this runs for every row that names a known account (a grants file: every row).
  for (const field in source) {
    const value = source[field];
    if (value === undefined || value === null || field === 'attributes' || field === 'key') continue;
    const current = target[field];
    if (current === undefined || current === null) target[field] = detached(value);
    else if (typeof value === 'boolean' && field === 'privileged') target[field] = current === true || value;
    else if (current !== value) conflicts += 1;
  }
  const attributes = (from as { attributes?: Record<string, string> }).attributes;
  if (attributes) target.attributes = { ...detached(attributes), ...(target.attributes as Record<string, string> | undefined) };
  return conflicts;
}

/**
 * The RecordSink profiles write into. Each row (or entry) is buffered between beginRecord and
 * endRecord, so a rejected row leaves nothing behind. Accounts and entitlements merge by key
 * and get their ids here; identities, grants (in batches, as ids) and rejections go to the
 * output as they come; the merged accounts and entitlements come back from finish(). It holds
 * no database: it can run in a worker while the store writes.
 */
export class RecordResolver implements RecordSink {
  private readonly accounts = new Map<string, Seen<AccountRecord>>();
  private readonly entitlements = new Map<string, Seen<EntitlementRecord>>();
  private readonly identities = new Map<string, number>();
  private pending: Pending[] = [];
  private batch = RecordResolver.emptyBatch();
  private rowSerial = 0;
  /** Grants to stand-in accounts wait for the account to be described (sent at finish, or skipped). */
  private readonly waitingGrants: { account: string; entitlement: string; via: string | null }[] = [];
  private rejectedReason: string | null = null;
  /** While applying a record: whether it added anything, and the line of the same-file record it repeats. */
  private novel = false;
  private repeatsLine: number | null = null;
  private source = 0;
  private line = 0;
  private rowsRead = 0;
  private conflicts = 0;
  private asOfDate: string | null = null;

  constructor(
    private readonly output: SnapshotOutput,
    private nextAccountId: number,
    private nextEntitlementId: number,
  ) {}

  private static emptyBatch(): GrantBatch {
    return {
      count: 0,
      accounts: new Int32Array(GRANT_BATCH),
      entitlements: new Int32Array(GRANT_BATCH),
      viaSlots: [],
      viaValues: [],
      rows: new Int32Array(GRANT_BATCH),
      // A row awaits only with a grant in the batch: at most one verdict per slot.
      verdicts: new Int32Array(GRANT_BATCH * VERDICT_FIELDS),
      verdictCount: 0,
    };
  }

  beginRecord(source: number, line: number): void {
    this.source = source;
    this.line = line;
    this.pending = [];
    this.rejectedReason = null;
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
    this.rejectedReason ??= reason;
  }

  asOf(date: string): void {
    if (this.asOfDate === null || date > this.asOfDate) this.asOfDate = date;
  }

  /** Applies the record's buffered output, or reports its rejection. Returns whether it was kept. */
  endRecord(): boolean {
    this.rowsRead += 1;
    this.rejectedReason ??= this.repeatedIdentity();
    if (this.rejectedReason !== null) {
      this.output.rejection(this.source, this.line, this.rejectedReason);
      return false;
    }
    this.novel = false;
    this.repeatsLine = null;
    this.rowSerial += 1;
    let queuedGrant = false;
    // Direct grants first: when the same access arrives directly and through a group, direct wins.
    let viaGroup = false;
    for (const item of this.pending) {
      if (item.kind === 'grant' && item.via !== null) viaGroup = true;
      else queuedGrant = this.apply(item) || queuedGrant;
    }
    if (viaGroup) for (const item of this.pending) if (item.kind === 'grant' && item.via !== null) queuedGrant = this.apply(item) || queuedGrant;
    // apply() sets these; read them back without the narrowing of the assignments above.
    const repeats = this.repeatsLine as number | null;
    // A row that brought nothing new and repeats one of its file is a duplicate: reported, not
    // doubled. If it queued grants, the store decides once it knows whether any was new.
    if (!(this.novel as boolean) && repeats !== null) {
      if (!queuedGrant) {
        this.output.rejection(this.source, this.line, duplicateMessage(repeats));
        return false;
      }
      const { verdicts } = this.batch;
      const at = this.batch.verdictCount++ * VERDICT_FIELDS;
      verdicts[at] = this.rowSerial;
      verdicts[at + 1] = this.source;
      verdicts[at + 2] = this.line;
      verdicts[at + 3] = repeats;
    }
    if (this.batch.count >= GRANT_BATCH - 64) this.flush();
    return true;
  }

  private repeatedIdentity(): string | null {
    for (const item of this.pending) {
      if (item.kind !== 'identity') continue;
      const line = this.identities.get(item.record.employeeId);
      if (line !== undefined) return `Employee ID ${item.record.employeeId} appears again (first at line ${line}).`;
    }
    return null;
  }

  /** Returns true when it queued a grant. */
  private apply(item: Pending): boolean {
    switch (item.kind) {
      case 'identity':
        this.novel = true;
        this.identities.set(detached(item.record.employeeId), this.line);
        this.output.identity(item.record);
        return false;
      case 'account':
        this.accountId(item.record.key, item.record);
        return false;
      case 'entitlement':
        this.entitlementId(item.record.key, item.record);
        return false;
      case 'grant':
        if (!this.accounts.get(item.account)?.described) {
          this.waitingGrants.push(detached({ account: item.account, entitlement: item.entitlement, via: item.via }));
          this.novel = true;
          return false;
        }
        this.queueGrant(item.account, item.entitlement, item.via);
        return true;
    }
  }

  private queueGrant(account: string, entitlement: string, via: string | null): void {
    if (this.batch.count === GRANT_BATCH) this.flush();
    const slot = this.batch.count++;
    this.batch.accounts[slot] = this.accountId(account);
    this.batch.entitlements[slot] = this.entitlementId(entitlement);
    if (via !== null) {
      this.batch.viaSlots.push(slot);
      this.batch.viaValues.push(detached(via));
    }
    this.batch.rows[slot] = this.rowSerial;
  }

  /** Hands the queued grants (and the verdicts waiting on them) to the store. */
  private flush(): void {
    if (this.batch.count === 0 && this.batch.verdictCount === 0) return;
    this.output.grants(this.batch);
    this.batch = RecordResolver.emptyBatch();
  }

  /**
   * The account's id, merging `record` into what is known. A key seen only in a grant so far
   * is a stand-in: the first real record replaces it whole.
   */
  private accountId(key: string, record?: AccountRecord): number {
    const seen = this.accounts.get(key);
    if (seen && record && record === seen.lastInput) {
      if (seen.source === this.source) this.repeatsLine ??= seen.line;
      return seen.id;
    }
    if (seen && record && Object.isFrozen(record)) seen.lastInput = record;
    if (seen && record && !seen.described) {
      Object.assign(seen, { record: detached(record), source: this.source, line: this.line, described: true });
      this.novel = true;
    } else if (seen) {
      if (record) {
        this.conflicts += mergeInto(seen.record, record);
        if (seen.source === this.source) this.repeatsLine ??= seen.line;
      }
    } else {
      this.novel = true;
      const entry = { id: this.nextAccountId++, record: detached(record ?? { key, login: key, status: 'enabled' as const }), source: this.source, line: this.line, described: record !== undefined };
      this.accounts.set(entry.record.key, entry);
      return entry.id;
    }
    return seen.id;
  }

  private entitlementId(key: string, record?: EntitlementRecord): number {
    const seen = this.entitlements.get(key);
    if (seen) {
      if (record && record !== seen.lastInput) {
        this.conflicts += mergeInto(seen.record, record);
        if (Object.isFrozen(record)) seen.lastInput = record;
      }
      return seen.id;
    }
    this.novel = true;
    const entry = { id: this.nextEntitlementId++, record: detached(record ?? { key, name: key }), source: this.source, line: this.line, described: true };
    this.entitlements.set(entry.record.key, entry);
    return entry.id;
  }

  /** Sends the grants that waited for their account, and returns the merged accounts and entitlements. */
  finish(): ResolvedRecords {
    let undescribedGrants = 0;
    this.rowSerial += 1; // the waiting grants belong to no row of their own
    for (const grant of this.waitingGrants) {
      if (this.accounts.get(grant.account)?.described) this.queueGrant(grant.account, grant.entitlement, grant.via);
      else undescribedGrants += 1;
    }
    this.flush();
    return {
      accounts: [...this.accounts.values()].filter((a) => a.described).map((a) => [a.id, a.record]),
      entitlements: [...this.entitlements.values()].map((e) => [e.id, e.record]),
      rowsRead: this.rowsRead,
      conflicts: this.conflicts,
      undescribedGrants,
      asOf: this.asOfDate,
    };
  }
}
