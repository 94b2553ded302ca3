import type Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations newer than the file's `user_version`, each in its own transaction
 * together with its version bump, so a crash leaves the file at a whole version.
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, onApplied?: (version: number, name: string) => void): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= schemaVersionOf(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      onApplied?.(migration.version, migration.name);
    })();
    applied.push(migration.version);
  }
  if (schemaVersionOf(db) !== SCHEMA_VERSION) {
    throw new Error(`migrations stopped at version ${schemaVersionOf(db)} of ${SCHEMA_VERSION}`);
  }
  return applied;
}
