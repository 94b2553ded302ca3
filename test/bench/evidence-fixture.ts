import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readItems } from '../../src/campaigns/campaign-read.js';
import { loadCampaign } from '../../src/campaigns/campaign-store.js';
import { closeCampaign } from '../../src/campaigns/close-campaign.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { decideMany, reassignItem } from '../../src/campaigns/record-decisions.js';
import { ensureSigningIdentity } from '../../src/evidence/signing-identity.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { CAMPAIGN_ITEMS, benchCampaign, seedCampaignEstate } from './campaign-fixture.js';

export const EVIDENCE_PASSPHRASE = 'benchmark passphrase';
const DIR = join(tmpdir(), 'attest-bench-inputs');
/** Bump when what `seed` makes changes: a cached workspace of another shape is not reused. */
const SHAPE = 1;

/**
 * The evidence-pack-100k workspace: the campaign benchmark's estate (100k grants, 100 managers),
 * its manager review launched, every 101st item reassigned with a reason, then decided as
 * reviewers would (every 9th revoked with a justification, every 5th kept with one, every 23rd
 * left undecided), each decision with its audit event, closed, and the workspace's signing
 * identity made. Real rows in a real encrypted workspace, built through the campaign functions.
 */
async function seed(path: string): Promise<void> {
  const ws = createWorkspace(path, EVIDENCE_PASSPHRASE, { org: 'Bench Ltd' });
  seedCampaignEstate(ws.db);
  const id = benchCampaign(ws);
  launchCampaign(ws, id, 'bench');
  readItems(ws.db, { campaignId: id }).forEach((item, k) => {
    if (k % 101 === 5) reassignItem(ws, id, { itemId: item.id, reviewer: item.reviewer, to: 'delegate@corp.example', reason: 'Reviewer on leave' }, 'cli', 'bench');
  });
  const campaign = loadCampaign(ws.db, id);
  const items = readItems(ws.db, { campaignId: id });
  for (let from = 0; from < items.length; from += 10_000) {
    const rows = items
      .slice(from, from + 10_000)
      .map((item, j) => ({ item, k: from + j }))
      .filter(({ k }) => k % 23 !== 22)
      .map(({ item, k }) => {
        const decision = k % 9 === 4 ? ('revoke' as const) : ('keep' as const);
        const comment = decision === 'revoke' ? `No longer needed after the team move (${item.entitlement})` : k % 5 === 0 ? 'Required for the role' : null;
        return { item, stage: 1, decision, reviewer: item.reviewer, comment };
      });
    decideMany(ws, campaign, rows, from % 20_000 === 0 ? 'app' : 'workbook', 'bench');
  }
  closeCampaign(ws, id, 'bench');
  await ensureSigningIdentity(ws, 'bench');
  ws.close();
}

/**
 * A fresh copy of the evidence bench's workspace in `dir`, and its campaign id. The first use on
 * a machine builds it in a child process, so that none of the building counts in the peak
 * memory of the process that measures the pack.
 */
export function evidenceWorkspaceCopy(dir: string): { path: string; campaignId: string } {
  mkdirSync(DIR, { recursive: true });
  const cached = join(DIR, `evidence-${CAMPAIGN_ITEMS}-schema${SCHEMA_VERSION}-shape${SHAPE}.attest`);
  if (!existsSync(cached)) {
    const partial = join(DIR, `evidence-${CAMPAIGN_ITEMS}.partial.attest`);
    rmSync(partial, { force: true });
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), partial], { stdio: ['ignore', 'ignore', 'inherit'] });
    renameSync(partial, cached);
  }
  const path = join(dir, 'w.attest');
  copyFileSync(cached, path);
  // The estate's only campaign.
  return { path, campaignId: '1' };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) await seed(process.argv[2]);
