import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../../errors.js';
import type { LdapSettings } from './ldap-settings.js';

/** A connection kept in the workspace: the settings, the system it lands in, and the password. */
export interface SavedLdapConnection {
  settings: LdapSettings;
  system: string | undefined;
  password: string | undefined;
}

/** Reads a connection saved with --save-connection; an unknown name is refused with the names there are. */
export function readSavedConnection(db: Database.Database, name: string): SavedLdapConnection {
  const row = db.prepare("SELECT settings, secret FROM saved_connections WHERE name = ? AND kind = 'ldap'").get(name) as { settings: string; secret: string | null } | undefined;
  if (row === undefined) {
    const names = db.prepare('SELECT name FROM saved_connections ORDER BY name').pluck().all() as string[];
    throw new AttestError(
      'UNKNOWN_CONNECTION',
      `There is no saved connection "${name}" in this workspace (${names.length === 0 ? 'none is saved' : `saved: ${names.join(', ')}`}). Pull once with --url, --bind-dn, --base and --save-connection ${name} to save it.`,
    );
  }
  const { system, ...settings } = JSON.parse(row.settings) as LdapSettings & { system?: string };
  return { settings, system, password: row.secret ?? undefined };
}

/** Saves (or replaces) a connection, its password included: only ever inside the encrypted workspace. */
export function saveConnection(db: Database.Database, name: string, connection: SavedLdapConnection, operator: string): void {
  db.prepare(`INSERT INTO saved_connections (name, kind, settings, secret, saved_at, saved_by) VALUES (?, 'ldap', ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET settings = excluded.settings, secret = excluded.secret, saved_at = excluded.saved_at, saved_by = excluded.saved_by`).run(
    name, JSON.stringify({ ...connection.settings, system: connection.system }), connection.password ?? null, new Date().toISOString(), operator,
  );
}
