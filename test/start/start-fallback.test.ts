import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rendererIndex = join(root, 'out', 'renderer', 'index.html');
const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/;

function electronRuntimeInstalled(): boolean {
  try {
    const relative = readFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    return relative !== '' && existsSync(join(root, 'node_modules', 'electron', 'dist', relative));
  } catch {
    return false;
  }
}

function waitForUrl(child: ChildProcess, output: { stdout: string; stderr: string }, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms; stdout: ${output.stdout}; stderr: ${output.stderr}`)), timeoutMs);
    const check = (): void => {
      const match = URL_LINE.exec(output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing its URL; stderr: ${output.stderr}`));
    });
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${timeoutMs} ms after SIGTERM`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

// `npm start` where the Electron runtime cannot be had: one line says so, and the same
// workstation is served on loopback over the real API.
describe('npm start without the Electron runtime', () => {
  let child: ChildProcess | undefined;
  const output = { stdout: '', stderr: '' };
  let origin = '';
  let token = '';

  beforeAll(async () => {
    if (!existsSync(rendererIndex)) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    }
    child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        ATTEST_NO_ELECTRON_FETCH: '1',
        // Where a developer has the runtime installed, still test the fallback, not a window.
        ...(electronRuntimeInstalled() ? { ATTEST_NO_ELECTRON: '1' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
    const match = await waitForUrl(child, output, 60_000);
    origin = `http://127.0.0.1:${match[1]}`;
    token = match[2] ?? '';
  }, 180_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM first: start.mjs passes it on to the server it started; SIGKILL would orphan that.
    child.kill('SIGTERM');
    await exited(child, 10_000).catch(() => {
      child?.kill('SIGKILL');
    });
  });

  it('says why in exactly one line on stderr', () => {
    const lines = output.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^attest: .*Electron.*; serving the workstation on http:\/\/127\.0\.0\.1 instead\.$/);
  });

  it('serves the renderer and the API on loopback behind the launch token', async () => {
    const login = await fetch(`${origin}/?token=${token}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const setCookie = login.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const cookie = (setCookie[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^attest_token=/);

    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<title>Attest</title>');

    const info = await fetch(`${origin}/api/workspace.info`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
    // The browser has no OS keychain: "remember on this computer" is not offered.
    const secrets = await fetch(`${origin}/api/secrets.status`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(await secrets.json()).toEqual({ ok: true, value: { available: false, remembered: false } });
  });

  it('stops, with the server it started, on SIGTERM', async () => {
    const running = child;
    if (!running) throw new Error('npm start did not start');
    running.kill('SIGTERM');
    const { code } = await exited(running, 15_000);
    expect(code).toBe(0);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
