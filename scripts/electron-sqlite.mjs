// The Electron-ABI build of the SQLite cipher binding, for development runs of the desktop app
// (`npm start`), kept beside the Node build that the CLI and the tests load (DESIGN.md, "Native
// ABI"): native/electron/better_sqlite3.node. Built once, with npm's own node-gyp, from a copy of
// the package's sources; Electron's headers come from electronjs.org. A packaged app does not use
// it: electron-builder rebuilds the binding in place (npmRebuild).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ELECTRON_SQLITE_BINDING = join(root, 'native', 'electron', 'better_sqlite3.node');

/** npm's bundled node-gyp, found beside the npm that runs us (or beside node). */
function nodeGyp() {
  const candidates = [process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  return candidates.find((path) => path && existsSync(path));
}

/** Builds the binding if it is missing. Returns null when it is there, else why it could not be built. */
export function ensureElectronSqlite() {
  if (existsSync(ELECTRON_SQLITE_BINDING)) return null;
  const gyp = nodeGyp();
  if (!gyp) return 'npm\'s node-gyp was not found to build the Electron SQLite binding';
  const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'attest-electron-sqlite-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'), work, { recursive: true, filter: (path) => !path.includes(`${join('build', 'Release')}`) });
    const result = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electron}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, encoding: 'utf8' });
    if (result.status !== 0) return `the Electron SQLite binding did not build (${(result.stderr || result.stdout || '').trim().split('\n').at(-1)})`;
    mkdirSync(dirname(ELECTRON_SQLITE_BINDING), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_SQLITE_BINDING);
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
