import Database from 'better-sqlite3-multiple-ciphers';
import { nativeBindingOption } from './native-binding.js';

/** 'ATST': marks a database as an Attest workspace (PRAGMA application_id). */
export const APPLICATION_ID = 0x41545354;

/**
 * Opens a connection keyed for the SQLCipher 4 format. `legacy=4` matters: `cipher='sqlcipher'`
 * alone leaves header bytes 16-23 in clear. The passphrase goes through SQLCipher's own KDF
 * (PBKDF2-HMAC-SHA512, 256k iterations) and is passed as bytes, never spliced into SQL.
 * EXCLUSIVE locking is set before the first read so that WAL runs without shared memory and the
 * connection's OS lock keeps every other process out until it closes (released if it dies).
 */
export function openKeyed(path: string, passphrase: string, options: { create: boolean }): Database.Database {
  const db = new Database(path, { fileMustExist: !options.create, timeout: 0, ...nativeBindingOption() });
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.key(Buffer.from(passphrase, 'utf8'));
    db.pragma('locking_mode=EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Takes the exclusive lock now (no write happens) and keeps it for the connection's life. */
export function holdExclusiveLock(db: Database.Database): void {
  db.exec('BEGIN EXCLUSIVE; COMMIT;');
}

export function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}
