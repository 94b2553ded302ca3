import type Database from 'better-sqlite3-multiple-ciphers';
import { foldKey } from './normalize/keys.js';
import type { IdentityRecord } from './records.js';
import { duplicateMessage } from './record-resolver.js';
import { VERDICT_FIELDS, type GrantBatch, type ResolvedRecords, type SnapshotOutput } from './snapshot-output.js';

export interface Rejection {
  source: number;
  line: number;
  reason: string;
}

export interface StoreCounts {
  rowsRead: number;
  rowsRejected: number;
  identities: number;
  accounts: number;
  entitlements: number;
  grants: number;
  duplicateGrants: number;
  conflicts: number;
  undescribedGrants: number;
}

/** How many rejections the result carries in full (all are stored in the workspace). */
const REJECTIONS_KEPT = 1000;

/**
 * Writes one snapshot's rows in the caller's transaction, from what the resolver hands over.
 * Grants arrive in batches and go in with a tight loop of inserts (which keeps SQLite's pages
 * hot); whether each was new is the insert's change count, and with it the verdict on rows
 * that were duplicates unless one of their grants was new.
 */
export class SnapshotStore implements SnapshotOutput {
  private readonly insertGrant: Database.Statement;
  private readonly insertIdentity: Database.Statement;
  private readonly insertRejection: Database.Statement;
  /** The row of the last grant that was new, across batches. */
  private lastAddedRow = -1;
  readonly rejections: Rejection[] = [];
  readonly counts: StoreCounts = { rowsRead: 0, rowsRejected: 0, identities: 0, accounts: 0, entitlements: 0, grants: 0, duplicateGrants: 0, conflicts: 0, undescribedGrants: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly snapshotId: number,
    /** snapshot_sources ids by source index, for rejected rows. */
    private readonly sourceIds: readonly number[],
  ) {
    this.insertGrant = db.prepare('INSERT INTO grants (snapshot_id, account_id, entitlement_id, via) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.insertRejection = db.prepare('INSERT INTO rejected_rows (snapshot_id, source_id, line, reason, raw) VALUES (?, ?, ?, ?, NULL)');
    this.insertIdentity = db.prepare(`INSERT INTO identities (snapshot_id, employee_id, first_name, last_name, display_name, email, email_key,
      manager_employee_id, manager_email, department, title, location, employment_type, status, hire_date, termination_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** The ids the resolver should hand out next. */
  static nextIds(db: Database.Database): { account: number; entitlement: number } {
    const next = (table: string): number => ((db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0) + 1;
    return { account: next('accounts'), entitlement: next('entitlements') };
  }

  identity(r: IdentityRecord): void {
    this.insertIdentity.run(
      this.snapshotId, r.employeeId, r.firstName ?? null, r.lastName ?? null, r.displayName ?? null, r.email ?? null,
      r.email ? foldKey(r.email) : null, r.managerEmployeeId ?? null, r.managerEmail ?? null, r.department ?? null, r.title ?? null,
      r.location ?? null, r.employmentType ?? null, r.status, r.hireDate ?? null, r.terminationDate ?? null,
    );
    this.counts.identities += 1;
  }

  rejection(source: number, line: number, reason: string): void {
    this.counts.rowsRejected += 1;
    this.insertRejection.run(this.snapshotId, this.sourceIds[source] ?? null, line, reason);
    if (this.rejections.length < REJECTIONS_KEPT) this.rejections.push({ source, line, reason });
  }

  grants(batch: GrantBatch): void {
    const insert = this.insertGrant;
    const snapshot = this.snapshotId;
    const { accounts, entitlements, rows, viaSlots, viaValues, verdicts, verdictCount } = batch;
    let nextVia = 0;
    let nextVerdict = 0;
    // The row of the last new grant. Rows ascend, so once the inserts pass a waiting row, that
    // row was new if and only if it is this (its grants may have begun in the previous batch).
    let lastAdded = this.lastAddedRow;
    for (let i = 0; i < batch.count; i++) {
      const row = rows[i] ?? -1;
      while (nextVerdict < verdictCount && (verdicts[nextVerdict * VERDICT_FIELDS] ?? 0) < row) this.settle(verdicts, nextVerdict++, lastAdded);
      let via: string | null = null;
      if (viaSlots[nextVia] === i) via = viaValues[nextVia++] ?? null;
      if (insert.run(snapshot, accounts[i], entitlements[i], via).changes === 1) {
        this.counts.grants += 1;
        lastAdded = row;
      } else this.counts.duplicateGrants += 1;
    }
    while (nextVerdict < verdictCount) this.settle(verdicts, nextVerdict++, lastAdded);
    this.lastAddedRow = lastAdded;
  }

  /** A waiting row none of whose grants was new is a duplicate. */
  private settle(verdicts: Int32Array, index: number, lastAdded: number): void {
    const at = index * VERDICT_FIELDS;
    if (verdicts[at] !== lastAdded) this.rejection(verdicts[at + 1] ?? 0, verdicts[at + 2] ?? 0, duplicateMessage(verdicts[at + 3] ?? 0));
  }

  /** Writes the merged accounts (privileged when they hold a privileged entitlement) and entitlements. */
  finish(resolved: ResolvedRecords): StoreCounts {
    const privileged = resolved.entitlements.filter(([, e]) => e.privileged).map(([id]) => id);
    const holders = new Set(
      privileged.length === 0
        ? []
        : (this.db
            .prepare('SELECT DISTINCT account_id FROM grants WHERE snapshot_id = ? AND entitlement_id IN (SELECT value FROM json_each(?))')
            .pluck()
            .all(this.snapshotId, JSON.stringify(privileged)) as number[]),
    );
    const account = this.db.prepare(`INSERT INTO accounts (id, snapshot_id, account_key, login, email, email_key, display_name, employee_id,
      status, account_type, privileged, mfa, created_on, last_login, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const [id, r] of resolved.accounts) {
      const attributes = r.attributes && Object.keys(r.attributes).length > 0 ? JSON.stringify(r.attributes) : null;
      account.run(
        id, this.snapshotId, r.key, r.login, r.email ?? null, r.email ? foldKey(r.email) : null, r.displayName ?? null, r.employeeId ?? null,
        r.status, r.accountType ?? 'human', r.privileged === true || holders.has(id) ? 1 : 0, r.mfa === undefined || r.mfa === null ? null : Number(r.mfa),
        r.createdOn ?? null, r.lastLogin ?? null, attributes,
      );
    }
    const entitlement = this.db.prepare('INSERT INTO entitlements (id, snapshot_id, entitlement_key, name, type, description, privileged) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [id, r] of resolved.entitlements) entitlement.run(id, this.snapshotId, r.key, r.name, r.type ?? 'role', r.description ?? null, r.privileged ? 1 : 0);
    // Verdicts that waited for a batch arrive late: report in file order.
    this.rejections.sort((a, b) => a.source - b.source || a.line - b.line);
    Object.assign(this.counts, {
      rowsRead: resolved.rowsRead,
      accounts: resolved.accounts.length,
      entitlements: resolved.entitlements.length,
      conflicts: resolved.conflicts,
      undescribedGrants: resolved.undescribedGrants,
    });
    return this.counts;
  }
}
