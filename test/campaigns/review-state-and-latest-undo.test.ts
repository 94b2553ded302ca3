import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiSession } from '../../src/api/session.js';
import { invoke } from '../../src/api/invoke.js';
import type { OperationInput, OperationName, OperationOutput } from '../../src/api/contract.js';
import { listAuditEvents } from '../../src/audit/audit-log.js';
import { readDecisions, readItems } from '../../src/campaigns/campaign-read.js';
import { itemPage } from '../../src/campaigns/item-page.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { decideItem } from '../../src/campaigns/record-decisions.js';
import { setReviewOwner } from '../../src/campaigns/review-owners.js';
import { undoDecision } from '../../src/campaigns/undo-decision.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { attestFailure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';

const tempDir = useTempDirs();
const MGR = 'mgr@acme.test';
const OWNER = 'owner@acme.test';

async function launched(request: Parameters<typeof campaign>[1] = {}) {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  setReviewOwner(ws, { system: 'App', reviewer: OWNER, operator: 'tester' });
  const id = campaign(ws, { fallback: 'fallback@acme.test', ...request });
  launchCampaign(ws, id, 'tester');
  const items = readItems(ws.db, { campaignId: id });
  const item = (access: string) => items.find((i) => `${i.account}:${i.entitlement}` === access)!.id;
  return { ws, id, item, path: join(dir, 'w.attest') };
}

/** A new API session on the workspace file: what a reload of the review screen (or another host) starts from. */
async function freshSession(path: string) {
  const session = new ApiSession();
  expect(await invoke('workspace.open', { path, passphrase: PASSPHRASE }, { session })).toMatchObject({ ok: true });
  const api = async <K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> => {
    const result = await invoke(name, input, { session });
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { session, api };
}

describe("a reviewer's items by state", () => {
  it('pending for them, decided by them (kept in force when a later stage waits), or all, with the count in each', async () => {
    const { ws, id, item } = await launched({ stages: ['manager', 'owner'] });
    const page = (q: Partial<Parameters<typeof itemPage>[1]>) => itemPage(ws.db, { campaignId: id, offset: 0, limit: 100, ...q });
    const ids = (q: Partial<Parameters<typeof itemPage>[1]>) => page(q).rows.map((i) => i.id);
    const [alice, admin, bob] = [item('alice:Reader'), item('alice:Admin'), item('bob:Reader')];
    expect(page({ reviewer: MGR, state: 'pending' })).toMatchObject({ total: 3, counts: { pending: 3, decided: 0 } });
    // The owner's stage 2 waits for the manager's stage 1: not theirs in any state yet.
    expect(page({ reviewer: OWNER, state: 'all' }).counts).toEqual({ pending: 0, decided: 0 });

    decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: MGR, comment: 'needs it' }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'revoke', reviewer: MGR }, 'cli', 'op');
    expect(ids({ reviewer: MGR, state: 'pending' })).toEqual([admin]);
    // alice's item waits for the owner now, and still shows as the manager's decided keep.
    expect(ids({ reviewer: MGR, state: 'decided' })).toEqual([alice, bob]);
    expect(page({ reviewer: MGR, state: 'all' })).toMatchObject({ total: 3, counts: { pending: 1, decided: 2 } });
    expect(ids({ reviewer: OWNER, state: 'pending' })).toEqual([alice]);
    // Each decided stage carries its comment, when and through which channel.
    const kept = page({ reviewer: MGR, state: 'decided' }).rows[0]!.stages[0]!;
    expect(kept).toMatchObject({ decision: 'keep', comment: 'needs it', channel: 'app', recordedBy: 'op', reviewer: MGR });
    expect(Date.parse(kept.decidedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(page({ reviewer: MGR, state: 'decided' }).rows[0]!.stages[1]).toMatchObject({ decision: null, decidedAt: null, channel: null, recordedBy: null, reviewer: OWNER });

    // Other filters narrow the counts too; the outcome filter still applies.
    expect(page({ reviewer: MGR, state: 'all', text: 'bob' })).toMatchObject({ total: 1, counts: { pending: 0, decided: 1 } });
    expect(ids({ reviewer: MGR, state: 'decided', outcome: 'revoke' })).toEqual([bob]);
    // Without a reviewer: by the item's outcome.
    expect(page({ state: 'decided' }).rows.map((i) => i.outcome)).toEqual(['revoke']);
    expect(page({ state: 'all' }).counts).toEqual({ pending: 5, decided: 1 });
    // One item by id, with its state among the reviewer's.
    expect(page({ reviewer: MGR, state: 'all', itemId: bob })).toMatchObject({ total: 1, counts: { pending: 0, decided: 1 }, rows: [{ id: bob, outcome: 'revoke' }] });
    expect(page({ reviewer: OWNER, state: 'all', itemId: bob }).total).toBe(0);
    // A page without a state has no counts (and costs what it did).
    expect(page({ reviewer: MGR }).counts).toBeNull();

    // Undone, the item leaves Decided and is pending again.
    undoDecision(ws, id, { itemId: bob, reviewer: MGR }, 'app', 'op');
    expect(ids({ reviewer: MGR, state: 'pending' })).toEqual([admin, bob]);
    ws.close();
  });
});

describe("undo of a reviewer's most recent decision (no item named)", () => {
  it('works from a new session, names the access, goes back through the decisions in order, and is audited', async () => {
    const { ws, id, item, path } = await launched();
    const [alice, bob] = [item('alice:Reader'), item('bob:Reader')];
    const first = decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: MGR, comment: 'still an accountant', secondsSpent: 4 }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'revoke', reviewer: MGR, secondsSpent: 3 }, 'app', 'op');
    // The manager changes their mind on alice's item (a superseding decision, as the Decided view sends it).
    const changed = decideItem(ws, id, { itemId: alice, decision: 'revoke', reviewer: MGR, comment: 'moved to sales', secondsSpent: 6 }, 'app', 'op');
    expect(changed.supersedes).toBe(first.decisionId);
    ws.close();

    const { session, api } = await freshSession(path);
    expect((await api('campaigns.undoable', { campaignId: id, reviewer: 'MGR@acme.test' })).undoable).toMatchObject({
      itemId: alice, decisionId: changed.decisionId, decision: 'revoke', restores: 'keep', account: 'alice', system: 'App', entitlement: 'Reader',
    });
    // 1: the change is taken back; alice's item is kept again, with its comment.
    expect(await api('campaigns.undo', { campaignId: id, reviewer: MGR, channel: 'app' })).toMatchObject({ itemId: alice, undone: changed.decisionId, decision: 'revoke', restored: 'keep', account: 'alice', entitlement: 'Reader' });
    const items = async () => (await api('campaigns.items', { campaignId: id, reviewer: MGR })).items;
    expect((await items()).find((i) => i.id === alice)).toMatchObject({ outcome: 'keep', comment: 'still an accountant' });
    // 2: the decision before that (bob's revoke), not a redo of the change.
    expect((await api('campaigns.undoable', { campaignId: id, reviewer: MGR })).undoable).toMatchObject({ itemId: bob, decision: 'revoke', restores: null });
    expect(await api('campaigns.undo', { campaignId: id, reviewer: MGR, channel: 'app' })).toMatchObject({ itemId: bob, restored: null, account: 'bob' });
    // 3: alice's first decision: the item waits again.
    expect(await api('campaigns.undo', { campaignId: id, reviewer: MGR, channel: 'app' })).toMatchObject({ itemId: alice, decision: 'keep', restored: null });
    expect((await items()).map((i) => i.outcome)).toEqual(['pending', 'pending', 'pending']);
    expect((await api('campaigns.undoable', { campaignId: id, reviewer: MGR })).undoable).toBeNull();
    const none = await invoke('campaigns.undo', { campaignId: id, reviewer: MGR }, { session });
    expect(none).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_STATE', message: expect.stringMatching(/mgr@acme.test has no decision in campaign \d+ that can still be undone/) as unknown } });
    const trail = (await api('audit.list', { afterSeq: 0 })).events.filter((e) => e.action === 'campaign.decided').slice(-3);
    expect(trail.map((e) => e.payload as { itemId: number; decision: string }).map((p) => [p.itemId, p.decision])).toEqual([[alice, 'keep'], [bob, 'withdraw'], [alice, 'withdraw']]);
    session.close();
  });

  it('knows its own undo rows by the decision they name: a change back made from the CLI is a decision of its own, and the trail says which rows are undos', async () => {
    const { ws, id, item } = await launched();
    const [alice, bob] = [item('alice:Reader'), item('bob:Reader')];
    decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: MGR, comment: 'needs it', secondsSpent: 4 }, 'app', 'op');
    decideItem(ws, id, { itemId: alice, decision: 'revoke', reviewer: MGR, secondsSpent: 5 }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: MGR, secondsSpent: 2 }, 'app', 'op');
    // Back to the first decision, same comment, from the CLI (no time measured): it looks like an
    // undo's restoration, but it is the reviewer's newest decision, and undoing it restores the revoke.
    const back = decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: MGR, comment: 'needs it' }, 'cli', 'op');
    const undone = undoDecision(ws, id, { reviewer: MGR }, 'app', 'op');
    expect(undone).toMatchObject({ itemId: alice, undone: back.decisionId, decision: 'keep', restored: 'revoke' });
    const rows = readDecisions(ws.db, { campaignId: id, itemIds: [alice] });
    expect(rows.map((r) => [r.decision, r.undoes])).toEqual([['keep', null], ['revoke', null], ['keep', null], ['revoke', back.decisionId]]);
    // The undo's restoration stands for the change it restored: undoing again takes back bob's keep, then the change.
    expect(undoDecision(ws, id, { reviewer: MGR }, 'app', 'op')).toMatchObject({ itemId: bob, restored: null });
    expect(undoDecision(ws, id, { reviewer: MGR }, 'app', 'op')).toMatchObject({ itemId: alice, undone: undone.decisionId, decision: 'revoke', restored: 'keep' });
    const payload = listAuditEvents(ws.db, { limit: 10_000 }).filter((e) => e.action === 'campaign.decided').at(-1)?.payload;
    expect(payload).toMatchObject({ itemId: alice, decision: 'keep', undoes: undone.decisionId });
    ws.close();
  });

  it("skips a decision a later stage has decided since, and never takes back another reviewer's", async () => {
    const { ws, id, item, path } = await launched({ stages: ['manager', 'owner'] });
    const [alice, bob] = [item('alice:Reader'), item('bob:Reader')];
    const older = decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: MGR }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: MGR }, 'app', 'op');
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: OWNER }, 'app', 'op');
    ws.close();
    const reopened = openWorkspace(path, PASSPHRASE);
    // bob's stage 1 is out of reach (stage 2 decided): the manager's undo takes back alice's older keep.
    expect(undoDecision(reopened, id, { reviewer: MGR }, 'cli', 'op')).toMatchObject({ itemId: alice, undone: older.decisionId, restored: null });
    expect(attestFailure(() => undoDecision(reopened, id, { reviewer: MGR }, 'cli', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE' });
    expect(undoDecision(reopened, id, { reviewer: OWNER }, 'cli', 'op')).toMatchObject({ itemId: bob, stage: 2, restored: null });
    expect(readDecisions(reopened.db, { campaignId: id, itemIds: [bob] }).map((d) => [d.stage, d.decision])).toEqual([[1, 'keep'], [2, 'keep'], [2, 'withdraw']]);
    expect(listAuditEvents(reopened.db, { limit: 10_000 }).filter((e) => e.action === 'campaign.decided').at(-1)?.payload).toMatchObject({ itemId: bob, channel: 'cli', decision: 'withdraw' });
    reopened.close();
  });
});
