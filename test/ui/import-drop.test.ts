import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { openScreen, unlockWorkspace } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

/** A real export fixture: the generic grants layout (an ERP's roles). */
const GRANTS = fileURLToPath(new URL('../fixtures/profiles/grants.csv', import.meta.url));

let ws: Workstation;
const api = workstationApi(() => ws);

beforeAll(async () => {
  ws = await startWorkstation({
    prepare: (dir) => {
      const workspace = createWorkspace(join(dir, 'drops.attest'), PASSPHRASE, { org: 'Acme', operator: 'ui-test' });
      workspace.close();
      return Promise.resolve(workspace.path);
    },
  });
  await unlockWorkspace(ws.page, ws.demoWorkspace!, PASSPHRASE);
  await ws.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}, 120_000);
afterAll(async () => {
  await ws?.close();
});

/** Drops a file on a zone as the browser does: a DataTransfer holding its bytes and name (no path). */
async function dropFile(page: Page, testId: string, name: string, script: string): Promise<void> {
  const transfer = await page.evaluateHandle(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([${script}], ${JSON.stringify(name)}, { type: 'text/csv' }));
    return data;
  })()`);
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

/** Staged copies of `name` in this machine's temp folder (files.stage writes them there). */
function stagedCopies(name: string): string[] {
  return readdirSync(tmpdir())
    .filter((d) => d.startsWith('attest-staged-'))
    .flatMap((d) => {
      try {
        return readdirSync(join(tmpdir(), d)).map((f) => join(tmpdir(), d, f, name));
      } catch {
        return [];
      }
    })
    .filter((p) => existsSync(p));
}

describe('dropping an export on the import wizard, in chromium over the serve host', () => {
  it('stages the dropped bytes, detects the format and imports; the snapshot records the dropped name and the SHA-256 of its bytes', async () => {
    const { page } = ws;
    const bytes = readFileSync(GRANTS);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const before = new Set(stagedCopies('grants.csv'));
    await openScreen(page, 'Import');
    const form = page.getByRole('form', { name: 'Choose the file' });
    await form.getByRole('textbox', { name: /^System/ }).fill('Finance ERP');
    await dropFile(page, 'import-drop-zone', 'grants.csv', `Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0))`);
    // The drop goes straight to the check: the detected format, the mapping, the problems.
    await page.getByRole('region', { name: 'Problems found' }).waitFor();
    expect(await page.getByTestId('detected-profile').textContent()).toBe('grants');

    const staged = stagedCopies('grants.csv').filter((p) => !before.has(p));
    expect(staged).toHaveLength(1);
    expect(readFileSync(staged[0]!).equals(bytes)).toBe(true);
    expect(statSync(staged[0]!).mode & 0o777).toBe(0o600);

    await page.getByRole('button', { name: /^Import [\d,]+ rows/ }).click();
    await page.getByTestId('import-result').waitFor();
    const snapshot = (await api('snapshots.list', { system: 'Finance ERP' })).snapshots[0]!;
    expect(snapshot).toMatchObject({ fileName: 'grants.csv', sha256 });
    const provenance = await page.getByRole('region', { name: 'Provenance' }).textContent();
    expect(provenance).toContain('grants.csv');
    expect(provenance).toContain(sha256);
    expect(provenance).not.toContain('attest-staged-');

    // Locking the workspace removes what was staged.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('form', { name: 'Open a workspace' }).waitFor();
    await expect.poll(() => existsSync(staged[0]!)).toBe(false);
    await unlockWorkspace(page, ws.demoWorkspace!, PASSPHRASE);
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  });

  it('refuses a drop over 11 MB with the coded error that says to type the path, and nothing is staged', async () => {
    const { page } = ws;
    await openScreen(page, 'Import');
    const before = stagedCopies('huge-export.csv');
    const requests: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/files.stage')) requests.push(request.postData()?.length ?? 0);
    });
    await dropFile(page, 'import-drop-zone', 'huge-export.csv', 'new Uint8Array(11 * 1024 * 1024 + 1).fill(97)');
    const alert = page.locator('[data-error-code="DROPPED_FILE_TOO_LARGE"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/huge-export\.csv is 11\.0 MB; .*at most 11 MB\. Type the file's path in the File field instead\./);
    // The bytes never left the page: only the size was sent.
    expect(requests).toHaveLength(1);
    expect(requests[0]).toBeLessThan(200);
    expect(stagedCopies('huge-export.csv')).toEqual(before);
    // The path field is still there for the file.
    await page.getByRole('form', { name: 'Choose the file' }).getByRole('textbox', { name: /^File/ }).fill(GRANTS);
    expect(ws.pageErrors).toEqual([]);
  });
});
