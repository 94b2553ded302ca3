import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../serve/server.js';
import { EXIT } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** The built renderer, when `npm run build` has made it. */
function rendererDir(): string | null {
  const dir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  return existsSync(dir) ? dir : null;
}

/** `attest serve`: starts the loopback host and runs until interrupted. */
export async function runServe(args: string[], env: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    terminal.stderr(`attest: ${(error as Error).message}. Usage: attest serve [--port N]\n`);
    return EXIT.usage;
  }
  const port = values.port ?? env.ATTEST_PORT;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) {
    terminal.stderr(`attest: --port takes a port number, not "${port}".\n`);
    return EXIT.usage;
  }
  let server;
  try {
    server = await startServer({ port: port === undefined ? 0 : Number(port), staticDir: rendererDir() });
  } catch (error) {
    terminal.stderr(`attest: cannot listen on 127.0.0.1:${port ?? 0} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another --port.\n`);
    return EXIT.usage;
  }
  const running = server;
  if (values.json) terminal.stdout(`${JSON.stringify({ url: running.url, port: running.port })}\n`);
  else terminal.stdout(`Attest is serving on ${running.url}\n(127.0.0.1 only; the token in the URL is for this launch. Ctrl+C stops it.)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return EXIT.ok;
}
