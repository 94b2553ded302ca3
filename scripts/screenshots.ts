import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startWorkstation } from '../test/helpers/workstation.js';
import { createCampaignThroughWizard, importThroughWizard, openScreen, pressAndAdvance, unlockWorkspace } from '../test/helpers/workstation-flows.js';
import { PASSPHRASE } from '../test/helpers/workspace.js';

/**
 * `npm run screenshots`: the main screens over the demo company, light and dark, written to
 * docs/screenshots/*.png by the same harness the browser tests use (the built renderer, the
 * serve host, Debian's chromium).
 */
const OUT = resolve(import.meta.dirname, '../docs/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(120, 700); // no hover state or tooltip in the picture
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // charts and transitions settle
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const ws = await startWorkstation({ demo: true, viewport: { width: 1440, height: 900 } });
  try {
    const { page } = ws;
    await page.getByRole('heading', { name: 'Welcome to Attest' }).waitFor();
    await page.getByRole('form', { name: 'Open a workspace' }).getByRole('textbox', { name: /^Workspace file/ }).fill(ws.demoWorkspace!);
    await shot(page, 'welcome');
    await unlockWorkspace(page, ws.demoWorkspace!, PASSPHRASE);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await shot(page, 'dashboard');

    // A newer ERP export (two grants gone, one new) so that the diff and the wizard have something to show.
    const exports = join(ws.dir, 'demo', 'exports');
    const lines = readFileSync(join(exports, 'erp-grants.csv'), 'utf8').trimEnd().split('\n');
    const newer = join(ws.dir, 'erp-grants-december.csv');
    writeFileSync(newer, [...lines.slice(0, -2), lines[1]!.replace('GL Journal Entry', 'Vendor Master Maintenance'), 'BROKEN,row'].join('\n'));
    await openScreen(page, 'Import');
    await page.getByRole('form', { name: 'Choose the file' }).waitFor();
    await shot(page, 'import-file');
    await importThroughWizard(page, newer, 'Finance ERP');
    await shot(page, 'import-review');
    await page.getByRole('button', { name: /^Import \d/ }).click();
    await page.getByTestId('import-result').waitFor();
    await shot(page, 'import-result');

    await page.getByRole('button', { name: 'Show the snapshot' }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('region', { name: 'Snapshot diff' }).waitFor();
    await shot(page, 'systems');

    await openScreen(page, 'Identities & accounts');
    await page.getByRole('row').nth(3).waitFor();
    await shot(page, 'identities');
    await openScreen(page, 'Findings & SoD');
    await page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(2).waitFor();
    await shot(page, 'findings');
    await page.getByRole('tab', { name: 'SoD violations' }).click();
    await page.getByRole('table', { name: 'SoD violations' }).getByRole('row').nth(1).click();
    await page.getByRole('dialog').getByText('Mitigating controls').waitFor();
    await shot(page, 'sod-violation');
    await page.getByTestId('violation-owner').click();
    await page.getByRole('region', { name: 'Accounts' }).waitFor();
    await shot(page, 'identity');

    await openScreen(page, 'Audit trail');
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByTestId('audit-verification').waitFor();
    await shot(page, 'audit');

    await openScreen(page, 'Evidence');
    const pack = join(ws.dir, 'evidence-pack.pdf');
    const generate = page.getByRole('form', { name: 'Generate an evidence pack' });
    await generate.getByRole('textbox', { name: /^Pack file/ }).fill(pack);
    await generate.getByRole('button', { name: 'Generate and sign' }).click();
    await page.getByTestId('pack-result').scrollIntoViewIfNeeded();
    await shot(page, 'evidence-result');
    const verify = page.getByRole('region', { name: 'Verify a pack' });
    await verify.getByRole('textbox', { name: /^Pack file/ }).fill(pack);
    await verify.getByRole('button', { name: 'Verify' }).click();
    await verify.getByTestId('pack-verification').scrollIntoViewIfNeeded();
    await shot(page, 'evidence-verify');
    const tampered = readFileSync(pack);
    tampered[2000] = tampered[2000]! ^ 1;
    writeFileSync(join(ws.dir, 'evidence-pack-tampered.pdf'), tampered);
    await verify.getByRole('textbox', { name: /^Pack file/ }).fill(join(ws.dir, 'evidence-pack-tampered.pdf'));
    await verify.getByRole('button', { name: 'Verify' }).click();
    await verify.locator('[data-testid="pack-verification"][data-ok="false"]').scrollIntoViewIfNeeded();
    await shot(page, 'evidence-verify-invalid');

    await openScreen(page, 'Settings');
    await shot(page, 'settings');

    // Campaigns: the wizard's pre-launch check, the launched campaign, the review screen and its keys, the list.
    await createCampaignThroughWizard(page, { name: 'Finance ERP review Q4', system: 'Finance ERP', fallback: 'grc@northwind-demo.example', due: '2026-12-15' });
    await shot(page, 'campaign-prelaunch');
    await page.getByRole('button', { name: /^Launch/ }).click();
    await page.getByRole('table', { name: 'Progress by reviewer' }).getByRole('button').first().click();
    await page.getByTestId('review-item').waitFor();
    for (const key of ['y', 'y', 'x', 'y']) await pressAndAdvance(page, key);
    await shot(page, 'campaign-review');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard' }).waitFor();
    await shot(page, 'campaign-review-help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard' }).waitFor({ state: 'hidden' });
    // Decided: the reviewer's decisions, each with when, how and the comment; y or x changes one.
    await page.keyboard.press('d');
    await page.getByTestId('review-decision').waitFor();
    await shot(page, 'campaign-review-decided');
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Finance ERP review Q4' }).click();
    await page.getByRole('table', { name: 'Progress by reviewer' }).waitFor();
    await shot(page, 'campaign');
    await openScreen(page, 'Campaigns');
    await shot(page, 'campaigns');

    await openScreen(page, 'Dashboard');
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await shot(page, 'dashboard-dark');
    await openScreen(page, 'Identities & accounts');
    await page.getByRole('row').nth(3).waitFor();
    await shot(page, 'identities-dark');
  } catch (error) {
    // Beside the error, never among the README's pictures.
    const failed = join(tmpdir(), 'attest-screenshots-failed.png');
    await ws.page.screenshot({ path: failed });
    process.stderr.write(`The page when it failed: ${failed}\n`);
    throw error;
  } finally {
    await ws.close();
  }
}

await main();
