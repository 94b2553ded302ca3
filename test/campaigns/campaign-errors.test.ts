import { describe, expect, it } from 'vitest';
import { createCampaign, loadCampaign } from '../../src/campaigns/campaign-store.js';
import { launchCampaign, previewCampaign } from '../../src/campaigns/launch-campaign.js';
import { setReviewOwner } from '../../src/campaigns/review-owners.js';
import { attestFailure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany, TODAY } from './fixture.js';

const tempDir = useTempDirs();

describe('campaign requests a user can get wrong', () => {
  it('each has its code and a sentence saying what to do', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    await seedCompany(ws, dir);
    expect(attestFailure(() => loadCampaign(ws.db, 42))).toMatchObject({ code: 'UNKNOWN_CAMPAIGN', message: expect.stringMatching(/attest campaign list/) as unknown });
    expect(attestFailure(() => createCampaign(ws, { name: 'x', type: 'manager', systems: ['Nope'], operator: 't' }))).toMatchObject({ code: 'UNKNOWN_SYSTEM' });
    expect(attestFailure(() => createCampaign(ws, { name: 'x', type: 'manager', stages: ['manager', 'fallback'], operator: 't' }))).toMatchObject({ code: 'USAGE', message: expect.stringMatching(/--fallback/) as unknown });
    expect(attestFailure(() => createCampaign(ws, { name: 'x', type: 'manager', stages: ['manager', 'owner', 'owner', 'owner'], operator: 't' }))).toMatchObject({ code: 'USAGE' });
    expect(attestFailure(() => setReviewOwner(ws, { system: 'App', reviewer: 'not an address', operator: 't' }))).toMatchObject({ code: 'USAGE' });
    expect(attestFailure(() => createCampaign(ws, { name: 'x', type: 'manager', fallback: '=cmd|x@evil.test', operator: 't' }))).toMatchObject({ code: 'USAGE', message: expect.stringMatching(/fallback reviewer/) as unknown });
    const empty = campaign(ws, { entitlements: ['Nothing*'], fallback: 'audit@acme.test' });
    expect(attestFailure(() => launchCampaign(ws, empty, 't'))).toMatchObject({ code: 'EMPTY_CAMPAIGN' });
    ws.close();
  });

  it('warns before launch about snapshots older than the stale limit', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    await seedCompany(ws, dir);
    const id = campaign(ws, { fallback: 'audit@acme.test', staleDays: 30 });
    expect(previewCampaign(ws, id).warnings).toEqual([]);
    const later = new Date(Date.parse(TODAY) + 45 * 86_400_000);
    expect(previewCampaign(ws, id, later).warnings).toEqual([
      `The snapshot of HR is as of ${TODAY}, more than 30 days old: import a fresh one before launching.`,
      `The snapshot of App is as of ${TODAY}, more than 30 days old: import a fresh one before launching.`,
    ]);
    ws.close();
  });
});
