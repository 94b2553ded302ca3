import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAuditEvent, type AuditEvent } from '../audit/audit-log.js';
import { AttestError } from '../errors.js';
import { APPLICATION_ID, holdExclusiveLock, openKeyed, sqliteCode } from './cipher.js';
import { checkWorkspaceFile, checkWritable } from './file-checks.js';
import { migrate, schemaVersionOf } from './migrate.js';
import { SCHEMA_VERSION } from './migrations/index.js';

/** An open, unlocked workspace. Only one process holds a workspace at a time. */
export class Workspace {
  private closed = false;

  constructor(
    readonly path: string,
    readonly db: Database.Database,
  ) {}

  get schemaVersion(): number {
    return schemaVersionOf(this.db);
  }

  getMeta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * Runs a state change and appends its audit event in one transaction: both land or neither.
   * `describe` turns the change's result into the event's payload.
   */
  change<T>(actor: string, action: string, work: () => T, describe: (result: T) => unknown = () => ({})): { result: T; event: AuditEvent } {
    return this.db.transaction(() => {
      const result = work();
      const event = appendAuditEvent(this.db, actor, action, describe(result));
      return { result, event };
    })();
  }

  /**
   * The asynchronous form of change() for work that streams (imports): BEGIN IMMEDIATE, the
   * work, its audit event, COMMIT; any error or cancellation rolls everything back. With
   * `dryRun` the work runs in full and is then rolled back: the workspace is left as it was.
   */
  async changeAsync<T>(actor: string, action: string, work: () => Promise<T>, describe: (result: T) => unknown, options: { dryRun?: boolean } = {}): Promise<T> {
    if (this.db.inTransaction) throw new Error('changeAsync: a change is already in progress');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      appendAuditEvent(this.db, actor, action, describe(result));
      this.db.exec(options.dryRun ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function classifyOpenError(path: string, error: unknown): unknown {
  switch (sqliteCode(error)) {
    case 'SQLITE_NOTADB':
      return new AttestError(
        'WRONG_PASSPHRASE',
        `The passphrase does not unlock ${path}. Check it (and Caps Lock) and try again; if the file is not an Attest workspace, choose the right file.`,
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AttestError('IN_USE', `${path} is open in another Attest window or command. Close it there, then try again.`);
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return new AttestError('READ_ONLY', `${path} cannot be opened for writing. Copy it to a writable folder and try again.`);
    default:
      return error;
  }
}

/**
 * Unlocks a workspace. Every refusal (wrong passphrase, not a workspace, newer schema, in use)
 * happens before anything is written, so a refused file keeps its bytes. Pending migrations of
 * an older file are applied after the checks, each recorded in the audit trail.
 */
export function openWorkspace(path: string, passphrase: string, actor = 'attest'): Workspace {
  checkWorkspaceFile(path);
  checkWritable(path, 'workspace');
  let db: Database.Database | undefined;
  try {
    db = openKeyed(path, passphrase, { create: false });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw new AttestError('NOT_A_WORKSPACE', `${path} is an encrypted database, but not an Attest workspace. Choose the .attest file that "attest init" created.`);
    }
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) {
      throw new AttestError(
        'NEWER_VERSION',
        `${path} was made by a newer version of Attest (schema ${version}; this one reads up to ${SCHEMA_VERSION}). Update Attest to open it.`,
      );
    }
    holdExclusiveLock(db);
    // A passphrase change interrupted before its rename leaves the old file in rollback mode.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Bulk imports dirty many pages: a larger cache (32 MB) keeps them from spilling (and being
    // encrypted twice) before COMMIT.
    db.pragma('cache_size = -32768');
    const keyed = db;
    migrate(keyed, (v, name) => appendAuditEvent(keyed, actor, 'workspace.migrated', { version: v, name }));
    return new Workspace(path, keyed);
  } catch (error) {
    db?.close();
    throw classifyOpenError(path, error);
  }
}

export function newWorkspaceId(): string {
  return randomUUID();
}
