import { AttestError } from '../errors.js';
import type { PopulationKind } from '../sampling/population.js';
import { readItems } from './campaign-read.js';
import { loadCampaign } from './campaign-store.js';

/**
 * The items of a launched campaign (optionally only those with one outcome): what an auditor
 * samples to re-perform reviews. Keyed by item, system, account and entitlement (frozen at launch,
 * so the population of a closed campaign never changes).
 */
export const CAMPAIGN_ITEMS_POPULATION: PopulationKind = {
  name: 'campaign-items',
  description: 'The items of a launched campaign (--campaign ID), optionally of one outcome (--finding-type keep|revoke|pending)',
  keyFields: ['item', 'system', 'account', 'entitlement'],
  load: (db, request) => {
    if (request.campaignId === undefined) throw new AttestError('USAGE', 'Name the campaign whose items to sample: --campaign ID.');
    const campaign = loadCampaign(db, request.campaignId);
    if (campaign.state === 'draft') throw new AttestError('EMPTY_POPULATION', `Campaign ${campaign.id} has not been launched: it has no items to sample yet.`);
    const outcome = request.findingType ?? null;
    if (outcome !== null && !['keep', 'revoke', 'pending'].includes(outcome)) throw new AttestError('USAGE', `Campaign items are sampled by outcome keep, revoke or pending, not "${outcome}".`);
    const items = readItems(db, { campaignId: campaign.id }).filter((i) => outcome === null || i.outcome === outcome);
    const parameters: Record<string, string | number> = { campaignId: campaign.id };
    if (outcome !== null) parameters.outcome = outcome;
    return {
      parameters,
      described: `the ${outcome === null ? '' : `${outcome} `}items of campaign ${campaign.id} ("${campaign.name}", ${campaign.state})`,
      members: items.map((i) => [String(i.id), i.system, i.accountKey, i.entitlementKey]),
    };
  },
};
