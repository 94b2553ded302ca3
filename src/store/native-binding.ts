import { existsSync } from 'node:fs';
import { AttestError } from '../errors.js';

/**
 * Which build of the SQLite binding to load. The CLI, the loopback host and the tests run under
 * Node and load the package's own build. The desktop app runs under Electron's ABI: a packaged
 * app carries a binding electron-builder rebuilt in place, and a development run (`npm start`)
 * names a second, Electron-ABI build in `ATTEST_SQLITE_BINDING` (set by electron/main before
 * anything opens a database; worker threads inherit it), so neither build has to be rebuilt
 * back and forth (DESIGN.md, "Native ABI").
 */
export const BINDING_ENV = 'ATTEST_SQLITE_BINDING';

export function nativeBindingOption(): { nativeBinding?: string } {
  const path = process.env[BINDING_ENV];
  if (path === undefined || path === '') return {};
  if (!existsSync(path)) {
    throw new AttestError('USAGE', `${BINDING_ENV} names ${path}, which does not exist. Unset it to use the SQLite binding built for this runtime, or rebuild the Electron one ("npm start" does).`);
  }
  return { nativeBinding: path };
}
