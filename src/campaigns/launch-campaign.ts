import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { buildPopulation, type Population, type Reconciliation, type UnresolvedItem } from './build-population.js';
import { campaignIn } from './campaign-store.js';

export interface CampaignPreview {
  campaignId: number;
  items: number;
  populationSha256: string;
  reconciliation: Reconciliation[];
  unresolved: UnresolvedItem[];
  warnings: string[];
  reviewers: { reviewer: string; items: number }[];
}

const CHUNK = 20_000;
const LISTED = 20;

function preview(campaignId: number, population: Population): CampaignPreview {
  const reviewers = new Map<string, number>();
  for (const item of population.items) {
    const first = item.routes[0]?.reviewer ?? '';
    reviewers.set(first, (reviewers.get(first) ?? 0) + 1);
  }
  return {
    campaignId,
    items: population.items.length,
    populationSha256: population.sha256,
    reconciliation: population.reconciliation,
    unresolved: population.unresolved,
    warnings: population.warnings,
    reviewers: [...reviewers].map(([reviewer, items]) => ({ reviewer, items })).sort((a, b) => b.items - a.items || a.reviewer.localeCompare(b.reviewer)),
  };
}

/** What launching now would freeze: items, first-stage reviewers, the items no rule can route, stale snapshots. Writes nothing. */
export function previewCampaign(ws: Workspace, campaignId: number, now = new Date()): CampaignPreview {
  const campaign = campaignIn(ws.db, campaignId, 'draft', 'preview the launch');
  return preview(campaignId, buildPopulation(ws.db, campaign, now));
}

function describeUnresolved(unresolved: readonly UnresolvedItem[]): string {
  const shown = unresolved.slice(0, LISTED).map((u) => `${u.system} ${u.account} → ${u.entitlement} (stage ${u.stage}: ${u.reason})`);
  return `${shown.join('; ')}${unresolved.length > LISTED ? `; and ${unresolved.length - LISTED} more (see "attest campaign preview")` : ''}`;
}

/**
 * Freezes the population: items with their context, reviewers per stage, the population hash and
 * the per-system reconciliation, in one audited transaction. Refused while any item has no
 * reviewer (UNRESOLVED_REVIEWERS lists them) or nothing is in scope (EMPTY_CAMPAIGN).
 */
export function launchCampaign(ws: Workspace, campaignId: number, operator: string): CampaignPreview & { launchedAt: string } {
  const { db } = ws;
  const campaign = campaignIn(db, campaignId, 'draft', 'launch');
  const population = buildPopulation(db, campaign);
  if (population.unresolved.length > 0) {
    throw new AttestError(
      'UNRESOLVED_REVIEWERS',
      `Campaign ${campaignId} was not launched: ${population.unresolved.length} items have no reviewer: ${describeUnresolved(population.unresolved)}. Set owners ("attest campaign owner"), add a fallback reviewer to a new campaign, or fix the HR roster, then launch.`,
    );
  }
  if (population.items.length === 0) {
    throw new AttestError('EMPTY_CAMPAIGN', `Campaign ${campaignId} has nothing to review: no grant of ${population.reconciliation.length} systems in scope matches its scope. Check its systems and filters, or import the systems first.`);
  }
  const launchedAt = new Date().toISOString();
  ws.change(
    operator,
    'campaign.launched',
    () => {
      const next = (db.prepare('SELECT ifnull(max(id), 0) + 1 FROM campaign_items').pluck().get() as number) - 1;
      const insertItems = db.prepare(`INSERT INTO campaign_items SELECT value ->> 0, ${campaignId}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9,
        value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14, value ->> 15, value ->> 16, value ->> 17, value ->> 18, value ->> 19, value ->> 20, value ->> 21 FROM json_each(?)`);
      const insertReviewers = db.prepare('INSERT INTO campaign_item_reviewers SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)');
      for (let from = 0; from < population.items.length; from += CHUNK) {
        const chunk = population.items.slice(from, from + CHUNK);
        insertItems.run(
          JSON.stringify(
            chunk.map((i) => [
              next + i.ordinal, i.ordinal, i.system, i.snapshotId, i.accountKey, i.account, i.accountStatus, i.accountType, i.lastLogin, i.entitlementKey, i.entitlement,
              i.entitlementDescription, i.privileged ? 1 : 0, i.employeeId, i.identityName, i.identityEmail, i.identityTitle, i.identityDepartment, i.identityManager, i.identityStatus,
              JSON.stringify(i.findings), i.previousDecision,
            ]),
          ),
        );
        insertReviewers.run(JSON.stringify(chunk.flatMap((i) => i.routes.map((r, s) => [next + i.ordinal, s + 1, r.reviewer, r.rule, r.note]))));
      }
      const reconcile = db.prepare('INSERT INTO campaign_reconciliation VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of population.reconciliation) reconcile.run(campaignId, r.system, r.snapshotId, r.snapshotSha256, r.snapshotAsOf, r.grants, r.items, r.excluded);
      db.prepare('INSERT INTO campaign_launches VALUES (?, ?, ?, ?, ?, ?, ?)').run(campaignId, launchedAt, operator, population.hrSnapshotId, population.items.length, population.sha256, JSON.stringify(population.warnings));
    },
    () => ({ campaignId, items: population.items.length, populationSha256: population.sha256, reconciliation: population.reconciliation, warnings: population.warnings }),
  );
  return { ...preview(campaignId, population), launchedAt };
}
