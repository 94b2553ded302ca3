import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { createWorkspace } from '../../src/store/create-workspace.js';
import type { Workspace } from '../../src/store/workspace.js';

export const PASSPHRASE = 'correct horse battery staple';

export function newWorkspace(dir: string, name = 'w.attest'): Workspace {
  return createWorkspace(join(dir, name), PASSPHRASE, { org: 'Acme Audit', operator: 'tester' });
}

/**
 * Opens a workspace file directly, the way an attacker holding the passphrase could, to tamper
 * with it behind Attest's back (triggers can be dropped; rows changed).
 */
export function openRaw(path: string, passphrase = PASSPHRASE): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.key(Buffer.from(passphrase, 'utf8'));
  return db;
}
