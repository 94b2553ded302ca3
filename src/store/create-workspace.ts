import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendAuditEvent } from '../audit/audit-log.js';
import { AttestError } from '../errors.js';
import { APPLICATION_ID, openKeyed } from './cipher.js';
import { checkWritable } from './file-checks.js';
import { migrate } from './migrate.js';
import { assertAcceptablePassphrase } from './passphrase-policy.js';
import { newWorkspaceId, openWorkspace, type Workspace } from './workspace.js';

export interface CreateWorkspaceOptions {
  org?: string | undefined;
  operator?: string | undefined;
}

function assertAbsent(path: string): void {
  try {
    lstatSync(path);
  } catch {
    return;
  }
  throw new AttestError('EXISTS', `${path} already exists, and Attest never overwrites a file. Choose a new name, or open the existing workspace.`);
}

/** Removes a file and the WAL/SHM/journal files SQLite may have left beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function publishNoOverwrite(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') assertAbsent(path);
    // Filesystems without hard links (FAT/exFAT sticks): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    assertAbsent(path);
    renameSync(temp, path);
  }
}

/**
 * Creates a workspace without ever exposing a half-made one: the database is built under a
 * temporary name and hard-linked into place, which fails (EXISTS) rather than replace a file
 * that appeared in the meantime.
 */
export function createWorkspace(path: string, passphrase: string, options: CreateWorkspaceOptions = {}): Workspace {
  assertAbsent(path);
  checkWritable(path, 'folder');
  assertAcceptablePassphrase(passphrase);
  const operator = options.operator ?? 'attest';
  const temp = join(dirname(path), `.${basename(path)}.creating-${randomBytes(6).toString('hex')}`);
  try {
    const db = openKeyed(temp, passphrase, { create: true });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      db.transaction(() => {
        const workspaceId = newWorkspaceId();
        const createdAt = new Date().toISOString();
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        meta.run('workspace_id', workspaceId);
        meta.run('org', options.org ?? '');
        meta.run('created_at', createdAt);
        meta.run('created_by', operator);
        if (options.operator !== undefined) meta.run('operator', options.operator);
        appendAuditEvent(db, operator, 'workspace.created', { workspaceId, org: options.org ?? null });
      })();
    } finally {
      db.close();
    }
    publishNoOverwrite(temp, path);
  } finally {
    removeDatabaseFiles(temp);
  }
  return openWorkspace(path, passphrase, operator);
}
