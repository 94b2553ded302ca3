import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWorkbook } from '../../src/campaigns/apply-workbook.js';
import { readDecisions, readItems } from '../../src/campaigns/campaign-read.js';
import { exportWorkbooks } from '../../src/campaigns/export-workbooks.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { failure } from '../helpers/attest-failure.js';
import { buildZip, deflatedSpaces, xlsxParts } from '../helpers/zip-builder.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';
import { WorkbookFile } from './workbook-file.js';

const tempDir = useTempDirs();

async function exported() {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  const id = campaign(ws, { fallback: 'audit@acme.test', justify: ['revoke'] });
  launchCampaign(ws, id, 'tester');
  const out = exportWorkbooks(ws, id, join(dir, 'out'), 'tester');
  const file = (reviewer: string): WorkbookFile => new WorkbookFile(out.workbooks.find((w) => w.reviewer === reviewer)!.path);
  const items = readItems(ws.db, { campaignId: id });
  const item = (access: string): number => items.find((i) => `${i.account}:${i.entitlement}` === access)!.id;
  return { dir, ws, id, out, file, item };
}

describe('reviewer workbooks', () => {
  it('exports one workbook per reviewer, with instructions, context, the two columns to fill and tokens; formulas are neutralised', async () => {
    const { out, file, item } = await exported();
    expect(out.workbooks.map((w) => [w.reviewer, w.items])).toEqual([['audit@acme.test', 1], ['ceo@acme.test', 2], ['mgr@acme.test', 3]]);
    const mgr = file('mgr@acme.test');
    expect(mgr.book.SheetNames).toEqual(['Instructions', 'Items', 'Integrity']);
    const [header, ...rows] = mgr.rows();
    expect(header).toEqual(expect.arrayContaining(['Item', 'System', 'Account', 'Entitlement', 'Person', 'Manager', 'Last Login', 'Findings', 'Decision', 'Comment', 'Row Token']));
    const alice = rows.find((r) => r[0] === String(item('alice:Admin')))!;
    expect(alice.slice(0, 9)).toEqual([String(item('alice:Admin')), '1', 'App', 'alice', 'Admin', '', 'yes', 'Alice Adams', 'E3']);
    expect(alice[mgr.column('Row Token')]).toMatch(/^[0-9a-f]{32}$/);
    expect(mgr.rows('Instructions').flat().join(' ')).toMatch(/type Keep or Revoke/);
  });

  it('applies the decisions of an edited workbook, reports them exactly, and re-importing it changes nothing', async () => {
    const { ws, id, file, item } = await exported();
    const mgr = file('mgr@acme.test');
    const rows = mgr.decide(mgr.decide(mgr.rows(), item('alice:Reader'), 'Revoke', 'Left the team'), item('bob:Reader'), ' keep ');
    const path = mgr.write(rows);
    const first = await applyWorkbook(ws, id, path, 'operator');
    expect(first).toMatchObject({ reviewer: 'mgr@acme.test', applied: 2, unchanged: 0, blank: 1, rejected: [] });
    expect(first.appliedItems.map((a) => [a.itemId, a.decision])).toEqual([[item('alice:Reader'), 'revoke'], [item('bob:Reader'), 'keep']]);
    const decisions = readDecisions(ws.db, { campaignId: id });
    expect(decisions.map((d) => [d.itemId, d.decision, d.channel, d.reviewer, d.comment])).toEqual([
      [item('alice:Reader'), 'revoke', 'workbook', 'mgr@acme.test', 'Left the team'],
      [item('bob:Reader'), 'keep', 'workbook', 'mgr@acme.test', null],
    ]);
    const again = await applyWorkbook(ws, id, path, 'operator');
    expect(again).toMatchObject({ applied: 0, unchanged: 2, blank: 1, rejected: [] });
    expect(readDecisions(ws.db, { campaignId: id })).toHaveLength(2);
    ws.close();
  });

  it('rejects, with the row named, a row edited outside Decision/Comment, added, removed, or taken from another reviewer', async () => {
    const { ws, id, file, item } = await exported();
    const mgr = file('mgr@acme.test');
    const ceo = file('ceo@acme.test');
    const rows = mgr.rows();
    // Row 2: Alice's Reader, edited to look like a harmless entitlement (and kept).
    const edited = rows.find((r) => r[0] === String(item('alice:Reader')))!;
    edited[mgr.column('Entitlement')] = 'Viewer';
    mgr.decide(rows, item('alice:Reader'), 'Keep');
    // Bob's row removed; a row of the CEO's workbook pasted in; a made-up row added.
    const withoutBob = rows.filter((r) => r[0] !== String(item('bob:Reader')));
    const stolen = ceo.rows().find((r) => r[0] === String(item('mgr:Admin')))!;
    stolen[mgr.column('Decision')] = 'Keep';
    const invented = [...stolen];
    invented[0] = '9999';
    mgr.decide(withoutBob, item('alice:Admin'), 'Revoke');
    const path = mgr.write([...withoutBob, stolen, invented]);
    const report = await applyWorkbook(ws, id, path, 'operator');
    expect(report.applied).toBe(0);
    expect(report.rejected).toEqual([
      { row: 2, itemId: item('alice:Admin'), reason: 'a comment is required for revoke' },
      { row: 3, itemId: item('alice:Reader'), reason: 'the row\'s "Entitlement" cell was edited; only Decision and Comment may change' },
      { row: 4, itemId: item('bob:Reader'), reason: expect.stringMatching(/was removed/) as unknown },
      { row: 4, itemId: item('mgr:Admin'), reason: `the row is item ${item('mgr:Admin')} from ceo@acme.test's workbook, not mgr@acme.test's` },
      { row: 5, itemId: 9999, reason: 'the row was added: it names no item of this campaign' },
    ]);
    expect(readDecisions(ws.db, { campaignId: id })).toHaveLength(0);
    ws.close();
  });

  it('refuses a workbook of another campaign, one whose integrity sheet was edited, and hostile files, with coded errors', async () => {
    const { dir, ws, id, file } = await exported();
    const other = campaign(ws, { fallback: 'audit@acme.test' });
    launchCampaign(ws, other, 'tester');
    const mgr = file('mgr@acme.test');
    expect(await failure(applyWorkbook(ws, other, mgr.path, 'op'))).toMatchObject({ code: 'WORKBOOK_WRONG_CAMPAIGN' });

    const integrity = mgr.rows('Integrity');
    integrity.find((r) => r[0] === 'Reviewer')![1] = 'ceo@acme.test';
    expect(await failure(applyWorkbook(ws, id, mgr.write(integrity, 'Integrity', join(dir, 'forged.xlsx')), 'op'))).toMatchObject({ code: 'WORKBOOK_TAMPERED' });

    const formula = file('ceo@acme.test');
    const rows = formula.rows();
    rows[1]![formula.column('Comment')] = '=HYPERLINK("http://x","y")';
    rows[1]![formula.column('Decision')] = 'Keep';
    rows[2]![formula.column('Comment')] = 'x'.repeat(5000);
    rows[2]![formula.column('Decision')] = 'Keep';
    const formulaPath = formula.write(rows);
    expect((await applyWorkbook(ws, id, formulaPath, 'op')).rejected.map((r) => r.reason)).toEqual(['the Decision or Comment cell holds a formula; type the text itself', 'the Comment is longer than 4000 characters']);

    writeFileSync(join(dir, 'text.xlsx'), 'Item,Decision\n1,Keep\n');
    expect(await failure(applyWorkbook(ws, id, join(dir, 'text.xlsx'), 'op'))).toMatchObject({ code: 'CORRUPT_FILE' });
    writeFileSync(join(dir, 'bomb.xlsx'), buildZip(xlsxParts(await deflatedSpaces('xl/worksheets/sheet1.xml', 2 * 1024 ** 3 - 1))));
    expect(await failure(applyWorkbook(ws, id, join(dir, 'bomb.xlsx'), 'op'))).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(readDecisions(ws.db, { campaignId: id })).toHaveLength(0);
    ws.close();
  });
});
