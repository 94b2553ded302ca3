import type Database from 'better-sqlite3-multiple-ciphers';
import type { AccountRecord, EntitlementRecord, IdentityRecord, RecordSink } from './records.js';
import { foldKey } from './normalize/keys.js';

export interface Rejection {
  source: number;
  line: number;
  reason: string;
}

export interface WriterCounts {
  rowsRead: number;
  rowsRejected: number;
  identities: number;
  accounts: number;
  entitlements: number;
  grants: number;
  duplicateGrants: number;
  conflicts: number;
  /** Grants naming an account the files never describe (a nested group, a computer): skipped. */
  undescribedGrants: number;
}

interface Seen<T> {
  id: number;
  record: T;
  source: number;
  line: number;
  /** False for an account only named by a grant so far (a group's `member`): a stand-in. */
  described: boolean;
}

type Pending =
  | { kind: 'identity'; record: IdentityRecord }
  | { kind: 'account'; record: AccountRecord }
  | { kind: 'entitlement'; record: EntitlementRecord }
  | { kind: 'grant'; account: string; entitlement: string; via: string | null };

/** Grants written per batch. */
const GRANT_BATCH = 16_384;

function duplicateMessage(firstLine: number): string {
  return `Duplicate row: everything on it was already imported from this file (first at line ${firstLine}).`;
}

/** How many rejections the result carries in full (all are stored in the workspace). */
const REJECTIONS_KEPT = 1000;

function nextId(db: Database.Database, table: string): number {
  return ((db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0) + 1;
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
 * A RecordSink that lands one snapshot in the workspace, inside the caller's transaction.
 * Each row (or entry) is buffered between beginRecord and endRecord, so that a rejected row
 * leaves nothing behind; grants are written as they come (integer ids, the bulk path) and
 * accounts / entitlements, merged by key, at finish.
 */
export class SnapshotWriter implements RecordSink {
  private readonly accounts = new Map<string, Seen<AccountRecord>>();
  private readonly entitlements = new Map<string, Seen<EntitlementRecord>>();
  private readonly identities = new Map<string, { line: number; source: number }>();
  private readonly insertGrant: Database.Statement;
  private readonly insertIdentity: Database.Statement;
  private readonly insertRejection: Database.Statement;
  private nextAccountId: number;
  private nextEntitlementId: number;
  private pending: Pending[] = [];
  private readonly queuedRow = new Int32Array(GRANT_BATCH);
  /** Rows that added nothing but grants, and repeat a record of their file: duplicates unless a grant is new. */
  private readonly rowsAwaitingGrants = new Map<number, { source: number; line: number; repeatsLine: number }>();
  private rowSerial = 0;
  private lastRowWithNewGrant = -1;
  private readonly queuedAccounts = new Int32Array(GRANT_BATCH);
  private readonly queuedEntitlements = new Int32Array(GRANT_BATCH);
  private readonly queuedVia: (string | null)[] = new Array<string | null>(GRANT_BATCH).fill(null);
  private queued = 0;
  /** Grants to stand-in accounts wait for the account to be described (written at finish, or skipped). */
  private readonly waitingGrants: { account: string; entitlement: string; via: string | null }[] = [];
  private rejectedReason: string | null = null;
  /** While applying a record: whether it added anything, and the line of the same-file record it repeats. */
  private novel = false;
  private repeatsLine: number | null = null;
  private source = 0;
  private line = 0;
  readonly rejections: Rejection[] = [];
  readonly counts: WriterCounts = { rowsRead: 0, rowsRejected: 0, identities: 0, accounts: 0, entitlements: 0, grants: 0, duplicateGrants: 0, conflicts: 0, undescribedGrants: 0 };
  asOfDate: string | null = null;
  /** Source ids (snapshot_sources rows) by source index, for rejected rows. */
  sourceIds: number[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly snapshotId: number,
  ) {
    this.nextAccountId = nextId(db, 'accounts');
    this.nextEntitlementId = nextId(db, 'entitlements');
    this.insertGrant = db.prepare('INSERT INTO grants (snapshot_id, account_id, entitlement_id, via) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.insertRejection = db.prepare('INSERT INTO rejected_rows (snapshot_id, source_id, line, reason, raw) VALUES (?, ?, ?, ?, NULL)');
    this.insertIdentity = db.prepare(`INSERT INTO identities (snapshot_id, employee_id, first_name, last_name, display_name, email, email_key,
      manager_employee_id, manager_email, department, title, location, employment_type, status, hire_date, termination_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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

  /** Applies the record's buffered output, or records its rejection. Returns whether it was kept. */
  endRecord(): boolean {
    this.counts.rowsRead += 1;
    this.rejectedReason ??= this.repeatedIdentity();
    if (this.rejectedReason !== null) {
      this.recordRejection(this.rejectedReason);
      return false;
    }
    this.novel = false;
    this.repeatsLine = null;
    this.rowSerial += 1;
    const queuedBefore = this.queued;
    // Direct grants first: when the same access arrives directly and through a group, direct wins.
    let viaGroup = false;
    for (const item of this.pending) {
      if (item.kind === 'grant' && item.via !== null) viaGroup = true;
      else this.apply(item);
    }
    if (viaGroup) for (const item of this.pending) if (item.kind === 'grant' && item.via !== null) this.apply(item);
    // apply() sets these; read them back without the narrowing of the assignments above.
    const repeats = this.repeatsLine as number | null;
    // A row that brought nothing new and repeats one of the same file is a duplicate: reported, not
    // doubled. If it queued grants, the verdict waits for their inserts.
    if (!(this.novel as boolean) && repeats !== null) {
      const queuedGrants = this.queued !== queuedBefore || (this.queued > 0 && this.queuedRow[this.queued - 1] === this.rowSerial);
      if (this.lastRowWithNewGrant === this.rowSerial) return true; // a batch flushed mid-row wrote one of its grants
      if (!queuedGrants) {
        this.recordRejection(duplicateMessage(repeats), this.source, this.line);
        return false;
      }
      this.rowsAwaitingGrants.set(this.rowSerial, { source: this.source, line: this.line, repeatsLine: repeats });
    }
    return true;
  }

  private recordRejection(reason: string, source = this.source, line = this.line): void {
    this.counts.rowsRejected += 1;
    this.insertRejection.run(this.snapshotId, this.sourceIds[source] ?? null, line, reason);
    if (this.rejections.length < REJECTIONS_KEPT) this.rejections.push({ source, line, reason });
  }

  private repeatedIdentity(): string | null {
    for (const item of this.pending) {
      if (item.kind !== 'identity') continue;
      const seen = this.identities.get(item.record.employeeId);
      if (seen) return `Employee ID ${item.record.employeeId} appears again (first at line ${seen.line}).`;
    }
    return null;
  }

  private apply(item: Pending): void {
    switch (item.kind) {
      case 'identity':
        this.novel = true;
        return this.writeIdentity(item.record);
      case 'account':
        this.accountId(item.record.key, item.record);
        return;
      case 'entitlement':
        this.entitlementId(item.record.key, item.record);
        return;
      case 'grant': {
        if (!this.accounts.get(item.account)?.described) {
          this.waitingGrants.push(detached({ account: item.account, entitlement: item.entitlement, via: item.via }));
          this.novel = true;
          return;
        }
        this.writeGrant(item.account, item.entitlement, item.via);
      }
    }
  }

  /**
   * Queues a grant. Grants are written in batches: a tight loop of inserts keeps SQLite's pages
   * hot, where interleaving them with row mapping did not. Whether a grant was new is learnt at
   * the flush (the insert's change count), and with it whether its row was a duplicate.
   */
  private writeGrant(account: string, entitlement: string, via: string | null): void {
    const slot = this.queued++;
    this.queuedAccounts[slot] = this.accountId(account);
    this.queuedEntitlements[slot] = this.entitlementId(entitlement);
    this.queuedVia[slot] = via === null ? null : detached(via);
    this.queuedRow[slot] = this.rowSerial;
    if (this.queued === GRANT_BATCH) this.flushGrants();
  }

  private flushGrants(): void {
    const insert = this.insertGrant;
    const snapshot = this.snapshotId;
    let row = -1;
    let rowAddedGrant = false;
    const settleRow = (): void => {
      const verdict = this.rowsAwaitingGrants.get(row);
      if (verdict === undefined) return;
      this.rowsAwaitingGrants.delete(row);
      if (!rowAddedGrant) this.recordRejection(duplicateMessage(verdict.repeatsLine), verdict.source, verdict.line);
    };
    for (let i = 0; i < this.queued; i++) {
      if (this.queuedRow[i] !== row) {
        settleRow();
        row = this.queuedRow[i] ?? -1;
        rowAddedGrant = false;
      }
      if (insert.run(snapshot, this.queuedAccounts[i], this.queuedEntitlements[i], this.queuedVia[i]).changes === 1) {
        this.counts.grants += 1;
        rowAddedGrant = true;
        this.lastRowWithNewGrant = row;
      } else this.counts.duplicateGrants += 1;
    }
    settleRow();
    this.queued = 0;
    this.queuedVia.fill(null);
  }

  private writeIdentity(r: IdentityRecord): void {
    this.identities.set(detached(r.employeeId), { line: this.line, source: this.source });
    this.insertIdentity.run(
      this.snapshotId, r.employeeId, r.firstName ?? null, r.lastName ?? null, r.displayName ?? null, r.email ?? null,
      r.email ? foldKey(r.email) : null, r.managerEmployeeId ?? null, r.managerEmail ?? null, r.department ?? null, r.title ?? null,
      r.location ?? null, r.employmentType ?? null, r.status, r.hireDate ?? null, r.terminationDate ?? null,
    );
    this.counts.identities += 1;
  }

  /**
   * The account's id, merging `record` into what is known. A key seen only in a grant so far
   * is a stand-in: the first real record replaces it whole.
   */
  private accountId(key: string, record?: AccountRecord): number {
    const seen = this.accounts.get(key);
    if (seen && record && !seen.described) {
      Object.assign(seen, { record: detached(record), source: this.source, line: this.line, described: true });
      this.novel = true;
    } else if (seen) {
      if (record) {
        this.counts.conflicts += mergeInto(seen.record, record);
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
      if (record) this.counts.conflicts += mergeInto(seen.record, record);
      return seen.id;
    }
    this.novel = true;
    const entry = { id: this.nextEntitlementId++, record: detached(record ?? { key, name: key }), source: this.source, line: this.line, described: true };
    this.entitlements.set(entry.record.key, entry);
    return entry.id;
  }

  /** Accounts that hold a privileged entitlement are privileged. */
  private markPrivilegedHolders(): void {
    const privileged = [...this.entitlements.values()].filter((e) => e.record.privileged).map((e) => e.id);
    if (privileged.length === 0) return;
    const byId = new Map([...this.accounts.values()].map((a) => [a.id, a]));
    const holders = this.db
      .prepare(`SELECT DISTINCT account_id FROM grants WHERE snapshot_id = ? AND entitlement_id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(this.snapshotId, JSON.stringify(privileged)) as number[];
    for (const id of holders) {
      const account = byId.get(id);
      if (account) account.record.privileged = true;
    }
  }

  /** Writes the grants that waited for their account, the merged accounts and entitlements. */
  finish(): WriterCounts {
    for (const grant of this.waitingGrants) {
      if (this.accounts.get(grant.account)?.described) this.writeGrant(grant.account, grant.entitlement, grant.via);
      else this.counts.undescribedGrants += 1;
    }
    this.flushGrants();
    // Duplicate verdicts that waited for a flush arrive late: report in file order.
    this.rejections.sort((a, b) => a.source - b.source || a.line - b.line);
    this.markPrivilegedHolders();
    const account = this.db.prepare(`INSERT INTO accounts (id, snapshot_id, account_key, login, email, email_key, display_name, employee_id,
      status, account_type, privileged, mfa, created_on, last_login, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { id, record: r, described } of this.accounts.values()) {
      if (!described) continue;
      const attributes = r.attributes && Object.keys(r.attributes).length > 0 ? JSON.stringify(r.attributes) : null;
      account.run(
        id, this.snapshotId, r.key, r.login, r.email ?? null, r.email ? foldKey(r.email) : null, r.displayName ?? null, r.employeeId ?? null,
        r.status, r.accountType ?? 'human', r.privileged ? 1 : 0, r.mfa === undefined || r.mfa === null ? null : Number(r.mfa),
        r.createdOn ?? null, r.lastLogin ?? null, attributes,
      );
    }
    const entitlement = this.db.prepare('INSERT INTO entitlements (id, snapshot_id, entitlement_key, name, type, description, privileged) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const { id, record: r } of this.entitlements.values()) {
      entitlement.run(id, this.snapshotId, r.key, r.name, r.type ?? 'role', r.description ?? null, r.privileged ? 1 : 0);
    }
    this.counts.accounts = [...this.accounts.values()].filter((a) => a.described).length;
    this.counts.entitlements = this.entitlements.size;
    return this.counts;
  }
}
