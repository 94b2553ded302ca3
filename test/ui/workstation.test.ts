import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantsCsv } from '../bench/import-fixtures.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { importThroughWizard, openScreen, unlockWorkspace } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

let ws: Workstation;

const api = workstationApi(() => ws);

function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

beforeAll(async () => {
  ws = await startWorkstation({ demo: true });
});
afterAll(async () => {
  await ws?.close();
});

describe('the workstation in chromium, over the serve host and the demo company', () => {
  it('refuses a wrong passphrase with the API’s message, then unlocks with the right one', async () => {
    const { page } = ws;
    await unlockWorkspace(page, ws.demoWorkspace!, 'not the passphrase');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('WRONG_PASSPHRASE');
    expect(await alert.textContent()).toMatch(/passphrase/i);
    // The browser has no OS keychain: the host does not offer "remember on this computer".
    expect(await page.getByLabel('Remember on this computer').count()).toBe(0);
    await unlockWorkspace(page, ws.demoWorkspace!, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('workspace-org').textContent()).toBe((await api('workspace.info', {})).org);
  });

  it('shows on the dashboard the counts the API reports', async () => {
    const { page } = ws;
    const info = await api('workspace.info', {});
    const summary = await api('dashboard.summary', {});
    for (const [label, value] of [['Identities', info.identities], ['Accounts', info.accounts], ['Grants', info.grants], ['Systems', info.systems]] as const) {
      expect(digits(await page.getByTestId(`stat-${label}`).textContent())).toBe(value);
    }
    const findings = Object.entries(summary.findings!.counts).filter(([, n]) => n > 0);
    expect(findings.length).toBeGreaterThan(0);
    for (const [type, n] of findings) expect(digits(await page.getByTestId(`finding-count-${type}`).textContent())).toBe(n);
    for (const r of summary.sod!.byRisk) expect(digits(await page.getByTestId(`sod-count-${r.risk}`).textContent())).toBe(r.open + r.mitigated + r.excepted);
    for (const s of summary.systems) await page.getByTestId(`system-${s.system}`).waitFor();
  });

  it('opens every screen from the navbar without an error', async () => {
    const { page } = ws;
    for (const screen of ['Systems & snapshots', 'Identities & accounts', 'Findings & SoD', 'Import', 'Audit trail', 'Settings', 'Dashboard']) await openScreen(page, screen);
    await openScreen(page, 'Findings & SoD');
    await page.getByRole('tab', { name: 'SoD violations' }).click();
    const violations = await api('sod.violations', { limit: 1 });
    await page.getByTestId('table-total').filter({ hasText: new RegExp(`^${violations.total} violations$`) }).waitFor();
    await page.getByRole('table', { name: 'SoD violations' }).getByRole('row').nth(1).click();
    const detail = await api('sod.violation', { id: violations.rows[0]!.id });
    await page.getByRole('dialog').getByRole('heading', { name: detail.ruleName }).waitFor();
    for (const g of detail.grants) expect(await page.getByRole('dialog').getByRole('region', { name: `Side ${g.side}` }).textContent()).toContain(g.account);
    await page.keyboard.press('Escape');
    expect(ws.pageErrors).toEqual([]);
  });

  it('lists the audit trail a page at a time and verifies its chain as the API does', async () => {
    const { page } = ws;
    await openScreen(page, 'Audit trail');
    const verified = await api('audit.verify', {});
    await page.getByTestId('table-total').filter({ hasText: `${verified.events} events` }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    expect(await page.getByTestId('audit-verification').textContent()).toContain(verified.head);
    const first = (await api('audit.list', { afterSeq: 0, limit: 1 })).events[0]!;
    await page.getByRole('table', { name: 'Audit events' }).getByRole('row').nth(1).click();
    expect(await page.getByRole('dialog').textContent()).toContain(first.hash);
    await page.keyboard.press('Escape');
  });

  it('searches an identity on the host and opens its page with its access', async () => {
    const { page } = ws;
    const leaver = (await api('findings.page', { type: 'leaver', limit: 1 })).rows[0]!;
    const person = await api('identities.show', { employeeId: leaver.identity! });
    await openScreen(page, 'Identities & accounts');
    await page.getByRole('searchbox', { name: 'Search' }).fill(person.identity.displayName!);
    await page.getByTestId('table-total').filter({ hasText: /^1 identities$/ }).waitFor();
    await page.getByRole('table', { name: 'Identities' }).getByRole('row').nth(1).click();
    await page.getByRole('heading', { level: 1, name: person.identity.displayName! }).waitFor();
    await page.getByTestId(`account-${leaver.system}-${leaver.accountKey}`).waitFor();
    expect(await page.getByRole('region', { name: 'Findings' }).textContent()).toContain('Leaver');
  });

  it('imports through the wizard: review with problems, progress, the result with its rejected row', async () => {
    const { page } = ws;
    const file = join(ws.dir, 'erp-december.csv');
    writeFileSync(file, ['Account,Entitlement', ...Array.from({ length: 40 }, (_, i) => `user${i},Role ${i % 5}`), 'user41,Role 1,one too many'].join('\n'));
    await importThroughWizard(page, file, 'Finance ERP');
    expect(digits(await page.getByTestId('dry-Rejected').textContent())).toBe(1);
    expect(await page.getByTestId('detected-profile').textContent()).toBe('grants');
    expect(await page.getByRole('region', { name: 'Problems found' }).textContent()).toMatch(/line 42/);
    const raw = page.getByRole('region', { name: 'First rows of the file, as written' });
    await raw.waitFor();
    expect(await raw.getByRole('row').count()).toBe(1 + 8);
    expect(await raw.textContent()).toContain('user0');
    expect(await page.getByRole('region', { name: 'Column mapping' }).getByRole('combobox', { name: 'Account', exact: true }).inputValue()).toBe('Account');
    const before = (await api('snapshots.list', {})).snapshots.length;
    await page.getByRole('button', { name: /^Import 40 rows/ }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toMatch(/40 of 41 rows imported.*1 rejected/);
    expect(await page.getByRole('region', { name: 'Rejected rows' }).textContent()).toContain('42');
    const snapshots = (await api('snapshots.list', {})).snapshots;
    expect(snapshots.length).toBe(before + 1);
    expect(await page.getByRole('region', { name: 'Provenance' }).textContent()).toContain(snapshots[0]!.sha256);
  });

  it('shows an import’s progress as rows of the total; after Cancel it shows the host’s true outcome (nothing saved, or the snapshot)', async () => {
    const { page } = ws;
    // Large enough (1M rows, ~3 s) that Cancel is still there when the test clicks it on a busy machine.
    const big = await grantsCsv(1_000_000);
    await page.getByRole('button', { name: 'Import another file' }).click();
    await importThroughWizard(page, big, 'Big ERP');
    const before = (await api('snapshots.list', {})).snapshots.length;
    await page.getByRole('button', { name: /^Import [\d,]+ rows/ }).click();
    const progress = page.getByTestId('progress-text');
    await progress.filter({ hasText: / of [\d,]+ \(\d+%\)/ }).waitFor();
    // On a quiet machine the import may finish first: then there is no Cancel left to press.
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 2_000 }).catch(() => undefined);
    // The page shows the host's own outcome: cancelled with nothing saved, or (when the import
    // finished before the cancel reached it) the snapshot. It never says one while the other happened.
    const cancelled = page.locator('[data-error-code="CANCELLED"]');
    await cancelled.or(page.getByRole('region', { name: 'Provenance' })).first().waitFor({ state: 'attached' });
    const after = (await api('snapshots.list', {})).snapshots.length;
    expect(after).toBe((await cancelled.count()) > 0 ? before : before + 1);
  });

  it('toggles dark mode, and follows the system preference until the user picks', async () => {
    const { page } = ws;
    const scheme = (): Promise<string | null> => page.locator('html').getAttribute('data-mantine-color-scheme');
    const background = (): Promise<string> => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await scheme()).toBe('light');
    const light = await background();
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    expect(await scheme()).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    expect(await scheme()).toBe('light');

    const darkContext = await ws.browser.newContext({ colorScheme: 'dark' });
    const darkPage = await darkContext.newPage();
    await darkPage.goto(ws.server.url);
    await darkPage.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await darkPage.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await darkContext.close();
  });

  it('locks itself after the idle time set in Settings', async () => {
    await api('workspace.open', { path: ws.demoWorkspace!, passphrase: PASSPHRASE });
    const context = await ws.browser.newContext();
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(ws.server.url);
    await openScreen(page, 'Settings');
    await page.getByRole('combobox', { name: 'Lock the workspace' }).click();
    await page.getByRole('option', { name: 'After 1 minute' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await api('settings.get', {})).autoLockMinutes).toBe(1);
    await page.clock.fastForward('01:05');
    await page.getByRole('heading', { name: 'Welcome to Attest' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'without activity' }).count()).toBe(1);
    const info = await fetch(`http://127.0.0.1:${ws.server.port}/api/workspace.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ws.server.token}` }, body: '{}' });
    expect(((await info.json()) as { error: { code: string } }).error.code).toBe('NO_WORKSPACE_OPEN');
    await context.close();
  });
});
