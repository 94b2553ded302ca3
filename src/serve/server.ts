import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCallId } from '../api/bridge.js';
import { CallRunner } from '../api/call-runner.js';
import { ApiSession } from '../api/session.js';
import { PLACEHOLDER_PAGE, readStaticFile } from './static-files.js';

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number | undefined;
  /** The built renderer; null serves a placeholder page. */
  staticDir?: string | null | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const COOKIE = 'attest_token';
const NDJSON = 'application/x-ndjson';
/** The header a page names its streamed call with (what its cancel then names). */
const CALL_HEADER = 'x-attest-call';
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The loopback HTTP host: the same API as the CLI and Electron, for the browser and e2e tests.
 * 127.0.0.1 only; a per-launch token (in the URL once, then an HttpOnly cookie, or a Bearer
 * header) on every request; Host and Origin must name this server (no DNS rebinding, no
 * cross-site calls); API calls must be JSON POSTs. Calls run one at a time against one session;
 * a call that asks for NDJSON gets its progress as it goes and is cancelled when its connection closes.
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const runner = new CallRunner(new ApiSession());
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  /**
   * A long call with progress: newline-delimited JSON, `{"call":id}`, then `{"progress":…}` lines
   * (at most every 100 ms), then `{"result":…}`. The page may name the call itself (header
   * `X-Attest-Call`), so that it can cancel at once, even before the call has reached the host.
   * POST /cancel `{"call":id}` asks the work to stop and the stream still ends with the true
   * outcome (CANCELLED, or the result when the work had finished first), so the page never says
   * "nothing was saved" of work that was. Closing the connection cancels the call too (the page
   * went away).
   */
  const streamCall = async (res: ServerResponse, name: string, input: unknown, named: string | undefined): Promise<void> => {
    const id = named ?? randomBytes(12).toString('base64url');
    res.on('close', () => runner.cancel(id));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': `${NDJSON}; charset=utf-8` });
    res.write(`${JSON.stringify({ call: id })}\n`);
    const result = await runner.stream(id, name, input, (progress) => res.write(`${JSON.stringify({ progress })}\n`));
    res.end(`${JSON.stringify({ result })}\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return sendJson(res, 421, { error: 'This server answers only to 127.0.0.1.' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().map((h) => `http://${h}`).includes(origin)) {
      return sendJson(res, 403, { error: 'Cross-origin requests are refused.' });
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const authorised = sameSecret(cookieToken(req), token) || sameSecret(bearer, token);

    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, 'text/plain', 'Wrong token. Open the URL that "attest serve" printed.');
      return send(res, 302, 'text/plain', '', { Location: url.pathname, 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
    }
    if (!authorised) return send(res, 401, 'text/plain; charset=utf-8', 'Open the URL that "attest serve" printed (it carries this launch\'s token).');

    if (url.pathname === '/cancel') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'Cancel is a POST request.' });
      let id: unknown;
      try {
        id = (JSON.parse(await readBody(req)) as { call?: unknown }).call;
      } catch {
        return sendJson(res, 400, { error: 'Name the call to cancel as {"call": id}.' });
      }
      // The outcome itself arrives on the call's own stream.
      return sendJson(res, 200, { cancelling: isCallId(id) && runner.cancel(id, true) });
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'API calls are POST requests.' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { error: 'API calls carry JSON.' });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? {} : (JSON.parse(body) as unknown);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not JSON, or is larger than 16 MB.' } });
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      if ((req.headers.accept ?? '').includes(NDJSON)) {
        const named = req.headers[CALL_HEADER];
        if (named !== undefined && !isCallId(named)) return sendJson(res, 400, { ok: false, error: { code: 'USAGE', message: `${CALL_HEADER} is 1 to 64 letters, digits, "-" or "_".` } });
        return streamCall(res, name, input, named);
      }
      return sendJson(res, 200, await runner.call(name, input));
    }
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Only GET is served here.' });
    const file = options.staticDir ? readStaticFile(options.staticDir, url.pathname) : null;
    if (file) return send(res, 200, file.type, file.body);
    return send(res, 200, 'text/html; charset=utf-8', PLACEHOLDER_PAGE);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        runner.session.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
