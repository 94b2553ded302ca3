#!/usr/bin/env node
// `npm start`: the desktop app where Electron's runtime is installed or can be fetched. Where it
// cannot (offline and CI machines: the download reaches outside the npm registry), one line on
// stderr says so and the same workstation is served on 127.0.0.1 by `attest serve`.
//
// ATTEST_NO_ELECTRON_FETCH=1  do not try to download the runtime
// ATTEST_NO_ELECTRON=1        serve on 127.0.0.1 even where the runtime is installed
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
// Measured here: with no route out, the attempt fails in under a second. The cap is for
// networks that swallow the connection instead of refusing it.
const FETCH_TIMEOUT_MS = 20_000;
const IS_WINDOWS = process.platform === 'win32';

/** The runtime the electron package names in path.txt, if its binary is really there. */
function electronRuntime() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    return relative !== '' && existsSync(join(electronDir, 'dist', relative));
  } catch {
    return false;
  }
}

/** Runs Electron's own installer once, silenced. Resolves 'ok', 'failed' or 'timeout'. */
function fetchElectronRuntime() {
  return new Promise((resolve) => {
    const installer = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => {
      installer.kill('SIGKILL');
      resolve('timeout');
    }, FETCH_TIMEOUT_MS);
    installer.on('error', () => {
      clearTimeout(timer);
      resolve('failed');
    });
    installer.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'ok' : 'failed');
    });
  });
}

/** `npm run build`, output kept back unless it fails. */
function buildQuietly() {
  const npmCli = process.env.npm_execpath;
  const viaNode = npmCli !== undefined && /\.[cm]?js$/.test(npmCli);
  const result = spawnSync(viaNode ? process.execPath : 'npm', viaNode ? [npmCli, 'run', 'build'] : ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: !viaNode && IS_WINDOWS,
  });
  if (result.status === 0) return;
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error) process.stderr.write(`attest: cannot run "npm run build": ${result.error.message}\n`);
  process.exit(result.status ?? 1);
}

/**
 * Runs the host and exits with its status. A second Ctrl+C would cut the host's shutdown short,
 * yet a terminal signals the whole process group and `npm start` forwards the same signal again.
 * So on POSIX the child gets its own process group, and we pass on one signal per second. Windows
 * delivers Ctrl+C to the child itself; there we only wait for it.
 */
function runHost(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: !IS_WINDOWS });
  let lastForwardedAt = 0;
  const forward = (signal) => {
    if (Date.now() - lastForwardedAt < 1000 || child.exitCode !== null || child.signalCode !== null) return;
    lastForwardedAt = Date.now();
    child.kill(signal);
  };
  if (IS_WINDOWS) process.on('SIGINT', () => undefined);
  else for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    process.stderr.write(`attest: cannot start ${args.join(' ')}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}

async function whyNoElectron() {
  if (process.env.ATTEST_NO_ELECTRON === '1') return 'ATTEST_NO_ELECTRON=1 skips the Electron window';
  if (electronRuntime()) return null;
  if (process.env.ATTEST_NO_ELECTRON_FETCH === '1') return 'the Electron runtime is not installed, and ATTEST_NO_ELECTRON_FETCH=1 skips its download';
  const fetched = await fetchElectronRuntime();
  if (fetched === 'ok' && electronRuntime()) return null;
  if (fetched === 'timeout') return `the Electron runtime is not available here (its download did not finish within ${FETCH_TIMEOUT_MS / 1000} s)`;
  return 'the Electron runtime is not available here (its download is unreachable)';
}

const reason = (await whyNoElectron()) ?? ensureElectronSqlite();
if (reason === null) {
  // Builds main, preload and renderer, then starts Electron on out/main/index.js.
  runHost([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview']);
} else {
  process.stderr.write(`attest: ${reason}; serving the workstation on http://127.0.0.1 instead.\n`);
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) buildQuietly();
  runHost([join(root, 'bin', 'attest.mjs'), 'serve']);
}
