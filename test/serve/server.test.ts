import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { readStaticFile } from '../../src/serve/static-files.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';
import { grantsCsv } from '../bench/import-fixtures.js';

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

  it('refuses token-less calls, a stale cookie, another port as Host or Origin, and the null origin', async () => {
    server = await startServer();
    const { port } = server;
    const noToken = await call(port, '/api/workspace.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect((await call(port, '/', { headers: { Cookie: 'attest_token=stale' } })).status).toBe(401);
    expect((await call(port, '/', { headers: { Host: `127.0.0.1:${port + 1}`, Authorization: `Bearer ${server.token}` } })).status).toBe(421);
    expect((await call(port, '/', { headers: { Host: `localhost:${port}`, Authorization: `Bearer ${server.token}` } })).status).toBe(200);
    expect((await apiCall(server, 'workspace.info', {}, { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await apiCall(server, 'workspace.info', {}, { Origin: 'null' })).status).toBe(403);
    expect((await apiCall(server, 'workspace.info', {}, { Origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('streams a long call’s progress as NDJSON, and cancels it when the connection closes', async () => {
    server = await startServer();
    const dir = tempDir();
    await apiCall(server, 'workspace.create', { path: join(dir, 'w.attest'), passphrase: PASSPHRASE });
    const small = join(dir, 'erp.csv');
    writeFileSync(small, ['Account,Entitlement', ...Array.from({ length: 50 }, (_, i) => `user${i},Role ${i % 7}`)].join('\n'));
    const streamed = await apiCall(server, 'import.run', { files: [{ path: small }], system: 'ERP' }, { Accept: 'application/x-ndjson' });
    expect(streamed.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l) as { call?: string; progress?: { done: number; total: number }; result?: unknown });
    expect(lines[0]?.call).toMatch(/^[\w-]{16}$/);
    expect(lines.slice(1, -1).every((l) => l.progress !== undefined && l.progress.done <= l.progress.total)).toBe(true);
    expect(lines.at(-1)?.result).toMatchObject({ ok: true, value: { system: 'ERP', rowsImported: 50 } });

    const big = await grantsCsv(300_000);
    const cancelled = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server!.port, path: '/api/import.run', method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson', Authorization: `Bearer ${server!.token}` } },
        (res) => {
          res.once('data', (first: Buffer) => {
            req.destroy();
            resolve(first.toString());
          });
        },
      );
      req.on('error', () => undefined);
      req.end(JSON.stringify({ files: [{ path: big }], system: 'Big ERP' }));
      setTimeout(() => reject(new Error('no progress within 30 s')), 30_000);
    });
    expect(JSON.parse(cancelled.split('\n')[0]!)).toHaveProperty('call');
    // The next call waits for the cancelled one: the snapshot was rolled back.
    const listed = JSON.parse((await apiCall(server, 'snapshots.list', {})).body) as { value: { snapshots: { system: string }[] } };
    expect(listed.value.snapshots.map((s) => s.system)).toEqual(['ERP']);
  });

  it('POST /cancel stops a streamed call, whose stream still ends with the true outcome; an unknown call cancels nothing', async () => {
    server = await startServer();
    const dir = tempDir();
    await apiCall(server, 'workspace.create', { path: join(dir, 'w.attest'), passphrase: PASSPHRASE });
    const big = await grantsCsv(300_000);
    const cancel = (id: string) => call(server!.port, '/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server!.token}` }, body: JSON.stringify({ call: id }) });
    const outcome = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server!.port, path: '/api/import.run', method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson', Authorization: `Bearer ${server!.token}` } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            const first = body === '';
            body += chunk.toString();
            if (first) void cancel((JSON.parse(body.split('\n')[0]!) as { call: string }).call);
          });
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ files: [{ path: big }], system: 'Big ERP' }));
    });
    const result = (JSON.parse(outcome.trim().split('\n').at(-1)!) as { result: { ok: boolean; error?: { code: string } } }).result;
    const listed = JSON.parse((await apiCall(server, 'snapshots.list', {})).body) as { value: { snapshots: unknown[] } };
    // Cancelled with nothing saved, or finished before the cancel arrived: never both, never neither.
    expect(listed.value.snapshots.length).toBe(result.ok ? 1 : 0);
    if (!result.ok) expect(result.error?.code).toBe('CANCELLED');
    expect(JSON.parse((await cancel('no-such-call')).body)).toEqual({ cancelling: false });
  });

  it('a cancel that overtakes its call (named by the page in X-Attest-Call) starts that call cancelled; a malformed name is refused', async () => {
    server = await startServer();
    const dir = tempDir();
    await apiCall(server, 'workspace.create', { path: join(dir, 'w.attest'), passphrase: PASSPHRASE });
    const small = join(dir, 'erp.csv');
    writeFileSync(small, ['Account,Entitlement', 'ada,Admin'].join('\n'));
    const cancel = (id: string) => call(server!.port, '/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server!.token}` }, body: JSON.stringify({ call: id }) });
    const stream = (id: string) => apiCall(server!, 'import.run', { files: [{ path: small }], system: 'ERP' }, { Accept: 'application/x-ndjson', 'X-Attest-Call': id });
    const lines = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as { call?: string; result?: { ok: boolean; error?: { code: string } } });

    // Nothing is running under that name yet: the host says so, and remembers the cancel.
    expect(JSON.parse((await cancel('page-call-1')).body)).toEqual({ cancelling: false });
    const cancelled = lines((await stream('page-call-1')).body);
    expect(cancelled[0]?.call).toBe('page-call-1');
    expect(cancelled.at(-1)?.result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((JSON.parse((await apiCall(server, 'snapshots.list', {})).body) as { value: { snapshots: unknown[] } }).value.snapshots).toEqual([]);

    // The remembered cancel is spent: the same name runs the next time, and the import is saved.
    expect(lines((await stream('page-call-1')).body).at(-1)?.result).toMatchObject({ ok: true });
    expect((JSON.parse((await apiCall(server, 'snapshots.list', {})).body) as { value: { snapshots: unknown[] } }).value.snapshots).toHaveLength(1);

    const malformed = await stream('no spaces allowed');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
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
