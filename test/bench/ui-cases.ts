import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { searchIdentities } from '../../src/identity/identity-search.js';
import { startServer } from '../../src/serve/server.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { largeRosterWorkspace } from '../helpers/large-roster.js';
import { CHROMIUM, RENDERER_DIR } from '../helpers/workstation.js';
import type { CaseResult } from './cases.js';

const PASSPHRASE = 'benchmark passphrase';
const PEOPLE = 100_000;

/** The workstation's cases: first paint from serve start (browser already open), and a 100k search page. */
export const UI_CASES: Record<string, () => Promise<CaseResult>> = {
  'ui-first-paint': async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    try {
      const page = await browser.newPage();
      const start = performance.now();
      const server = await startServer({ staticDir: RENDERER_DIR });
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Welcome to Attest' }).waitFor();
      const seconds = (performance.now() - start) / 1000;
      await server.close();
      return { rows: 1, seconds };
    } finally {
      await browser.close();
    }
  },
  /** One page of the identities screen over 100k people: a search anywhere in the name, with its total. */
  'identities-search-100k': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
    try {
      const workspace = openWorkspace(await largeRosterWorkspace(dir, PEOPLE, PASSPHRASE), PASSPHRASE);
      searchIdentities(workspace.db, { search: 'warm', offset: 0, limit: 100 });
      const start = performance.now();
      const page = searchIdentities(workspace.db, { search: '4242', status: 'active', offset: 0, limit: 100 });
      const seconds = (performance.now() - start) / 1000;
      workspace.close();
      if (page.total === 0) throw new Error('the search found nothing');
      return { rows: PEOPLE, seconds };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
