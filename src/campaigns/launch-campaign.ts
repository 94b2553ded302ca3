import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { finishSteps, watchSteps, type Watch } from '../long-work.js';
import { populationSteps, type Population, type Reconciliation, type UnresolvedItem } from './build-population.js';
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
  return preview(campaignId, finishSteps(populationSteps(ws.db, campaign, now)));
}

/** previewCampaign with progress (grants read of all) and cancel. */
export async function previewCampaignWatched(ws: Workspace, campaignId: number, watch: Watch): Promise<CampaignPreview> {
  const campaign = campaignIn(ws.db, campaignId, 'draft', 'preview the launch');
  return preview(campaignId, await watchSteps(populationSteps(ws.db, campaign), watch, `The preview of campaign ${campaignId} was cancelled; nothing was changed.`));
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
  const population = finishSteps(populationSteps(ws.db, campaignIn(ws.db, campaignId, 'draft', 'launch')));
  return launchWith(ws, campaignId, population, operator);
}

/**
 * launchCampaign with progress and cancel: the population is read with checkpoints (a cancel
 * there changes nothing), then frozen in one transaction, after checking the campaign is still a
 * draft (another launch may have landed while this one read).
 */
export async function launchCampaignWatched(ws: Workspace, campaignId: number, operator: string, watch: Watch): Promise<CampaignPreview & { launchedAt: string }> {
  const campaign = campaignIn(ws.db, campaignId, 'draft', 'launch');
  const population = await watchSteps(populationSteps(ws.db, campaign), watch, `The launch of campaign ${campaignId} was cancelled; it is still a draft and nothing was frozen.`);
  campaignIn(ws.db, campaignId, 'draft', 'launch');
  watch.onProgress?.({ phase: 'Freezing the items', done: 0, total: population.items.length });
  const launched = launchWith(ws, campaignId, population, operator);
  watch.onProgress?.({ phase: 'Freezing the items', done: population.items.length, total: population.items.length });
  return launched;
}

function launchWith(ws: Workspace, campaignId: number, population: Population, operator: string): CampaignPreview & { launchedAt: string } {
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
  ws.change(operator, 'campaign.launched', () => freezePopulation(ws, campaignId, population, launchedAt, operator), () => ({
    campaignId, items: population.items.length, populationSha256: population.sha256, reconciliation: population.reconciliation, warnings: population.warnings,
  }));
  return { ...preview(campaignId, population), launchedAt };
}

/**
 * Writes the frozen items: what launch computed lands in a temporary table, then one INSERT …
 * SELECT copies each item's context from its account, entitlement, system and identity rows.
 */
function freezePopulation(ws: Workspace, campaignId: number, population: Population, launchedAt: string, operator: string): void {
  const { db } = ws;
  const base = db.prepare('SELECT ifnull(max(id), 0) FROM campaign_items').pluck().get() as number;
  db.exec(`DROP TABLE IF EXISTS temp.frozen_items;
    CREATE TEMP TABLE frozen_items (ordinal INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, entitlement_id INTEGER NOT NULL, identity_id INTEGER, manager TEXT, findings TEXT NOT NULL, previous TEXT);`);
  const stage = db.prepare('INSERT INTO temp.frozen_items VALUES (?, ?, ?, ?, ?, ?, ?)');
  const reviewer = db.prepare('INSERT INTO campaign_item_reviewers VALUES (?, ?, ?, ?, ?)');
  for (const i of population.items) stage.run(i.ordinal, i.accountId, i.entitlementId, i.identityId, i.manager, JSON.stringify(i.findings), i.previousDecision);
  db.prepare(
    `INSERT INTO campaign_items
     SELECT @base + f.ordinal, @campaign, f.ordinal, y.name, a.snapshot_id, a.account_key, a.login, a.status, a.account_type, a.last_login,
            e.entitlement_key, e.name, e.description, a.privileged OR e.privileged, i.employee_id,
            coalesce(i.display_name, nullif(trim(coalesce(i.first_name, '') || ' ' || coalesce(i.last_name, '')), '')), i.email, i.title, i.department,
            CASE WHEN i.id IS NULL THEN NULL ELSE f.manager END, i.status, f.findings, f.previous
     FROM temp.frozen_items f JOIN accounts a ON a.id = f.account_id JOIN snapshots s ON s.id = a.snapshot_id JOIN systems y ON y.id = s.system_id
     JOIN entitlements e ON e.id = f.entitlement_id LEFT JOIN identities i ON i.id = f.identity_id ORDER BY f.ordinal`,
  ).run({ base, campaign: campaignId });
  for (const i of population.items) for (const [s, r] of i.routes.entries()) reviewer.run(base + i.ordinal, s + 1, r.reviewer, r.rule, r.note);
  db.exec('DROP TABLE temp.frozen_items');
  const reconcile = db.prepare('INSERT INTO campaign_reconciliation VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of population.reconciliation) reconcile.run(campaignId, r.system, r.snapshotId, r.snapshotSha256, r.snapshotAsOf, r.grants, r.items, r.excluded);
  db.prepare('INSERT INTO campaign_launches VALUES (?, ?, ?, ?, ?, ?, ?)').run(campaignId, launchedAt, operator, population.hrSnapshotId, population.items.length, population.sha256, JSON.stringify(population.warnings));
}
