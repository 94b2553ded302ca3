import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeDesktopRecent, desktopBridgeState, useDesktopBridge } from '../helpers/desktop-bridge.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { generatePackThroughScreen, openScreen, unlockWorkspace } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const GRANTS = fileURLToPath(new URL('../fixtures/profiles/grants.csv', import.meta.url));

let ws: Workstation;
const api = workstationApi(() => ws);
let older: string;

beforeAll(async () => {
  ws = await startWorkstation({ demo: true });
  older = join(ws.dir, 'last-quarter.attest');
  // This browser's own list must not be what the desktop app shows.
  await ws.page.evaluate(`localStorage.setItem('attest.recentWorkspaces', JSON.stringify(['/from/the/browser.attest']))`);
  await useDesktopBridge(ws.page, { paths: { 'grants.csv': GRANTS }, recent: [ws.demoWorkspace!, older] });
}, 180_000);
afterAll(async () => {
  await ws?.close();
});

describe('the renderer with the desktop app’s bridge (host capabilities offered)', () => {
  it('shows the main process’s recent workspaces on the welcome screen, follows its changes, and leaves the browser’s list alone', async () => {
    const { page } = ws;
    const recent = page.getByLabel('Recent workspaces');
    await recent.getByRole('button').first().waitFor();
    const demo = basename(ws.demoWorkspace!);
    expect(await recent.getByRole('button').allTextContents()).toEqual([demo, 'last-quarter.attest']);
    const field = page.getByRole('form', { name: 'Open a workspace' }).getByRole('textbox', { name: /^Workspace file/ });
    expect(await field.inputValue()).toBe(ws.demoWorkspace);
    // File › Open Recent's list changed in main (another workspace opened, or Clear Recent).
    await changeDesktopRecent(page, [older, ws.demoWorkspace!]);
    await expect.poll(() => recent.getByRole('button').allTextContents()).toEqual(['last-quarter.attest', demo]);
    await changeDesktopRecent(page, []);
    await recent.waitFor({ state: 'detached' });

    await unlockWorkspace(page, ws.demoWorkspace!, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // Main learns of the open from the call itself; the page writes no list of its own.
    expect(await page.evaluate(`localStorage.getItem('attest.recentWorkspaces')`)).toBe(JSON.stringify(['/from/the/browser.attest']));
  });

  it('imports a dropped export from where it is: its own path, nothing staged', async () => {
    const { page } = ws;
    const staged: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/files.stage')) staged.push(request.url());
    });
    await openScreen(page, 'Import');
    await page.getByRole('form', { name: 'Choose the file' }).getByRole('textbox', { name: /^System/ }).fill('Dropped ERP');
    const transfer = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['not the bytes: the page reads nothing'], 'grants.csv', { type: 'text/csv' }));
      return data;
    })()`);
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('region', { name: 'Problems found' }).waitFor();
    await page.getByRole('button', { name: /^Import [\d,]+ rows/ }).click();
    await page.getByTestId('import-result').waitFor();
    const snapshot = (await api('snapshots.list', { system: 'Dropped ERP' })).snapshots[0]!;
    expect(snapshot).toMatchObject({ fileName: 'grants.csv', sha256: createHash('sha256').update(readFileSync(GRANTS)).digest('hex') });
    expect(staged).toEqual([]);
  });

  it('offers "Open its folder" after a pack, and asks main to show that file', async () => {
    const { page } = ws;
    await openScreen(page, 'Evidence');
    const out = join(ws.dir, 'desktop-pack.pdf');
    await generatePackThroughScreen(page, out);
    await page.getByTestId('pack-result').getByRole('button', { name: 'Open its folder' }).click();
    await expect.poll(async () => (await desktopBridgeState(page)).shown).toEqual([out]);
  });

  it('offers "Open their folder" after writing reviewer workbooks, showing the first one written', async () => {
    const { page } = ws;
    const campaign = (await api('campaigns.list', {})).campaigns.find((c) => c.state === 'launched')!;
    await page.evaluate(`location.hash = '#/campaigns/${campaign.id}'`);
    await page.getByRole('tab', { name: 'Workbooks & reminders' }).click();
    const form = page.getByRole('form', { name: 'Write reviewer workbooks' });
    await form.getByRole('textbox', { name: /^Folder/ }).fill(join(ws.dir, 'workbooks'));
    await form.getByRole('button', { name: 'Write workbooks' }).click();
    const written = page.getByRole('table', { name: 'Written workbooks' });
    await written.waitFor();
    const first = (await written.getByRole('row').nth(1).getByRole('cell').nth(2).textContent())!;
    await page.getByRole('button', { name: 'Open their folder' }).click();
    await expect.poll(async () => (await desktopBridgeState(page)).shown.at(-1)).toBe(first);
    expect(ws.pageErrors).toEqual([]);
  });
});
