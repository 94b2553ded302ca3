import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/api/result.js';
import { readItems, readLaunch } from '../../src/campaigns/campaign-read.js';
import { loadCampaign } from '../../src/campaigns/campaign-store.js';
import { launchCampaignWatched, previewCampaign, previewCampaignWatched } from '../../src/campaigns/launch-campaign.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';

const tempDir = useTempDirs();

async function draftCampaign(): Promise<{ ws: ReturnType<typeof newWorkspace>; id: number }> {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  return { ws, id: campaign(ws, { fallback: 'audit@acme.test' }) };
}

describe('launch and preview as long work', () => {
  it('report the grants read of all, then the items frozen, and give what the plain preview gives', async () => {
    const { ws, id } = await draftCampaign();
    const plain = previewCampaign(ws, id);
    const seen: Progress[] = [];
    expect(await previewCampaignWatched(ws, id, { onProgress: (p) => seen.push(p) })).toStrictEqual(plain);
    const grants = plain.reconciliation.reduce((n, r) => n + r.grants, 0);
    expect(seen[0]).toStrictEqual({ phase: 'Reading the population', done: 0, total: grants });
    expect(seen.at(-1)).toStrictEqual({ phase: 'Reading the population', done: grants, total: grants });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);

    seen.length = 0;
    const launched = await launchCampaignWatched(ws, id, 'tester', { onProgress: (p) => seen.push(p) });
    expect(launched.populationSha256).toBe(plain.populationSha256);
    expect(seen.filter((p) => p.phase === 'Freezing the items').map((p) => p.done)).toStrictEqual([0, plain.items]);
    expect(readItems(ws.db, { campaignId: id })).toHaveLength(plain.items);
    ws.close();
  });

  it('stops at a checkpoint when cancelled: still a draft, nothing frozen, nothing audited', async () => {
    const { ws, id } = await draftCampaign();
    const events = (): number => ws.db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    const before = events();
    const abort = new AbortController();
    const launching = launchCampaignWatched(ws, id, 'tester', { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(launching).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(/still a draft/) as unknown });
    expect(loadCampaign(ws.db, id).state).toBe('draft');
    expect(readLaunch(ws.db, id)).toBeNull();
    expect(readItems(ws.db, { campaignId: id })).toHaveLength(0);
    expect(events()).toBe(before);
    // The same campaign launches afterwards.
    expect((await launchCampaignWatched(ws, id, 'tester', {})).items).toBeGreaterThan(0);
    ws.close();
  });

  it('refuses a second launch that lands while the first was reading', async () => {
    const { ws, id } = await draftCampaign();
    const first = launchCampaignWatched(ws, id, 'tester', {});
    const second = launchCampaignWatched(ws, id, 'tester', {});
    const [a, b] = await Promise.allSettled([first, second]);
    expect([a.status, b.status].sort()).toStrictEqual(['fulfilled', 'rejected']);
    const failure = (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason) as { code: string };
    expect(failure.code).toBe('CAMPAIGN_STATE');
    expect(readItems(ws.db, { campaignId: id }).length).toBe((a.status === 'fulfilled' ? a.value : (b as PromiseFulfilledResult<{ items: number }>).value).items);
    ws.close();
  });
});
