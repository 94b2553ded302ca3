import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const require = createRequire(import.meta.url);
/** The Node-ABI build npm ci compiled: what a development run of the desktop app replaces with its Electron-ABI one. */
const NODE_BUILD = join(require.resolve('better-sqlite3-multiple-ciphers/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');

describe('the SQLite binding a host names (ATTEST_SQLITE_BINDING)', () => {
  it('is the one loaded: a named build opens workspaces, a missing one is refused with what to do', async () => {
    const dir = tempDir();
    const named = await runCli(['init', join(dir, 'a.attest'), '--json'], { env: { ATTEST_PASSPHRASE: PASSPHRASE, ATTEST_SQLITE_BINDING: NODE_BUILD } });
    expect(named.code, named.stderr).toBe(0);

    const missing = join(dir, 'electron', 'better_sqlite3.node');
    const refused = await runCli(['init', join(dir, 'b.attest'), '--json'], { env: { ATTEST_PASSPHRASE: PASSPHRASE, ATTEST_SQLITE_BINDING: missing } });
    expect(refused.code).toBe(2);
    expect(refused.json()).toMatchObject({ error: { code: 'USAGE', message: expect.stringContaining(`ATTEST_SQLITE_BINDING names ${missing}`) as unknown } });
  });
});
