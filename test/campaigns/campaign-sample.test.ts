import { describe, expect, it } from 'vitest';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { decideItem } from '../../src/campaigns/record-decisions.js';
import { readItems } from '../../src/campaigns/campaign-read.js';
import { drawSample } from '../../src/sampling/draw-sample.js';
import { attestFailure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';

const tempDir = useTempDirs();

describe('sampling a campaign', () => {
  it('draws a reproducible sample of its items, or of the items with one outcome, for re-performance', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    await seedCompany(ws, dir);
    const draft = campaign(ws, { fallback: 'audit@acme.test' });
    const draw = (request: { campaignId?: number; findingType?: string; size: number }) =>
      drawSample(ws, { population: 'campaign-items', campaignId: request.campaignId, findingType: request.findingType, requested: { size: request.size }, seed: '42', operator: 'auditor' });
    expect(attestFailure(() => draw({ campaignId: draft, size: 1 }))).toMatchObject({ code: 'EMPTY_POPULATION' });
    expect(attestFailure(() => draw({ size: 1 }))).toMatchObject({ code: 'USAGE' });
    launchCampaign(ws, draft, 'tester');
    const [first, second] = readItems(ws.db, { campaignId: draft });
    decideItem(ws, draft, { itemId: first!.id, decision: 'revoke', reviewer: first!.reviewer }, 'cli', 'op');
    decideItem(ws, draft, { itemId: second!.id, decision: 'revoke', reviewer: second!.reviewer }, 'cli', 'op');

    const sample = draw({ campaignId: draft, size: 3 });
    expect(sample).toMatchObject({ population: 'campaign-items', populationSize: 6, size: 3, parameters: { campaignId: draft } });
    expect(draw({ campaignId: draft, size: 3 }).items).toEqual(sample.items);
    const revoked = draw({ campaignId: draft, findingType: 'revoke', size: 2 });
    expect(revoked.items.map((i) => Number(i.key[0])).sort()).toEqual([first!.id, second!.id].sort());
    expect(attestFailure(() => draw({ campaignId: draft, findingType: 'maybe', size: 1 }))).toMatchObject({ code: 'USAGE' });
    ws.close();
  });
});
