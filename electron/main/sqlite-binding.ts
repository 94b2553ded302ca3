import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BINDING_ENV } from '../../src/store/native-binding.js';

/**
 * Points the core at the Electron-ABI SQLite binding before anything opens a database. A
 * development run loads native/electron/better_sqlite3.node (built by `npm start`, see
 * scripts/electron-sqlite.mjs); a packaged app's own binding was rebuilt for Electron already.
 */
export function useElectronSqliteBinding(isPackaged: boolean): void {
  if (isPackaged || process.env[BINDING_ENV]) return;
  const dev = join(import.meta.dirname, '..', '..', 'native', 'electron', 'better_sqlite3.node');
  if (existsSync(dev)) process.env[BINDING_ENV] = dev;
}
