import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDemoWorkspace } from '../../src/demo/create-demo-workspace.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { PASSPHRASE } from './workspace.js';

/** Debian's chromium (apt-installed by .ci/run); playwright's own browser download is not available offline. */
export const CHROMIUM = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

export interface Workstation {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** A temp folder removed by close(); the demo company lives in `dir/demo` when asked for. */
  dir: string;
  /** The demo's (or prepare's) workspace file, locked: the browser unlocks it. */
  demoWorkspace: string | null;
  /** Uncaught errors and console errors the page reported. */
  pageErrors: string[];
  close: () => Promise<void>;
}

export interface WorkstationOptions {
  /** Lay out the demo company (its exports and a locked workspace) first. */
  demo?: boolean;
  /** Or make a workspace of one's own in `dir`; it must be closed (locked) when the promise resolves. */
  prepare?: (dir: string) => Promise<string>;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/**
 * The real thing, end to end: the built renderer served by the loopback host over the real core,
 * opened in a headless Debian chromium through the URL with this launch's token.
 */
export async function startWorkstation(options: WorkstationOptions = {}): Promise<Workstation> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built renderer in ${RENDERER_DIR}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set ATTEST_CHROMIUM.`);
  const dir = mkdtempSync(join(tmpdir(), 'attest-ui-'));
  let demoWorkspace: string | null = null;
  if (options.demo) {
    const demo = await createDemoWorkspace(join(dir, 'demo'), PASSPHRASE, { operator: 'ui-test' });
    demoWorkspace = demo.workspace.path;
    demo.workspace.close();
  } else if (options.prepare) demoWorkspace = await options.prepare(dir);
  const server = await startServer({ staticDir: RENDERER_DIR });
  // Root in a container has no user namespace for chromium's sandbox; the page is our own, on loopback.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  return {
    server,
    browser,
    context,
    page,
    dir,
    demoWorkspace,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
