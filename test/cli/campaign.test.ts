import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';
import { WorkbookFile } from '../campaigns/workbook-file.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface Item {
  id: number;
  reviewer: string;
  identity: string | null;
  account: string;
  system: string;
  entitlement: string;
  decision: string | null;
}

describe('attest campaign: the demo company runs a manager review end to end', () => {
  it('launch, decisions by CLI and by workbook, a tampered workbook rejected, close, remediation proven by a follow-up snapshot', async () => {
    const dir = join(tempDir(), 'demo');
    const demo = await runCli(['demo', dir, '--json'], { env });
    expect(demo.code, demo.stderr).toBe(0);
    expect((demo.json() as { campaign: { campaignId: number; items: number } }).campaign).toMatchObject({ campaignId: 1, items: expect.any(Number) as unknown });
    const ws = ['-w', join(dir, 'demo.attest')];
    const cli = async (args: string[], code = 0): Promise<unknown> => {
      const run = await runCli([...args, ...ws, '--json'], { env });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(code);
      return run.json();
    };

    const { campaignId } = (await cli(['campaign', 'create', '--name', 'Finance Q4', '--type', 'manager', '--systems', 'Finance ERP', '--fallback', 'grc@northwind-demo.example', '--no-response', 'keep', '--justify', 'revoke'])) as { campaignId: number };
    expect(campaignId).toBe(2);
    const preview = (await cli(['campaign', 'preview', String(campaignId)])) as { items: number; unresolved: unknown[] };
    expect(preview.unresolved).toEqual([]);
    const launched = (await cli(['campaign', 'launch', String(campaignId)])) as { campaignId: number; items: number; populationSha256: string };
    expect(launched).toMatchObject({ campaignId, items: preview.items, populationSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    expect(await cli(['campaign', 'launch', String(campaignId)], 4)).toMatchObject({ error: { code: 'CAMPAIGN_STATE' } });

    const { items } = (await cli(['campaign', 'items', String(campaignId)])) as { items: Item[] };
    expect(items).toHaveLength(launched.items);
    const byReviewer = new Map<string, Item[]>();
    for (const i of items) byReviewer.set(i.reviewer, [...(byReviewer.get(i.reviewer) ?? []), i]);
    const [reviewer, mine] = [...byReviewer].filter(([r]) => r !== 'grc@northwind-demo.example').sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const [viaCli, viaWorkbook, keptViaWorkbook] = mine as [Item, Item, Item];

    // A decision through the CLI (a revoke needs its justification here).
    expect(await cli(['campaign', 'decide', String(campaignId), '--item', String(viaCli.id), '--decision', 'revoke', '--reviewer', reviewer], 4)).toMatchObject({ error: { code: 'JUSTIFICATION_REQUIRED' } });
    expect(await cli(['campaign', 'decide', String(campaignId), '--item', String(viaCli.id), '--decision', 'revoke', '--reviewer', reviewer, '--comment', 'No longer in the team'])).toMatchObject({ itemId: viaCli.id, decision: 'revoke' });
    // Undone (the item waits again), then decided again.
    const revoked = (await cli(['campaign', 'items', String(campaignId), '--outcome', 'revoke'])) as { items: Item[] };
    expect(revoked.items.map((i) => i.id)).toContain(viaCli.id);
    expect(await cli(['campaign', 'undo', String(campaignId), '--item', String(viaCli.id), '--reviewer', reviewer])).toMatchObject({ itemId: viaCli.id, restored: null });
    expect(await cli(['campaign', 'undo', String(campaignId), '--item', String(viaCli.id), '--reviewer', reviewer], 4)).toMatchObject({ error: { code: 'CAMPAIGN_STATE' } });
    expect(await cli(['campaign', 'decide', String(campaignId), '--item', String(viaCli.id), '--decision', 'revoke', '--reviewer', reviewer, '--comment', 'No longer in the team'])).toMatchObject({ itemId: viaCli.id, decision: 'revoke' });
    // Without --item: the reviewer's most recent decision that can still be taken back (here the same one), named.
    expect(await cli(['campaign', 'undo', String(campaignId), '--reviewer', reviewer])).toMatchObject({ itemId: viaCli.id, decision: 'revoke', restored: null, account: viaCli.account, entitlement: viaCli.entitlement });
    const human = await runCli(['campaign', 'decide', String(campaignId), '--item', String(viaCli.id), '--decision', 'revoke', '--reviewer', reviewer, '--comment', 'No longer in the team', ...ws], { env });
    expect(human.code, human.stderr).toBe(0);
    const undoneHuman = await runCli(['campaign', 'undo', String(campaignId), '--reviewer', reviewer, ...ws], { env });
    expect(undoneHuman.stdout).toContain(`Item ${viaCli.id} (${viaCli.account} · ${viaCli.system} · ${viaCli.entitlement}): revoke #`);
    expect(await cli(['campaign', 'decide', String(campaignId), '--item', String(viaCli.id), '--decision', 'revoke', '--reviewer', reviewer, '--comment', 'No longer in the team'])).toMatchObject({ itemId: viaCli.id, decision: 'revoke' });

    // Decisions through the reviewer's workbook, returned edited; re-applying it changes nothing.
    const out = join(dir, 'workbooks');
    const { files, workbooks } = (await cli(['campaign', 'workbooks', String(campaignId), '--out', out])) as { files: string[]; workbooks: { reviewer: string; path: string }[] };
    expect(files.length).toBe(byReviewer.size);
    const book = new WorkbookFile(workbooks.find((w) => w.reviewer === reviewer)!.path);
    const path = book.write(book.decide(book.decide(book.rows(), viaWorkbook.id, 'Revoke', 'Role not needed'), keptViaWorkbook.id, 'Keep'));
    expect(await cli(['campaign', 'apply-workbook', String(campaignId), path])).toMatchObject({ applied: 2, rejected: [] });
    expect(await cli(['campaign', 'apply-workbook', String(campaignId), path])).toMatchObject({ applied: 0, unchanged: 2, rejected: [] });
    expect(await cli(['campaign', 'apply-workbook', '1', path], 4)).toMatchObject({ error: { code: 'WORKBOOK_WRONG_CAMPAIGN' } });

    // Another reviewer's workbook comes back with an entitlement quietly changed: that row is refused, by number.
    const otherFile = files.find((f) => f !== book.path)!;
    const other = new WorkbookFile(otherFile);
    const rows = other.rows();
    rows[1]![other.column('Entitlement')] = 'Read Only';
    rows[1]![other.column('Decision')] = 'Keep';
    const tampered = (await cli(['campaign', 'apply-workbook', String(campaignId), other.write(rows)], 1)) as { applied: number; rejected: { row: number; reason: string }[] };
    expect(tampered).toMatchObject({ applied: 0, rejected: [{ row: 2, reason: expect.stringMatching(/"Entitlement" cell was edited/) as unknown }] });

    const reminders = (await cli(['campaign', 'reminders', String(campaignId), '--out', join(dir, 'reminders')])) as { files: { path: string }[] };
    expect(reminders.files.length).toBeGreaterThan(0);
    expect(readFileSync(reminders.files[0]!.path, 'utf8')).toMatch(/^To: .+@northwind-demo\.example\r\nSubject: Access review "Finance Q4"/);

    const status = (await cli(['campaign', 'status', String(campaignId)])) as Record<string, unknown>;
    expect(status).toMatchObject({ campaignId, state: 'launched', items: items.length, decided: 3, kept: 1, revoked: 2, pending: items.length - 3, remediation: { verified: 0, stillPresent: 0, pending: 2 } });

    expect(await cli(['campaign', 'close', String(campaignId)])).toMatchObject({ campaignId, revocations: 2 });
    const remediationCsv = join(dir, 'remediation.csv');
    await cli(['campaign', 'remediation', String(campaignId), '--out', remediationCsv]);
    const lines = readFileSync(remediationCsv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/System,Account,Account Key,Entitlement,Identity,Reviewer,Decided At,Justification,Verification,Verified By Snapshot,Ticket Reference,Date Removed$/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([viaCli, viaWorkbook].map((i) => String(i.id)).sort((a, b) => Number(a) - Number(b)));
    for (const [line, item] of [viaCli, viaWorkbook].sort((a, b) => a.id - b.id).map((i, n) => [lines[n + 1]!, i] as const)) expect(line).toContain(`,${item.entitlement},`);
    await cli(['campaign', 'remediation', String(campaignId), '--out', join(dir, 'remediation.xlsx')]);
    expect(readdirSync(dir)).toContain('remediation.xlsx');

    // IT removes the CLI-revoked grant but not the workbook-revoked one; the next ERP export shows it.
    const erp = readFileSync(join(dir, 'exports', 'erp-grants.csv'), 'utf8').split('\n');
    const followUp = erp.filter((line) => !(line.startsWith(`${viaCli.account},`) && line.includes(`,${viaCli.entitlement},`)));
    expect(followUp.length).toBe(erp.length - 1);
    writeFileSync(join(dir, 'erp-follow-up.csv'), followUp.join('\n'));
    await cli(['import', join(dir, 'erp-follow-up.csv'), '--system', 'Finance ERP', '--as-of', new Date().toISOString().slice(0, 10)]);
    expect(await cli(['campaign', 'status', String(campaignId)])).toMatchObject({ state: 'closed', remediation: { verified: 1, stillPresent: 1, pending: 0 } });
    const remediation = (await cli(['campaign', 'remediation', String(campaignId)])) as { lines: { itemId: number; verification: string }[] };
    expect(Object.fromEntries(remediation.lines.map((l) => [l.itemId, l.verification]))).toEqual({ [viaCli.id]: 'verified-removed', [viaWorkbook.id]: 'still-present' });

    const audit = await cli(['audit', 'verify']);
    expect(audit).toMatchObject({ ok: true });

    // The evidence pack reads the campaign through its read model, and verifies.
    const pack = join(dir, 'pack.pdf');
    expect(await cli(['evidence', String(campaignId), '--out', pack])).toMatchObject({ path: pack, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    const verified = await runCli(['verify', pack, '--json'], { env });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, signature: 'valid', manifestOk: true });
  }, 120_000); // the demo company, a launch, ~30 CLI runs and a signed pack: slow on a busy 2-core machine
});
