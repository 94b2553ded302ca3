import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { generatePackThroughScreen, openScreen, unlockWorkspace, verifyPackThroughScreen } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

let ws: Workstation;
const api = workstationApi(() => ws);

beforeAll(async () => {
  ws = await startWorkstation({ demo: true });
  await unlockWorkspace(ws.page, ws.demoWorkspace!, PASSPHRASE);
  await ws.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}, 180_000);
afterAll(async () => {
  await ws?.close();
});

/** Generates a pack through the form; resolves with every progress line the screen showed meanwhile. */
async function generateInScreen(out: string): Promise<string[]> {
  const { page } = ws;
  // In the page (the test's own tsconfig has no DOM types): every distinct progress line shown.
  await page.evaluate(`(() => {
    const seen = (window.progressSeen = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="progress-text"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await generatePackThroughScreen(page, out);
  return page.evaluate<string[]>('window.progressSeen');
}

describe('the Evidence screen in chromium, over the serve host and the demo company', () => {
  it('generates the campaign’s signed pack with progress and shows what the file and the audit trail say', async () => {
    const { page } = ws;
    await openScreen(page, 'Evidence');
    const campaigns = (await api('campaigns.list', {})).campaigns.filter((c) => c.state !== 'draft');
    expect(campaigns.length).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: /^Campaign/ }).inputValue()).toContain(campaigns[0]!.name);

    const out = join(ws.dir, 'ui-pack.pdf');
    const progress = await generateInScreen(out);
    // The bar showed the work as it went: a phase in words, count of total.
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatch(/^(Starting…|(Reading the campaign|Writing the attached data \(rows\)|Laying out the pages \(rows\)|Drawing the pages|Signing \(bytes\)): [\d,]+ of [\d,]+ \(\d+%\))$/);
    expect(progress.some((line) => line !== 'Starting…')).toBe(true);
    const sha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
    const event = (await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.filter((e) => e.action === 'evidence.generated').at(-1)!;
    const payload = event.payload as { sha256: string; pages: number; signer: string };
    expect(payload.sha256).toBe(sha256);
    expect(await page.getByTestId('pack-path').textContent()).toBe(out);
    expect(await page.getByLabel('Pack SHA-256').textContent()).toBe(sha256);
    expect(Number((await page.getByTestId('pack-pages').textContent())!.replace(/\D/g, ''))).toBe(payload.pages);
    expect(await page.getByTestId('pack-result').getByLabel('Signer fingerprint').textContent()).toBe(payload.signer);
    const verified = await api('evidence.verify', { path: out });
    const rows = page.getByRole('table', { name: 'Attachments' }).getByRole('row');
    expect(await rows.count()).toBe(verified.attachments.length + 1);
    for (const a of verified.attachments) await page.getByRole('table', { name: 'Attachments' }).getByText(a.sha256!).waitFor();
  });

  it('verifies the pack by its path, and a tampered copy dropped on the screen is invalid with the API’s problems', async () => {
    const { page } = ws;
    const out = join(ws.dir, 'ui-pack.pdf');
    const panel = page.getByRole('region', { name: 'Verify a pack' });
    const result = await verifyPackThroughScreen(page, out);
    const expected = await api('evidence.verify', { path: out });
    expect(expected.ok).toBe(true);
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.getByTestId('signature-status').textContent()).toBe('valid');
    expect(await result.getByLabel('Signer fingerprint').textContent()).toBe(expected.signer.fingerprintSha256);
    await result.getByText(expected.signer.subject!).waitFor();

    const bytes = readFileSync(out);
    bytes[2000] = bytes[2000]! ^ 1;
    const tampered = join(ws.dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    // A drop as the browser makes it: a DataTransfer holding the file's bytes (and no path).
    const transfer = await page.evaluateHandle(`(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'tampered.pdf', { type: 'application/pdf' }));
      return data;
    })()`);
    await panel.getByTestId('pack-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await panel.locator('[data-testid="pack-verification"][data-ok="false"]').waitFor();
    const invalid = await api('evidence.verify', { path: tampered });
    expect(invalid.ok).toBe(false);
    expect(await result.getByTestId('signature-status').textContent()).toBe(invalid.signature);
    const problems = await result.getByRole('list', { name: 'Problems' }).getByRole('listitem').allTextContents();
    expect(problems).toHaveLength(invalid.problems.length);
    for (const p of invalid.problems) expect(problems.join('\n').toLowerCase()).toContain(p.toLowerCase());
  });

  it('Cancel stops a generation: the screen says so, and no file (not even a partial one) is left', async () => {
    const { page } = ws;
    const out = join(ws.dir, 'cancelled.pdf');
    // The demo's pack takes well under a second: hold the request back until the page's cancel
    // has reached the host, which then starts the call it names already cancelled.
    const cancelSent = page.waitForResponse('**/cancel');
    await page.route('**/api/evidence.generate', async (route) => {
      await cancelSent;
      await route.continue();
    });
    const form = page.getByRole('form', { name: 'Generate an evidence pack' });
    await form.getByRole('textbox', { name: /^Pack file/ }).fill(out);
    await form.getByRole('button', { name: 'Generate and sign' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cancelled: no file was written' });
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('CANCELLED');
    await page.unroute('**/api/evidence.generate');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(ws.dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('Settings: operator name and dormant threshold are saved in the workspace and audited; the signing identity is the API’s', async () => {
    const { page } = ws;
    await openScreen(page, 'Settings');
    const signer = await api('signer.show', {});
    await page.getByTestId('signer-subject').filter({ hasText: signer.subject }).waitFor();
    expect(await page.getByTestId('signer').getByLabel('Signer fingerprint').textContent()).toBe(signer.fingerprintSha256);

    const form = page.getByRole('form', { name: 'Workspace settings' });
    await form.getByRole('textbox', { name: /^Operator name/ }).fill('Dana Auditor');
    await form.getByRole('textbox', { name: /^Dormant after/ }).fill('120');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Saved.').waitFor();
    expect(await api('settings.get', {})).toMatchObject({ operator: 'Dana Auditor', dormantDays: 120 });
    const saved = (await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.at(-1)!;
    expect(saved).toMatchObject({ action: 'settings.update', payload: { to: { operator: 'Dana Auditor', dormantDays: 120 } } });

    // The next change is named for the new operator; the analysis now defaults to 120 days.
    await form.getByRole('textbox', { name: /^Dormant after/ }).fill('100');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await api('audit.list', { afterSeq: saved.seq, limit: 10 })).events.at(-1)?.actor).toBe('Dana Auditor');
    expect((await api('analysis.run', {})).parameters.dormantDays).toBe(100);
    expect(ws.pageErrors).toEqual([]);
  });
});
