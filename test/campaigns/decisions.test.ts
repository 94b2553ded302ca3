import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-log.js';
import { readDecisions, readItems, readLaunch } from '../../src/campaigns/campaign-read.js';
import { campaignStatus } from '../../src/campaigns/campaign-status.js';
import { closeCampaign } from '../../src/campaigns/close-campaign.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { bulkDecide, decideItem, reassignItem } from '../../src/campaigns/record-decisions.js';
import { setReviewOwner } from '../../src/campaigns/review-owners.js';
import { remediationLines } from '../../src/campaigns/remediation.js';
import type { Workspace } from '../../src/store/workspace.js';
import { attestFailure } from '../helpers/attest-failure.js';
import { importCsv } from '../helpers/snapshots.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { APP_ROWS, campaign, seedCompany, TODAY } from './fixture.js';

const tempDir = useTempDirs();

async function launched({ owner, ...request }: Parameters<typeof campaign>[1] & { owner?: string } = {}): Promise<{ ws: Workspace; dir: string; id: number; item: (access: string) => number }> {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  if (owner) setReviewOwner(ws, { system: 'App', reviewer: owner, operator: 'tester' });
  const id = campaign(ws, { fallback: 'fallback@acme.test', ...request });
  launchCampaign(ws, id, 'tester');
  const items = readItems(ws.db, { campaignId: id });
  const item = (access: string): number => {
    const found = items.find((i) => `${i.account}:${i.entitlement}` === access);
    if (!found) throw new Error(`no item ${access}`);
    return found.id;
  };
  return { ws, dir, id, item };
}

describe('a launched campaign', () => {
  it('is frozen: a later import changes neither its items nor its population hash', async () => {
    const { ws, dir, id } = await launched();
    const before = readItems(ws.db, { campaignId: id });
    const hash = readLaunch(ws.db, id)?.populationSha256;
    await importCsv(ws, dir, { system: 'App', profile: 'grants', asOf: TODAY, rows: [APP_ROWS[0]!, 'zed,zed@acme.test,Zed,Admin,yes,enabled,,human'] });
    expect(readItems(ws.db, { campaignId: id })).toEqual(before);
    expect(readLaunch(ws.db, id)?.populationSha256).toBe(hash);
    expect(() => ws.db.prepare("UPDATE campaign_items SET entitlement = 'x'").run()).toThrow(/immutable/);
    expect(attestFailure(() => launchCampaign(ws, id, 'tester'))).toMatchObject({ code: 'CAMPAIGN_STATE' });
    ws.close();
  });

  it('records decisions as immutable rows: a change supersedes, each is audited with reviewer, operator, channel and time spent', async () => {
    const { ws, id, item } = await launched();
    const alice = item('alice:Reader');
    const first = decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: 'MGR@acme.test', secondsSpent: 12 }, 'cli', 'operator-1');
    const second = decideItem(ws, id, { itemId: alice, decision: 'revoke', reviewer: 'mgr@acme.test', comment: 'Moved teams' }, 'app', 'operator-2');
    expect(second.supersedes).toBe(first.decisionId);
    const rows = readDecisions(ws.db, { campaignId: id, itemIds: [alice] });
    expect(rows).toEqual([
      expect.objectContaining({ decision: 'keep', reviewer: 'mgr@acme.test', recordedBy: 'operator-1', channel: 'cli', secondsSpent: 12, supersedes: null }),
      expect.objectContaining({ decision: 'revoke', comment: 'Moved teams', recordedBy: 'operator-2', channel: 'app', supersedes: first.decisionId }),
    ]);
    expect(readItems(ws.db, { campaignId: id, itemIds: [alice] })[0]).toMatchObject({ outcome: 'revoke', decision: 'revoke', comment: 'Moved teams' });
    expect(() => ws.db.prepare("UPDATE campaign_decisions SET decision = 'keep'").run()).toThrow(/immutable/);
    const events = ws.db.prepare("SELECT payload FROM audit_events WHERE action = 'campaign.decided' ORDER BY seq").pluck().all() as string[];
    expect(events.map((e) => JSON.parse(e) as { decisionId: number }).map((e) => e.decisionId)).toEqual([first.decisionId, second.decisionId]);
    expect(verifyAuditChain(ws.db).ok).toBe(true);

    expect(attestFailure(() => decideItem(ws, id, { itemId: alice, decision: 'keep', reviewer: 'bob@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'NOT_ITEM_REVIEWER' });
    expect(attestFailure(() => decideItem(ws, id, { itemId: 99_999, decision: 'keep', reviewer: 'mgr@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'UNKNOWN_ITEM' });
    ws.close();
  });

  it('requires a comment where the campaign says so', async () => {
    const { ws, id, item } = await launched({ justify: ['revoke'] });
    expect(attestFailure(() => decideItem(ws, id, { itemId: item('bob:Reader'), decision: 'revoke', reviewer: 'mgr@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
    expect(decideItem(ws, id, { itemId: item('bob:Reader'), decision: 'keep', reviewer: 'mgr@acme.test' }, 'cli', 'op').decision).toBe('keep');
    ws.close();
  });

  it('takes a bulk decision over a filter only with the count it selects', async () => {
    const { ws, id } = await launched();
    const request = { reviewer: 'mgr@acme.test', filter: { entitlement: 'Read*' }, decision: 'keep' as const };
    expect(bulkDecide(ws, id, request, 'cli', 'op')).toEqual({ matched: 2, applied: 0 });
    expect(attestFailure(() => bulkDecide(ws, id, { ...request, expectedCount: 3 }, 'cli', 'op'))).toMatchObject({ code: 'COUNT_MISMATCH', message: expect.stringMatching(/selects 2/) as unknown });
    expect(readDecisions(ws.db, { campaignId: id })).toHaveLength(0);
    expect(bulkDecide(ws, id, { ...request, expectedCount: 2 }, 'cli', 'op')).toEqual({ matched: 2, applied: 2 });
    expect(ws.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'campaign.decided'").pluck().get()).toBe(2);
    expect(bulkDecide(ws, id, request, 'cli', 'op').matched).toBe(0);
    ws.close();
  });

  it('reassigns a waiting item with its reason, never to its subject', async () => {
    const { ws, id, item } = await launched();
    const bob = item('bob:Reader');
    expect(attestFailure(() => reassignItem(ws, id, { itemId: bob, reviewer: 'mgr@acme.test', to: 'bob@acme.test', reason: 'away' }, 'cli', 'op'))).toMatchObject({ code: 'SELF_REVIEW' });
    expect(reassignItem(ws, id, { itemId: bob, reviewer: 'mgr@acme.test', to: 'ceo@acme.test', reason: 'Max is on leave' }, 'cli', 'op')).toEqual({ itemId: bob, stage: 1, reviewer: 'ceo@acme.test' });
    expect(attestFailure(() => decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'mgr@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'NOT_ITEM_REVIEWER' });
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'ceo@acme.test' }, 'cli', 'op');
    expect(readDecisions(ws.db, { campaignId: id, itemIds: [bob] }).map((d) => [d.decision, d.reassignedTo, d.comment])).toEqual([
      ['reassign', 'ceo@acme.test', 'Max is on leave'],
      ['keep', null, null],
    ]);
    ws.close();
  });

  it('moves a multi-stage item to its next stage on keep, and settles it on a revoke at any stage', async () => {
    const { ws, id, item } = await launched({ stages: ['manager', 'owner'], owner: 'audit@acme.test' });
    const bob = item('bob:Reader');
    expect(attestFailure(() => decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'audit@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'NOT_ITEM_REVIEWER' });
    expect(attestFailure(() => reassignItem(ws, id, { itemId: bob, reviewer: 'mgr@acme.test', to: 'audit@acme.test', reason: 'busy' }, 'cli', 'op'))).toMatchObject({ code: 'SELF_REVIEW', message: expect.stringMatching(/stage 2/) as unknown });
    decideItem(ws, id, { itemId: bob, decision: 'keep', reviewer: 'mgr@acme.test' }, 'cli', 'op');
    expect(readItems(ws.db, { campaignId: id, itemIds: [bob] })[0]).toMatchObject({ outcome: 'pending', stage: 2, reviewer: 'audit@acme.test' });
    decideItem(ws, id, { itemId: bob, decision: 'revoke', reviewer: 'audit@acme.test' }, 'cli', 'op');
    expect(readItems(ws.db, { campaignId: id, itemIds: [bob] })[0]).toMatchObject({ outcome: 'revoke', stage: null });
    ws.close();
  });

  it('closes with the no-response default recorded, and verifies each revocation against the next snapshot', async () => {
    const { ws, dir, id, item } = await launched({ noResponse: 'revoke', due: '2020-01-01' });
    decideItem(ws, id, { itemId: item('alice:Reader'), decision: 'revoke', reviewer: 'mgr@acme.test', comment: 'not needed' }, 'cli', 'op');
    decideItem(ws, id, { itemId: item('bob:Reader'), decision: 'revoke', reviewer: 'mgr@acme.test' }, 'cli', 'op');
    decideItem(ws, id, { itemId: item('alice:Admin'), decision: 'keep', reviewer: 'mgr@acme.test' }, 'cli', 'op');
    const status = campaignStatus(ws.db, id);
    expect(status).toMatchObject({ state: 'launched', overdue: true, items: 6, decided: 3, kept: 1, revoked: 2, pending: 3 });
    expect(status.byReviewer.find((r) => r.reviewer === 'ceo@acme.test')).toEqual({ reviewer: 'ceo@acme.test', pending: 2, kept: 0, revoked: 0, overdue: true });
    expect(status.bySystem).toEqual([{ system: 'App', pending: 3, kept: 1, revoked: 2 }]);

    const closed = closeCampaign(ws, id, 'op');
    expect(closed).toMatchObject({ defaultsApplied: 3, undecided: 0, revocations: 5, kept: 1 });
    expect(readDecisions(ws.db, { campaignId: id }).filter((d) => d.channel === 'no-response-default')).toHaveLength(3);
    expect(attestFailure(() => decideItem(ws, id, { itemId: item('alice:Admin'), decision: 'revoke', reviewer: 'mgr@acme.test' }, 'cli', 'op'))).toMatchObject({ code: 'CAMPAIGN_STATE' });
    expect(campaignStatus(ws.db, id).remediation).toEqual({ verified: 0, stillPresent: 0, pending: 5 });

    // IT removed alice's Reader and the service account, but not bob's Reader (nor the others).
    await importCsv(ws, dir, { system: 'App', profile: 'grants', asOf: TODAY, rows: APP_ROWS.filter((r) => !r.startsWith('alice,alice@acme.test,Alice Adams,Reader') && !r.startsWith('svc-batch')) });
    const lines = remediationLines(ws.db, id);
    expect(Object.fromEntries(lines.map((l) => [`${l.account}:${l.entitlement}`, l.verification]))).toEqual({
      'alice:Reader': 'verified-removed',
      'bob:Reader': 'still-present',
      'mgr:Admin': 'still-present',
      'olga:Reader': 'still-present',
      'svc-batch:Reader': 'verified-removed',
    });
    expect(campaignStatus(ws.db, id)).toMatchObject({ state: 'closed', overdue: false, remediation: { verified: 2, stillPresent: 3, pending: 0 } });
    ws.close();
  });
});
