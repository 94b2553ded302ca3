import type { Workspace } from '../../src/store/workspace.js';
import { createCampaign, type CreateCampaignRequest } from '../../src/campaigns/campaign-store.js';
import { importCsv } from '../helpers/snapshots.js';

/**
 * A small company: a CEO, a manager with two reports, an application owner, and an app whose
 * grants include a service account no one is correlated to.
 *   E1 ceo@acme.test (no manager) ─┬─ E2 mgr@acme.test ─┬─ E3 alice@acme.test
 *                                  │                    └─ E4 bob@acme.test
 *                                  └─ E5 owner@acme.test
 */
export const HR_ROWS = [
  'E1,Cara CEO,ceo@acme.test,,Board,CEO,active,',
  'E2,Max Manager,mgr@acme.test,E1,Finance,Head of Finance,active,',
  'E3,Alice Adams,alice@acme.test,E2,Finance,Accountant,active,',
  'E4,Bob Brown,bob@acme.test,E2,Finance,Clerk,active,',
  'E5,Olga Owner,owner@acme.test,E1,IT,App Owner,active,',
];

export const APP_ROWS = [
  'alice,alice@acme.test,Alice Adams,Reader,no,enabled,2026-11-20,human',
  'alice,alice@acme.test,Alice Adams,Admin,yes,enabled,2026-11-20,human',
  'bob,bob@acme.test,Bob Brown,Reader,no,enabled,2026-11-20,human',
  'mgr,mgr@acme.test,Max Manager,Admin,yes,enabled,2026-11-20,human',
  'olga,owner@acme.test,Olga Owner,Reader,no,enabled,2026-11-20,human',
  'svc-batch,,Batch Job,Reader,no,enabled,,service',
];

export const TODAY = new Date().toISOString().slice(0, 10);

export async function seedCompany(ws: Workspace, dir: string, appRows: readonly string[] = APP_ROWS): Promise<void> {
  await importCsv(ws, dir, { system: 'HR', profile: 'hr', asOf: TODAY, rows: HR_ROWS });
  await importCsv(ws, dir, { system: 'App', profile: 'grants', asOf: TODAY, rows: appRows });
}

export function campaign(ws: Workspace, request: Partial<CreateCampaignRequest> = {}): number {
  return createCampaign(ws, { name: 'Q4 review', type: 'manager', operator: 'tester', ...request }).campaignId;
}
