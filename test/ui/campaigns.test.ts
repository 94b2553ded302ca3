import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookFile } from '../campaigns/workbook-file.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { workstationApi } from '../helpers/workstation-api.js';
import { createCampaignThroughWizard, openScreen, pressAndAdvance, shownItem, unlockWorkspace } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

let ws: Workstation;
const api = workstationApi(() => ws);
let campaignId = 0;
let reviewer = '';

function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}
async function stat(label: string): Promise<number> {
  return digits(await ws.page.getByTestId(`stat-${label}`).textContent());
}
async function go(hash: string): Promise<void> {
  await ws.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}
const item = async (id: number) => (await api('campaigns.items', { campaignId })).items.find((i) => i.id === id)!;
const pendingOf = async (who: string) => (await api('campaigns.itemsPage', { campaignId, reviewer: who, outcome: 'pending', offset: 0, limit: 1 })).total;

beforeAll(async () => {
  ws = await startWorkstation({ demo: true });
  await unlockWorkspace(ws.page, ws.demoWorkspace!, PASSPHRASE);
  await ws.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});
afterAll(async () => {
  await ws?.close();
});

describe('campaigns in the workstation (chromium, serve host, demo company)', () => {
  it('creates a campaign in the wizard, shows the pre-launch check the API computes, and launches it', async () => {
    const { page } = ws;
    await createCampaignThroughWizard(page, { name: 'ERP review (UI test)', system: 'Finance ERP', fallback: 'grc@northwind-demo.example', due: '2030-01-31' });
    const draft = (await api('campaigns.list', {})).campaigns.at(-1)!;
    expect(draft).toMatchObject({ name: 'ERP review (UI test)', state: 'draft', dueOn: '2030-01-31' });
    campaignId = draft.id;
    const preview = await api('campaigns.preview', { campaignId });
    expect(preview.items).toBeGreaterThan(0);
    expect(await stat('Items to review')).toBe(preview.items);
    expect(await stat('Reviewers')).toBe(preview.reviewers.length);
    expect(await stat('Unroutable items')).toBe(preview.unresolved.length);
    expect(await page.getByRole('table', { name: 'Reconciliation' }).getByRole('row').count()).toBe(preview.reconciliation.length + 1);
    expect(preview.reconciliation.map((r) => r.system)).toEqual(['Finance ERP']);

    await page.getByRole('button', { name: /^Launch/ }).click();
    await page.getByRole('heading', { level: 1, name: 'ERP review (UI test)' }).waitFor();
    await page.getByTestId('stat-Items').waitFor();
    const status = await api('campaigns.status', { campaignId });
    expect(status).toMatchObject({ state: 'launched', populationSha256: preview.populationSha256, items: preview.items });
    expect(await stat('Items')).toBe(status.items);
    expect(await stat('Pending')).toBe(status.pending);
    for (const r of status.byReviewer) await page.getByTestId(`reviewer-${r.reviewer}`).waitFor();

    await openScreen(page, 'Campaigns');
    expect(await page.getByTestId(`campaign-row-${campaignId}`).getByTestId('campaign-progress').textContent()).toBe(`0 / ${status.items}`);
  });

  it('decides by keyboard (y, x, j, k, u, c) as a reviewer, and the API records exactly that', async () => {
    const { page } = ws;
    reviewer = (await api('campaigns.status', { campaignId })).byReviewer[0]!.reviewer;
    expect(await pendingOf(reviewer)).toBeGreaterThanOrEqual(4);
    await go(`#/campaigns/${campaignId}/review/${encodeURIComponent(reviewer)}`);
    await page.getByTestId('review-item').waitFor();
    const a = await shownItem(page);
    const b = await pressAndAdvance(page, 'y');
    const c = await pressAndAdvance(page, 'x');
    expect(await item(a)).toMatchObject({ outcome: 'keep', decision: 'keep', reviewer });
    expect(await item(b)).toMatchObject({ outcome: 'revoke', decision: 'revoke' });
    expect((await item(c)).outcome).toBe('pending');

    await page.keyboard.press('k');
    expect(await shownItem(page)).toBe(b);
    await page.keyboard.press('j');
    expect(await shownItem(page)).toBe(c);
    await page.keyboard.press('ArrowUp');
    expect(await shownItem(page)).toBe(b);
    await page.keyboard.press('ArrowDown');

    // u takes back the last decision (b's revoke): a superseding withdraw row; b waits again and is shown.
    await page.keyboard.press('u');
    await page.locator(`[data-testid="review-item"][data-item-id="${b}"]`).waitFor();
    expect(await item(b)).toMatchObject({ outcome: 'pending', decision: null });
    // u again takes back the decision before it (a's keep): the undo stack goes back through the session.
    await page.keyboard.press('u');
    await page.locator(`[data-testid="review-item"][data-item-id="${a}"]`).waitFor();
    expect(await item(a)).toMatchObject({ outcome: 'pending', decision: null });
    await pressAndAdvance(page, 'y');

    // c writes a comment that goes with the next decision.
    await go(`#/campaigns/${campaignId}/review/${encodeURIComponent(reviewer)}`);
    await page.keyboard.press('c');
    await page.keyboard.type('Left the finance team in October');
    await page.keyboard.press('Escape');
    const commented = await shownItem(page);
    await pressAndAdvance(page, 'x');
    expect(await item(commented)).toMatchObject({ outcome: 'revoke', comment: 'Left the finance team in October' });
    expect(digits(await page.getByTestId('review-pending').textContent())).toBe(await pendingOf(reviewer));

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Undo your last decision/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('switches to Decided (counts as the API has them), changes a decision by keyboard, and after a reload u takes back the latest decision, named, the item back in Pending', async () => {
    const { page } = ws;
    const itemsIn = (state: 'pending' | 'decided' | 'all') => api('campaigns.itemsPage', { campaignId, reviewer, state, offset: 0, limit: 1000 });
    const decided = await itemsIn('decided');
    const { pending: owed, decided: done } = decided.counts!;
    expect(done).toBeGreaterThanOrEqual(2);
    const filter = page.getByTestId('review-view');
    await filter.filter({ hasText: `Decided ${done}` }).waitFor();
    expect(await filter.textContent()).toBe(`Pending ${owed}Decided ${done}All ${owed + done}`);

    // d: the reviewer's decided items, each with its decision, when, how and the comment.
    await page.keyboard.press('d');
    const [first, second] = decided.rows as [(typeof decided.rows)[number], (typeof decided.rows)[number]];
    await page.locator(`[data-testid="review-item"][data-item-id="${first.id}"]`).waitFor();
    expect(await page.getByRole('list', { name: 'Your items' }).getByRole('listitem').count()).toBe(Math.min(done, 16));
    const before = first.stages.find((s) => s.reviewer === reviewer)!;
    const shown = page.getByTestId('review-decision');
    expect(await shown.textContent()).toContain(`You decided:${before.decision === 'keep' ? 'Kept' : 'Revoked'}`);
    expect(await shown.textContent()).toContain(before.comment ? `“${before.comment}”` : 'No comment');
    const { operator } = await api('workspace.info', {});
    expect(await shown.textContent()).toContain(`in the app, recorded by ${operator}`);

    // The other decision by keyboard: recorded as a superseding decision; the next decided item is shown; the counts stay.
    const other = before.decision === 'keep' ? 'revoke' : 'keep';
    await page.keyboard.press('c');
    await page.keyboard.type('Changed after a second look');
    await page.keyboard.press('Escape');
    expect(await pressAndAdvance(page, other === 'keep' ? 'y' : 'x')).toBe(second.id);
    expect(await item(first.id)).toMatchObject({ outcome: other, decision: other, comment: 'Changed after a second look' });
    expect((await itemsIn('all')).counts).toEqual({ pending: owed, decided: done });
    await page.keyboard.press('k');
    await shown.filter({ hasText: 'Changed after a second look' }).waitFor();
    expect(await shown.textContent()).toContain(`You decided:${other === 'keep' ? 'Kept' : 'Revoked'}`);
    expect(await shown.textContent()).toContain(`in the app, recorded by ${operator}`);
    // The same decision again with nothing to add records nothing.
    const rows = (await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.length;
    await page.keyboard.press(other === 'keep' ? 'y' : 'x');
    await page.getByRole('status').filter({ hasText: 'nothing recorded' }).waitFor();
    expect((await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.length).toBe(rows);

    // The view is part of the address: a reload keeps the decided items on screen.
    expect(new URL(page.url()).hash).toMatch(/\/review\/[^/]+\/decided$/);
    await page.reload();
    await page.locator(`[data-testid="review-item"][data-item-id="${first.id}"]`).waitFor();
    expect(await filter.locator('input[value="decided"]').isChecked()).toBe(true);

    // p: back to pending; a first decision there.
    await page.keyboard.press('p');
    const pendingNow = (await itemsIn('pending')).rows[0]!;
    await page.locator(`[data-testid="review-item"][data-item-id="${pendingNow.id}"]`).waitFor();
    expect(new URL(page.url()).hash).toMatch(/\/review\/[^/]+$/);
    await pressAndAdvance(page, 'y');
    expect(await item(pendingNow.id)).toMatchObject({ outcome: 'keep' });
    await filter.filter({ hasText: new RegExp(`^Pending ${owed - 1}Decided`) }).waitFor();

    // A reload forgets the page's state; u still takes back the latest decision, says which, and the item is pending again.
    await page.reload();
    await page.getByTestId('review-item').waitFor();
    const hint = page.getByTestId('review-undoable');
    await hint.filter({ hasText: `${pendingNow.account} · ${pendingNow.system} · ${pendingNow.entitlement}` }).waitFor();
    expect(await hint.textContent()).toContain('takes back your keep of');
    await page.keyboard.press('u');
    const notice = page.getByRole('status').filter({ hasText: 'Undone' });
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`Undone: your keep of ${pendingNow.account} · ${pendingNow.system} · ${pendingNow.entitlement}; it is pending again.`);
    await page.locator(`[data-testid="review-item"][data-item-id="${pendingNow.id}"]`).waitFor();
    expect(await page.locator('[role="listitem"][aria-current="true"]').textContent()).toContain('Pending');
    expect(await item(pendingNow.id)).toMatchObject({ outcome: 'pending', decision: null });
    await filter.filter({ hasText: new RegExp(`^Pending ${owed}Decided`) }).waitFor();
    // u again: the change before it; the first item has its earlier decision back.
    await hint.filter({ hasText: `${first.account} · ${first.system} · ${first.entitlement}` }).waitFor();
    await page.keyboard.press('u');
    await notice.filter({ hasText: `your ${other} of ${first.account}` }).waitFor();
    expect(await notice.textContent()).toContain(`it is ${before.decision === 'keep' ? 'kept' : 'revoked'} again`);
    expect(await item(first.id)).toMatchObject({ outcome: before.decision, comment: before.comment });
    const trail = (await api('audit.list', { afterSeq: 0, limit: 10_000 })).events.filter((e) => e.action === 'campaign.decided').slice(-2);
    expect(trail.map((e) => (e.payload as { itemId: number; decision: string }).itemId)).toEqual([pendingNow.id, first.id]);
    expect((trail[0]!.payload as { decision: string }).decision).toBe('withdraw');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/even after a reload/);
    expect(await help.textContent()).toMatch(/the ones you decided/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('decides the rest in bulk, with a confirmation that states the count the API selects', async () => {
    const { page } = ws;
    await page.keyboard.press('b');
    const dialog = page.getByRole('dialog', { name: `Bulk decision for ${reviewer}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Count matching items' }).click();
    const expected = (await api('campaigns.bulkDecide', { campaignId, reviewer, decision: 'keep', channel: 'app' })).matched;
    expect(expected).toBe(await pendingOf(reviewer));
    await dialog.getByTestId('bulk-confirm').waitFor();
    expect(await dialog.getByTestId('bulk-confirm').textContent()).toContain(`Keep ${expected} pending items of ${reviewer}?`);
    await dialog.getByRole('button', { name: `Keep ${expected} items` }).click();
    await page.getByTestId('review-done').waitFor();
    expect(await pendingOf(reviewer)).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'decided in bulk' }).textContent()).toContain(String(expected));

    // The dashboard's campaigns card shows the same progress.
    const status = await api('campaigns.status', { campaignId });
    await openScreen(page, 'Dashboard');
    expect(await page.getByTestId(`dashboard-campaign-${campaignId}`).getByTestId('campaign-progress').textContent()).toBe(`${status.decided} / ${status.items}`);
  });

  it('writes reviewer workbooks, applies a returned one (rows accepted and rejected, with why), and refuses a tampered one', async () => {
    const { page } = ws;
    await go(`#/campaigns/${campaignId}`);
    await page.getByRole('tab', { name: 'Workbooks & reminders' }).click();
    const out = join(ws.dir, 'workbooks');
    const form = page.getByRole('form', { name: 'Write reviewer workbooks' });
    await form.getByRole('textbox', { name: /^Folder/ }).fill(out);
    await form.getByRole('button', { name: 'Write workbooks' }).click();
    const written = page.getByRole('table', { name: 'Written workbooks' });
    await written.waitFor();
    const owing = (await api('campaigns.status', { campaignId })).byReviewer.filter((r) => r.pending > 0);
    expect(await written.getByRole('row').count()).toBe(owing.length + 1);
    expect(readdirSync(out).length).toBe(owing.length);
    // Showing the folder is the desktop app's: not offered to a browser page.
    expect(await page.getByRole('button', { name: 'Open their folder' }).count()).toBe(0);

    const target = owing[0]!;
    const file = (await written.getByRole('row').filter({ hasText: target.reviewer }).getByRole('cell').nth(2).textContent())!;
    expect(readdirSync(out).map((f) => join(out, f))).toContain(file);
    const wb = new WorkbookFile(file);
    const rows = wb.rows();
    const [first, second, third] = rows.slice(1).map((r) => Number(r[0]));
    wb.decide(rows, first!, 'Keep');
    wb.decide(rows, second!, 'Revoke', 'No longer needed');
    wb.decide(rows, third!, 'Revoke');
    rows.find((r) => r[0] === String(third))![wb.column('Entitlement')] = 'Something else';
    const returned = wb.write(rows, 'Items', join(ws.dir, 'returned.xlsx'));

    const apply = page.getByRole('form', { name: 'Apply a returned workbook' });
    await apply.getByRole('textbox', { name: /^Workbook file/ }).fill(returned);
    await apply.getByRole('button', { name: 'Apply workbook' }).click();
    await page.getByTestId('apply-result').waitFor();
    expect(await stat('Applied')).toBe(2);
    expect(await stat('Rejected rows')).toBe(1);
    expect(await page.getByRole('table', { name: 'Rejected rows' }).textContent()).toMatch(/"Entitlement" cell was edited/);
    expect(await item(first!)).toMatchObject({ outcome: 'keep' });
    expect(await item(second!)).toMatchObject({ outcome: 'revoke', comment: 'No longer needed' });
    expect((await item(third!)).outcome).toBe('pending');

    const forged = new WorkbookFile(file);
    const integrity = forged.rows('Integrity');
    integrity.find((r) => r[0] === 'Reviewer')![1] = reviewer;
    const tampered = forged.write(integrity, 'Integrity', join(ws.dir, 'forged.xlsx'));
    await apply.getByRole('textbox', { name: /^Workbook file/ }).fill(tampered);
    await apply.getByRole('button', { name: 'Apply workbook' }).click();
    const refused = page.locator('[data-error-code="WORKBOOK_TAMPERED"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/Tampered workbook refused: nothing was applied/);
    await page.getByTestId('apply-result').waitFor({ state: 'hidden' });
  });

  it('reassigns a pending item from its drawer: the contract refuses the subject with its message, then records the new reviewer', async () => {
    const { page } = ws;
    await page.getByRole('tab', { name: 'Items' }).click();
    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    const pending = await api('campaigns.itemsPage', { campaignId, outcome: 'pending', offset: 0, limit: 1 });
    await page.getByTestId('table-total').filter({ hasText: `${pending.total} items` }).waitFor();
    const target = pending.rows[0]!;
    expect(target.person?.email).toBeTruthy();
    await page.getByRole('table', { name: 'Campaign items' }).getByRole('row').nth(1).click();
    const drawer = page.getByRole('dialog');
    const form = drawer.getByRole('form', { name: 'Reassign the item' });
    await form.getByRole('textbox', { name: /^New reviewer/ }).fill(target.person!.email!);
    await form.getByRole('textbox', { name: /^Reason/ }).fill('Out of office until January');
    await form.getByRole('button', { name: 'Reassign' }).click();
    const refused = drawer.locator('[data-error-code="SELF_REVIEW"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/nobody reviews their own access/);
    await form.getByRole('textbox', { name: /^New reviewer/ }).fill('deputy@northwind-demo.example');
    await form.getByRole('button', { name: 'Reassign' }).click();
    await drawer.getByRole('status').filter({ hasText: 'now waits for deputy@northwind-demo.example' }).waitFor();
    expect(await item(target.id)).toMatchObject({ outcome: 'pending', reviewer: 'deputy@northwind-demo.example' });
    await page.keyboard.press('Escape');
  });

  it('closes with the no-response default stated before confirming, then shows the remediation list the API reports', async () => {
    const { page } = ws;
    const before = await api('campaigns.status', { campaignId });
    expect(before.pending).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Close campaign' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('close-consequence').waitFor();
    expect(await dialog.getByTestId('close-consequence').textContent()).toContain(`${before.pending} items nobody decided stay undecided`);
    const confirm = dialog.getByRole('button', { name: 'Close campaign' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox').check();
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Campaign closed' }).waitFor();
    const after = await api('campaigns.status', { campaignId });
    expect(after).toMatchObject({ state: 'closed', pending: before.pending, revoked: before.revoked });

    await page.getByRole('tab', { name: 'Remediation' }).click();
    const remediation = await api('campaigns.remediation', { campaignId });
    expect(remediation.lines.length).toBe(after.revoked);
    await page.getByRole('table', { name: 'Remediation list' }).waitFor();
    expect(await page.getByRole('table', { name: 'Remediation list' }).getByRole('row').count()).toBe(remediation.lines.length + 1);
    expect(await stat('Awaiting verification')).toBe(remediation.counts.pending);
    expect(ws.pageErrors).toEqual([]);
  });
});
