import { describe, expect, it } from 'vitest';
import { readDecisions, readItems } from '../../src/campaigns/campaign-read.js';
import { decideItem, reassignItem } from '../../src/campaigns/record-decisions.js';
import { remediationLines } from '../../src/campaigns/remediation.js';
import type { EvidenceItem } from '../../src/evidence/campaign-evidence.js';
import { campaignItemPages, itemBounds } from '../../src/evidence/campaign-item-pages.js';
import { summariseItems } from '../../src/evidence/campaign-summary.js';
import { loadCampaignEvidence } from '../../src/evidence/load-campaign-evidence.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { useDemoWorkspace } from './helpers/demo-workspace.js';
import { attachmentBytes, packInto } from './helpers/pack-file.js';

const demo = useDemoWorkspace();
const tempDir = useTempDirs();

/** What the pack shows of an item, read the whole-campaign way (every item and decision at once). */
function wholeCampaign(campaignId: number): Pick<EvidenceItem, 'id' | 'reviewer' | 'outcome' | 'comment' | 'decidedAt'>[] {
  const decidedAt = new Map<string, string>();
  for (const d of readDecisions(demo.ws().db, { campaignId })) if (d.decision === 'keep' || d.decision === 'revoke') decidedAt.set(`${d.itemId}:${d.stage}`, d.decidedAt);
  return readItems(demo.ws().db, { campaignId }).map((i) => {
    const settled = i.outcome === 'pending' ? undefined : [...i.stages].reverse().find((s) => s.decision !== null);
    return { id: i.id, reviewer: i.reviewer, outcome: i.outcome, comment: i.comment, decidedAt: settled ? (decidedAt.get(`${i.id}:${settled.stage}`) ?? null) : null };
  });
}

const shown = (items: Iterable<EvidenceItem>) => [...items].map(({ id, reviewer, outcome, comment, decidedAt }) => ({ id, reviewer, outcome, comment, decidedAt }));

describe("a campaign's items read page by page", () => {
  it('are the items and decisions of the whole campaign, in order, whatever the page size; the figures and remediation agree', () => {
    const ws = demo.ws();
    const items = readItems(ws.db, { campaignId: 1 });
    expect(items.length).toBeGreaterThan(20);
    decideItem(ws, 1, { itemId: items[0]!.id, decision: 'revoke', reviewer: items[0]!.reviewer, comment: 'Not needed' }, 'app', 'tester');
    decideItem(ws, 1, { itemId: items[1]!.id, decision: 'keep', reviewer: items[1]!.reviewer }, 'app', 'tester');
    reassignItem(ws, 1, { itemId: items[2]!.id, reviewer: items[2]!.reviewer, to: 'delegate@example.test', reason: 'On leave' }, 'cli', 'tester');
    decideItem(ws, 1, { itemId: items[2]!.id, decision: 'revoke', reviewer: 'delegate@example.test', comment: 'Left the team' }, 'app', 'tester');

    const evidence = loadCampaignEvidence(ws.db, '1');
    const whole = wholeCampaign(1);
    expect(evidence.items.count).toBe(whole.length);
    expect(shown(evidence.items)).toEqual(whole);
    // Pages of 7 items: the keyset carries on from the last ordinal of each page.
    expect(shown(campaignItemPages(ws.db, itemBounds(ws.db, 1), 7))).toEqual(whole);
    // A second pass reads the same again.
    expect(shown(evidence.items)).toEqual(whole);

    expect(evidence.summary).toEqual(summariseItems([...evidence.items]));
    expect(evidence.summary.total.revoked).toBe(whole.filter((i) => i.outcome === 'revoke').length);
    expect(evidence.summary.total.revoked).toBeGreaterThanOrEqual(2);
    expect(evidence.remediation).toEqual(remediationLines(ws.db, 1).map(({ accountKey: _a, entitlementKey: _e, ...l }) => l));
    expect(evidence.reroutes).toContainEqual({ itemId: items[2]!.id, stage: 1, from: items[2]!.reviewer, to: 'delegate@example.test', kind: 'reassignment', reason: 'On leave', at: expect.any(String) as string });
  });

  it('show the campaign as it stood when the pack began: a decision recorded during a pass is not in it', () => {
    const ws = demo.ws();
    const evidence = loadCampaignEvidence(ws.db, '1');
    const before = shown(evidence.items);
    const pending = before.find((i) => i.outcome === 'pending')!;
    decideItem(ws, 1, { itemId: pending.id, decision: 'keep', reviewer: pending.reviewer }, 'app', 'tester');
    expect(shown(evidence.items)).toEqual(before);
    expect(shown(loadCampaignEvidence(ws.db, '1').items).find((i) => i.id === pending.id)?.outcome).toBe('keep');
  });

  it('make the same pack twice from the same state and instant, byte for byte, with every item in decisions.csv', async () => {
    const now = new Date('2026-11-30T09:00:00Z');
    const a = await packInto(demo.ws(), tempDir(), { operator: 'tester', campaignId: '1', now: new Date(now) });
    const b = await packInto(demo.ws(), tempDir(), { operator: 'tester', campaignId: '1', now: new Date(now) });
    expect(b.pdf.equals(a.pdf)).toBe(true);
    const rows = attachmentBytes(a.pdf, 'decisions.csv').toString('utf8').trim().split('\r\n');
    expect(rows).toHaveLength(a.data.campaign!.summary.stageRows + 1);
    expect(rows.filter((l) => l.includes(',Deny,'))).toHaveLength(a.data.campaign!.summary.total.revoked);
  });
});
