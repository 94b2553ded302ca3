import { describe, expect, it } from 'vitest';
import { readItems, type CampaignItem } from '../../src/campaigns/campaign-read.js';
import { launchCampaign, previewCampaign } from '../../src/campaigns/launch-campaign.js';
import { setReviewOwner } from '../../src/campaigns/review-owners.js';
import { isAttestError } from '../../src/errors.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { campaign, seedCompany } from './fixture.js';

const tempDir = useTempDirs();

function byAccess(items: CampaignItem[]): Record<string, string[]> {
  return Object.fromEntries(items.map((i) => [`${i.account}:${i.entitlement}`, i.stages.map((s) => `${s.reviewer} ${s.rule}${s.note ? ` (${s.note})` : ''}`)]));
}

async function company() {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await seedCompany(ws, dir);
  return ws;
}

describe('reviewer routing', () => {
  it('routes a manager review to each identity manager from HR, and what no rule routes to the fallback, with the reason', async () => {
    const ws = await company();
    const id = campaign(ws, { fallback: 'Audit@acme.test' });
    launchCampaign(ws, id, 'tester');
    const routes = byAccess(readItems(ws.db, { campaignId: id }));
    expect(routes['alice:Reader']).toEqual(['mgr@acme.test manager']);
    expect(routes['bob:Reader']).toEqual(['mgr@acme.test manager']);
    expect(routes['mgr:Admin']).toEqual(['ceo@acme.test manager']);
    expect(routes['olga:Reader']).toEqual(['ceo@acme.test manager']);
    expect(routes['svc-batch:Reader']).toEqual(['audit@acme.test fallback (the account belongs to no identity in HR, so it has no manager: routed to the fallback reviewer)']);
    ws.close();
  });

  it('lists the items no rule can route before launch, and refuses to launch until they have a reviewer', async () => {
    const ws = await company();
    const id = campaign(ws);
    const preview = previewCampaign(ws, id);
    expect(preview.unresolved).toEqual([{ system: 'App', account: 'svc-batch', entitlement: 'Reader', employeeId: null, stage: 1, reason: expect.stringMatching(/no identity in HR.*no fallback reviewer/) as unknown }]);
    expect(preview.items).toBe(5);
    expect(preview.reconciliation).toEqual([expect.objectContaining({ system: 'App', grants: 6, items: 5, excluded: 1 })]);
    let error: unknown;
    try {
      launchCampaign(ws, id, 'tester');
    } catch (e) {
      error = e;
    }
    expect(isAttestError(error) && error.code).toBe('UNRESOLVED_REVIEWERS');
    expect((error as Error).message).toMatch(/svc-batch → Reader/);
    expect(ws.db.prepare('SELECT count(*) FROM campaign_items').pluck().get()).toBe(0);
    ws.close();
  });

  it('routes an owner review to the system owner, and never to the subject: the owner own access goes to the fallback, else the manager of their manager', async () => {
    const ws = await company();
    setReviewOwner(ws, { system: 'App', reviewer: 'alice@acme.test', operator: 'tester' });
    setReviewOwner(ws, { system: 'App', entitlement: 'Adm*', reviewer: 'owner@acme.test', operator: 'tester' });
    const withFallback = campaign(ws, { type: 'owner', fallback: 'audit@acme.test' });
    launchCampaign(ws, withFallback, 'tester');
    const routes = byAccess(readItems(ws.db, { campaignId: withFallback }));
    expect(routes['bob:Reader']).toEqual(['alice@acme.test owner']);
    expect(routes['alice:Reader']).toEqual(['audit@acme.test fallback (alice@acme.test would review their own access: routed to the fallback reviewer)']);

    const noFallback = campaign(ws, { type: 'owner' });
    launchCampaign(ws, noFallback, 'tester');
    expect(byAccess(readItems(ws.db, { campaignId: noFallback }))['alice:Reader']).toEqual(['ceo@acme.test manager (alice@acme.test would review their own access: routed to the manager\'s manager)']);

    // Entitlement owners: a glob owner wins over the system owner.
    const ent = campaign(ws, { type: 'entitlement-owner', fallback: 'audit@acme.test' });
    launchCampaign(ws, ent, 'tester');
    const entRoutes = byAccess(readItems(ws.db, { campaignId: ent }));
    expect(entRoutes['mgr:Admin']).toEqual(['owner@acme.test entitlement-owner']);
    expect(entRoutes['bob:Reader']).toEqual(['alice@acme.test entitlement-owner']);
    ws.close();
  });

  it('gives each stage of a multi-stage review a reviewer no earlier stage had', async () => {
    const ws = await company();
    setReviewOwner(ws, { system: 'App', reviewer: 'mgr@acme.test', operator: 'tester' });
    const id = campaign(ws, { stages: ['manager', 'owner'], fallback: 'audit@acme.test', privilegedOnly: false });
    launchCampaign(ws, id, 'tester');
    const routes = byAccess(readItems(ws.db, { campaignId: id }));
    expect(routes['olga:Reader']).toEqual(['ceo@acme.test manager', 'mgr@acme.test owner']);
    expect(routes['alice:Reader']).toEqual(['mgr@acme.test manager', 'audit@acme.test fallback (mgr@acme.test already reviews this item at an earlier stage: routed to the fallback reviewer)']);
    expect(routes['mgr:Admin']).toEqual(['ceo@acme.test manager', 'audit@acme.test fallback (mgr@acme.test would review their own access: routed to the fallback reviewer)']);
    for (const stages of Object.values(routes)) expect(new Set(stages.map((s) => s.split(' ')[0])).size).toBe(stages.length);
    ws.close();
  });

  it('filters the scope (privileged only, entitlement globs) and reconciles what it left out', async () => {
    const ws = await company();
    const id = campaign(ws, { type: 'privileged', fallback: 'audit@acme.test', stages: ['manager'] });
    const launched = launchCampaign(ws, id, 'tester');
    // The grants profile marks the account privileged: all of its grants are privileged access.
    expect(launched.items).toBe(3);
    expect(launched.reconciliation).toEqual([expect.objectContaining({ system: 'App', grants: 6, items: 3, excluded: 3 })]);
    const globbed = campaign(ws, { entitlements: ['read*'], fallback: 'audit@acme.test' });
    expect(previewCampaign(ws, globbed).items).toBe(4);
    ws.close();
  });
});
