import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit-log.js';
import { readDecisions, readItems } from '../../src/campaigns/campaign-read.js';
import { campaignProgress } from '../../src/campaigns/campaign-status.js';
import { closeCampaign } from '../../src/campaigns/close-campaign.js';
import { itemPage } from '../../src/campaigns/item-page.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { decideItem } from '../../src/campaigns/record-decisions.js';
import { setReviewOwner } from '../../src/campaigns/review-owners.js';
import { undoDecision } from '../../src/campaigns/undo-decision.js';
import { attestFailure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';

const tempDir = useTempDirs();

async function launched(request: Parameters<typeof campaign>[1] = {}) {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  setReviewOwner(ws, { system: 'App', reviewer: 'owner@acme.test', operator: 'tester' });
  const id = campaign(ws, { fallback: 'fallback@acme.test', ...request });
  launchCampaign(ws, id, 'tester');
  const items = readItems(ws.db, { campaignId: id });
  const item = (access: string) => items.find((i) => `${i.account}:${i.entitlement}` === access)!;
  return { ws, id, items, item };
}

describe('undo of a decision', () => {
  it('puts a first decision back to pending with a withdraw row, and restores an earlier one; each is a superseding, audited row', async () => {
    const { ws, id, item } = await launched();
    const alice = item('alice:Reader').id;
    decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: 'mgr@acme.test' }, 'app', 'op');
    const revoke = decideItem(ws, id, { itemId: alice, decision: 'revoke', reviewer: 'mgr@acme.test', comment: 'left the team' }, 'app', 'op');
    const first = undoDecision(ws, id, { itemId: alice, reviewer: 'MGR@acme.test' }, 'app', 'op');
    expect(first).toMatchObject({ undone: revoke.decisionId, restored: 'keep' });
    expect(readItems(ws.db, { campaignId: id, itemIds: [alice] })[0]).toMatchObject({ outcome: 'keep', decision: 'keep' });
    const second = undoDecision(ws, id, { itemId: alice, reviewer: 'mgr@acme.test' }, 'app', 'op');
    expect(second).toMatchObject({ undone: first.decisionId, restored: 'revoke' });
    expect(readItems(ws.db, { campaignId: id, itemIds: [alice] })[0]).toMatchObject({ outcome: 'revoke', comment: 'left the team' });

    const bob = item('bob:Reader').id;
    const only = decideItem(ws, id, { itemId: bob, decision: 'revoke', reviewer: 'mgr@acme.test' }, 'app', 'op');
    const back = undoDecision(ws, id, { itemId: bob, reviewer: 'mgr@acme.test' }, 'app', 'op');
    expect(back).toMatchObject({ undone: only.decisionId, restored: null, stage: 1 });
    expect(readItems(ws.db, { campaignId: id, itemIds: [bob] })[0]).toMatchObject({ outcome: 'pending', stage: 1, reviewer: 'mgr@acme.test', decision: null });
    expect(readDecisions(ws.db, { campaignId: id, itemIds: [bob] }).map((d) => [d.decision, d.supersedes])).toEqual([['revoke', null], ['withdraw', only.decisionId]]);
    expect(listAuditEvents(ws.db, { limit: 10_000 }).filter((e) => e.action === 'campaign.decided').at(-1)?.payload).toMatchObject({ itemId: bob, decision: 'withdraw', supersedes: only.decisionId });
    expect(attestFailure(() => undoDecision(ws, id, { itemId: bob, reviewer: 'mgr@acme.test' }, 'app', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE', message: expect.stringMatching(/no decision of mgr@acme.test in force/) as unknown });
    expect(attestFailure(() => undoDecision(ws, id, { itemId: alice, reviewer: 'ceo@acme.test' }, 'app', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE' });
    // The pending item is decided again like any other, and a closed campaign refuses undo.
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'mgr@acme.test' }, 'app', 'op');
    closeCampaign(ws, id, 'op');
    expect(attestFailure(() => undoDecision(ws, id, { itemId: bob, reviewer: 'mgr@acme.test' }, 'app', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE' });
    ws.close();
  });

  it('refuses to undo a stage 1 decision once stage 2 has decided on it', async () => {
    const { ws, id, item } = await launched({ stages: ['manager', 'owner'] });
    const bob = item('bob:Reader').id;
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'mgr@acme.test' }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'owner@acme.test' }, 'app', 'op');
    expect(attestFailure(() => undoDecision(ws, id, { itemId: bob, reviewer: 'mgr@acme.test' }, 'app', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE', message: expect.stringMatching(/stage 2 was decided by owner@acme.test/) as unknown });
    expect(undoDecision(ws, id, { itemId: bob, reviewer: 'owner@acme.test' }, 'app', 'op')).toMatchObject({ stage: 2, restored: null });
    expect(readItems(ws.db, { campaignId: id, itemIds: [bob] })[0]).toMatchObject({ outcome: 'pending', stage: 2, reviewer: 'owner@acme.test' });
    ws.close();
  });
});

describe('a page of items', () => {
  it('filters by reviewer, outcome, system and text like the whole list would, and counts them all', async () => {
    const { ws, id, items } = await launched();
    const mine = items.filter((i) => i.reviewer === 'mgr@acme.test');
    decideItem(ws, id, { itemId: mine[0]!.id, decision: 'revoke', reviewer: 'mgr@acme.test' }, 'app', 'op');
    const now = readItems(ws.db, { campaignId: id });
    const page = (q: Partial<Parameters<typeof itemPage>[1]>) => itemPage(ws.db, { campaignId: id, offset: 0, limit: 100, ...q });
    expect(page({}).rows).toEqual(now);
    expect(page({ reviewer: 'MGR@acme.test' }).rows.map((i) => i.id)).toEqual(now.filter((i) => i.reviewer === 'mgr@acme.test').map((i) => i.id));
    expect(page({ reviewer: 'mgr@acme.test', outcome: 'pending' }).total).toBe(mine.length - 1);
    expect(page({ outcome: 'revoke' }).rows.map((i) => i.id)).toEqual([mine[0]!.id]);
    expect(page({ text: 'ALICE' }).rows.map((i) => i.account)).toEqual(now.filter((i) => i.account === 'alice').map(() => 'alice'));
    expect(page({ text: '%' }).total).toBe(0);
    expect(page({ system: 'app' }).total).toBe(now.length);
    const second = page({ offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: now.length, offset: 2 });
    expect(second.rows).toEqual(now.slice(2, 4));
    expect(campaignProgress(ws.db, id)).toEqual({ items: now.length, decided: 1 });
    ws.close();
  });
});
