import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendAuditEvent } from '../audit/audit-log.js';
import { AttestError } from '../errors.js';
import { openKeyed, sqliteCode } from './cipher.js';
import { removeDatabaseFiles } from './create-workspace.js';
import { assertAcceptablePassphrase } from './passphrase-policy.js';
import { openWorkspace, type Workspace } from './workspace.js';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function openCopy(path: string, passphrase: string, wrongMessage: string): ReturnType<typeof openKeyed> {
  const db = openKeyed(path, passphrase, { create: false });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw sqliteCode(error) === 'SQLITE_NOTADB' ? new AttestError('WRONG_PASSPHRASE', wrongMessage) : error;
  }
}

/**
 * Re-encrypts an open workspace under a new passphrase and returns it reopened with that one.
 * The work happens on a copy: the original stays readable with the old passphrase until the
 * copy, re-keyed, audited and flushed, is renamed over it in one step. A crash at any point
 * leaves either the old file or the new one, never a mix. On a refusal (weak passphrase, wrong
 * current passphrase) the workspace stays open and unchanged.
 */
export function changeWorkspacePassphrase(workspace: Workspace, currentPassphrase: string, newPassphrase: string, actor: string): Workspace {
  assertAcceptablePassphrase(newPassphrase);
  const { path, db } = workspace;
  const temp = join(dirname(path), `.${basename(path)}.rekey-${randomBytes(6).toString('hex')}`);
  let renamed = false;
  try {
    // Fold the WAL into the main file and leave WAL mode, so that the copy is whole and closing
    // the original later cannot touch a "-wal" file that belongs to the new one.
    db.pragma('journal_mode = DELETE');
    copyFileSync(path, temp);
    const copy = openCopy(temp, currentPassphrase, 'The current passphrase is not right. Nothing was changed; try again.');
    try {
      copy.rekey(Buffer.from(newPassphrase, 'utf8'));
      copy.pragma('journal_mode = WAL');
      copy.pragma('synchronous = FULL');
      copy.transaction(() => appendAuditEvent(copy, actor, 'workspace.passphrase-changed', {}))();
    } finally {
      copy.close();
    }
    openCopy(temp, newPassphrase, 'The re-encrypted copy did not unlock with the new passphrase; nothing was changed.').close();
    fsyncPath(temp);
    renameSync(temp, path);
    renamed = true;
    fsyncPath(dirname(path));
  } finally {
    removeDatabaseFiles(temp);
    if (!renamed) db.pragma('journal_mode = WAL');
  }
  workspace.close();
  return openWorkspace(path, newPassphrase, actor);
}
