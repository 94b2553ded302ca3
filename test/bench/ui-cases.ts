import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { searchIdentities } from '../../src/identity/identity-search.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { startServer } from '../../src/serve/server.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { largeRosterWorkspace } from '../helpers/large-roster.js';
import { CHROMIUM, RENDERER_DIR } from '../helpers/workstation.js';
import { unlockWorkspace } from '../helpers/workstation-flows.js';
import { BUSY_MANAGER, benchCampaign, CAMPAIGN_ITEMS, seedCampaignEstate } from './campaign-fixture.js';
import type { CaseResult } from './cases.js';

const PASSPHRASE = 'benchmark passphrase';
const PEOPLE = 100_000;
const DECISIONS = 50;

/**
 * In the page: each keydown on the review screen starts a clock (the event's own time stamp);
 * when the item card shows another item the DOM time is taken, and after the next frame the
 * painted time. Strings, because the page's CSP forbids eval and playwright's function bodies
 * would need DOM types here.
 */
const MEASURE_IN_PAGE = `(() => {
  const shown = () => document.querySelector('[data-testid="review-item"]')?.getAttribute('data-item-id') ?? null;
  window.__latencies = [];
  window.__calls = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (...args) => { const t = performance.now(); const r = await fetch0(...args); if (String(args[0]).includes('campaigns.decide')) window.__calls.push(performance.now() - t); return r; };
  let start = 0, before = null;
  window.addEventListener('keydown', (e) => { start = e.timeStamp; before = shown(); }, true);
  new MutationObserver(() => {
    if (before === null || shown() === before) return;
    const dom = performance.now() - start;
    before = null;
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push([dom, performance.now() - start]), 0));
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id'] });
})()`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

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
  /**
   * The review screen over a 100k-item campaign in serve mode: key press (y) → decision saved →
   * next item shown, 50 times in chromium. Reports the 95th percentile as seconds (median and
   * the DOM-only figures on stderr); target ≤ 50 ms.
   */
  'ui-decision-100k': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    try {
      const path = join(dir, 'w.attest');
      const seeded = createWorkspace(path, PASSPHRASE);
      seedCampaignEstate(seeded.db);
      const campaignId = benchCampaign(seeded);
      if (launchCampaign(seeded, campaignId, 'bench').items !== CAMPAIGN_ITEMS) throw new Error('the campaign did not freeze 100k items');
      seeded.close();
      const server = await startServer({ staticDir: RENDERER_DIR });
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.goto(server.url);
        await unlockWorkspace(page, path, PASSPHRASE);
        await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
        await page.evaluate(`window.location.hash = '#/campaigns/${campaignId}/review/${encodeURIComponent(BUSY_MANAGER)}'`);
        await page.getByTestId('review-item').waitFor({ timeout: 60_000 });
        await page.evaluate(MEASURE_IN_PAGE);
        for (let i = 0; i < DECISIONS; i++) {
          await page.keyboard.press('y');
          while ((await page.evaluate<number>('window.__latencies.length')) <= i) await new Promise((r) => setTimeout(r, 5));
        }
        const latencies = await page.evaluate<[dom: number, painted: number][]>('window.__latencies');
        const painted = latencies.map((l) => l[1]).sort((a, b) => a - b);
        const dom = latencies.map((l) => l[0]).sort((a, b) => a - b);
        const calls = (await page.evaluate<number[]>('window.__calls')).sort((a, b) => a - b);
        process.stderr.write(
          `ui-decision-100k: painted median ${percentile(painted, 50).toFixed(1)} ms, p95 ${percentile(painted, 95).toFixed(1)} ms; DOM median ${percentile(dom, 50).toFixed(1)} ms, p95 ${percentile(dom, 95).toFixed(1)} ms; the decide call alone median ${percentile(calls, 50).toFixed(1)} ms (${DECISIONS} decisions)\n`,
        );
        return { rows: CAMPAIGN_ITEMS, seconds: percentile(painted, 95) / 1000, medianSeconds: percentile(painted, 50) / 1000 };
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
