import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { readStaticFile } from '../../src/serve/static-files.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be set as an attacker would. */
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, setHost: true },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiCall(s: RunningServer, op: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return call(s.port, `/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}`, ...headers },
    body: JSON.stringify(input),
  });
}

describe('the loopback serve host', () => {
  it('listens on 127.0.0.1 only and prints a URL with a per-launch token', async () => {
    server = await startServer();
    const other = await startServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('refuses requests without the token, with a wrong token, and from other hosts or origins', async () => {
    server = await startServer();
    const { port } = server;
    expect((await call(port, '/')).status).toBe(401);
    expect((await call(port, '/?token=wrong')).status).toBe(401);
    expect((await apiCall(server, 'workspace.info', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call(port, '/', { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    expect((await apiCall(server, 'workspace.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await apiCall(server, 'workspace.info', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie that authorises later requests', async () => {
    server = await startServer();
    const first = await call(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(302);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await call(server.port, '/', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toMatch(/Attest/);
  });

  it('serves the same API contract: Results with codes, over one session', async () => {
    server = await startServer();
    const path = join(tempDir(), 'served.attest');
    expect(JSON.parse((await apiCall(server, 'workspace.info', {})).body)).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
    expect(JSON.parse((await apiCall(server, 'workspace.create', { path, passphrase: PASSPHRASE })).body)).toEqual({ ok: true, value: { path } });
    expect(JSON.parse((await apiCall(server, 'workspace.info', {})).body)).toMatchObject({ ok: true, value: { path, auditEvents: 2 } });
    const broken = await call(server.port, '/api/workspace.info', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: '{not json' });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call(server.port, '/api/workspace.info', { headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });
});

describe('static files', () => {
  it('never serves a file outside the renderer folder, and survives malformed escapes', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'secret.txt'), 'top secret');
    expect(readStaticFile(join(dir, 'renderer'), '/../secret.txt')?.body.toString()).toBe('<div id="root"></div>');
    expect(readStaticFile(join(dir, 'renderer'), '/%2e%2e/secret.txt')?.body.toString()).toBe('<div id="root"></div>');
    expect(readStaticFile(join(dir, 'renderer'), '/%E0%A4%A')).toBeNull();
    expect(readStaticFile(join(dir, 'renderer'), '/any/route')?.body.toString()).toBe('<div id="root"></div>');
  });
});
