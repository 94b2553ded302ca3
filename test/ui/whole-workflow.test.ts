import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';
import { writeDemoCompany } from '../../src/demo/write-demo-company.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { createCampaignThroughWizard, generatePackThroughScreen, importThroughWizard, openScreen, pressAndAdvance, shownItem, verifyPackThroughScreen } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

let ws: Workstation;
const api = workstationApi(() => ws);

beforeAll(async () => {
  ws = await startWorkstation();
});
afterAll(async () => {
  await ws?.close();
});

function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * The whole workflow as a person walks it in the workstation, each step checked against what the
 * API then reports, ending with the signed evidence pack generated and verified in the Evidence screen.
 */
describe('the whole workflow in chromium', () => {
  it('creates a workspace, imports HR and two systems, analyses, runs SoD, launches a campaign, decides by keyboard and in bulk, closes, generates the signed pack and verifies it', async () => {
    const { page } = ws;
    const company = generateDemoCompany({});
    const exports = writeDemoCompany(join(ws.dir, 'exports'), company);
    const file = (name: string): string => exports.files.find((f) => f.name === name)!.path;

    // 1. A new encrypted workspace.
    const create = page.getByRole('form', { name: 'Create a workspace' });
    await create.getByRole('textbox', { name: /^Workspace file/ }).fill(join(ws.dir, 'acme.attest'));
    await create.getByRole('textbox', { name: /^Organisation/ }).fill(company.org);
    await create.getByLabel(/^Passphrase/).fill(PASSPHRASE);
    await create.getByLabel(/^Confirm passphrase/).fill(PASSPHRASE);
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect((await api('workspace.info', {})).org).toBe(company.org);

    // 2. HR and two systems through the import wizard.
    for (const [name, system] of [['hr-roster.csv', 'HR'], ['erp-grants.csv', 'Finance ERP'], ['active-directory.ldif', 'Active Directory']] as const) {
      await importThroughWizard(page, file(name), system);
      await page.getByRole('button', { name: /^Import \d/ }).click();
      await page.getByTestId('import-result').waitFor();
      await page.getByRole('button', { name: 'Import another file' }).click();
    }
    const info = await api('workspace.info', {});
    expect(info.systems).toBe(3);
    expect(info.identities).toBeGreaterThan(0);
    expect(info.grants).toBeGreaterThan(0);

    // 3. The analysis: a first run cancelled (the request held until the page's cancel has been
    // answered, so the host starts it cancelled) stores nothing; then the real one.
    await openScreen(page, 'Findings & SoD');
    const cancelAnswered = page.waitForResponse('**/cancel');
    await page.route('**/api/analysis.run', async (route) => {
      await cancelAnswered;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').getByText('Running the analysis (steps)').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = page.getByRole('alert').filter({ hasText: 'The analysis did not run' });
    await cancelled.waitFor();
    expect(await cancelled.getAttribute('data-error-code')).toBe('CANCELLED');
    await page.unroute('**/api/analysis.run');
    expect((await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.some((e: { action: string }) => e.action === 'analysis.run')).toBe(false);
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(1).waitFor();
    const findings = await api('findings.page', { limit: 1 });
    expect(findings.total).toBeGreaterThan(0);
    await page.getByTestId('table-total').filter({ hasText: `${findings.total.toLocaleString('en-GB')} findings` }).waitFor();

    // 4. SoD: the starter library, then the evaluation.
    await page.getByRole('tab', { name: 'Rule set' }).click();
    await page.getByRole('button', { name: 'Import the starter library' }).click();
    await page.getByRole('table').filter({ hasText: 'Rule' }).first().waitFor();
    await page.getByRole('tab', { name: 'SoD violations' }).click();
    await page.getByRole('button', { name: 'Run SoD evaluation' }).click();
    const violations = await (async () => {
      for (;;) {
        const head = await api('sod.violations', { limit: 1 });
        if (head.run) return head;
        await page.waitForTimeout(100);
      }
    })();
    await page.getByTestId('table-total').filter({ hasText: `${violations.total} violations` }).waitFor();

    // 5. A manager review of the two systems: the wizard, its pre-launch check, launch.
    await createCampaignThroughWizard(page, { name: 'Q4 access review', fallback: 'grc@northwind-demo.example' });
    const campaignId = (await api('campaigns.list', {})).campaigns.at(-1)!.id;
    const preview = await api('campaigns.preview', { campaignId });
    expect(digits(await page.getByTestId('stat-Items to review').textContent())).toBe(preview.items);
    expect(preview.reconciliation.map((r) => r.system).sort()).toEqual(['Active Directory', 'Finance ERP']);
    await page.getByRole('button', { name: /^Launch/ }).click();
    await page.getByTestId('stat-Items').waitFor();
    const launched = await api('campaigns.status', { campaignId });
    expect(launched).toMatchObject({ state: 'launched', items: preview.items, pending: preview.items });

    // 6. A reviewer decides two items by keyboard and the rest in bulk.
    const reviewer = launched.byReviewer[0]!.reviewer;
    await page.getByRole('button', { name: reviewer, exact: true }).click();
    await page.getByTestId('review-item').waitFor();
    const kept = await shownItem(page);
    const revoked = await pressAndAdvance(page, 'y');
    await pressAndAdvance(page, 'x');
    const decided = (await api('campaigns.items', { campaignId, reviewer })).items;
    expect(decided.find((i) => i.id === kept)?.outcome).toBe('keep');
    expect(decided.find((i) => i.id === revoked)?.outcome).toBe('revoke');
    await page.keyboard.press('b');
    const bulk = page.getByRole('dialog', { name: `Bulk decision for ${reviewer}` });
    await bulk.getByRole('button', { name: 'Count matching items' }).click();
    const rest = (await api('campaigns.bulkDecide', { campaignId, reviewer, decision: 'keep', channel: 'app' })).matched;
    await bulk.getByRole('button', { name: `Keep ${rest} items` }).click();
    await page.getByTestId('review-done').waitFor();
    const afterReview = await api('campaigns.status', { campaignId });
    expect(afterReview.byReviewer.find((r) => r.reviewer === reviewer)).toMatchObject({ pending: 0, revoked: 1, kept: rest + 1 });

    // 7. Close: the default is stated, the campaign closes, the revocation is on the remediation list.
    await page.getByRole('link', { name: /Q4 access review/ }).or(page.getByRole('button', { name: 'Q4 access review' })).first().click();
    await page.getByRole('button', { name: 'Close campaign' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('close-consequence').textContent()).toContain(`${afterReview.pending} items nobody decided stay undecided`);
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Close campaign' }).click();
    await page.getByRole('status').filter({ hasText: 'Campaign closed' }).waitFor();
    const closed = await api('campaigns.status', { campaignId });
    expect(closed).toMatchObject({ state: 'closed', revoked: afterReview.revoked, kept: afterReview.kept });
    expect((await api('campaigns.remediation', { campaignId })).lines.map((l) => l.itemId)).toContain(revoked);

    // 8. The signed evidence pack of the closed campaign, from the Evidence screen.
    await openScreen(page, 'Evidence');
    expect(await page.getByRole('combobox', { name: /^Campaign/ }).inputValue()).toContain('Q4 access review');
    const pack = join(ws.dir, 'q4-evidence.pdf');
    await generatePackThroughScreen(page, pack);
    const generated = (await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.filter((e) => e.action === 'evidence.generated').at(-1)!;
    expect((generated.payload as { sha256: string }).sha256).toBe(createHash('sha256').update(readFileSync(pack)).digest('hex'));
    expect(await page.getByLabel('Pack SHA-256').textContent()).toBe((generated.payload as { sha256: string }).sha256);

    // 9. Verified in the same screen, as the API (and an auditor's "attest verify") sees it.
    const verification = await verifyPackThroughScreen(page, pack);
    const verified = await api('evidence.verify', { path: pack });
    expect(verified).toMatchObject({ ok: true, signature: 'valid', manifestOk: true });
    expect(await verification.getAttribute('data-ok')).toBe('true');
    expect(await verification.getByLabel('Signer fingerprint').textContent()).toBe(verified.signer.fingerprintSha256);
    expect(ws.pageErrors).toEqual([]);
  });
});
