import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import type { CampaignEvidence } from './campaign-evidence.js';

/**
 * The campaign part of a pack. Campaigns land separately (the campaigns branch, migration 008):
 * this is the one place to wire to their read model (campaign-read.ts readItems / readDecisions /
 * readLaunch / readReconciliation, remediation.ts remediationLines). Until then a workspace holds
 * no campaign, and naming one is refused with its code.
 */
export function loadCampaignEvidence(db: Database.Database, id: string): CampaignEvidence {
  const hasCampaigns = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'campaigns'").get() !== undefined;
  const exists = hasCampaigns && /^\d+$/.test(id) && db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(Number(id)) !== undefined;
  if (!exists) throw new AttestError('UNKNOWN_CAMPAIGN', `There is no campaign ${id} in this workspace. List the campaigns with "attest info" or create one with "attest campaign create".`);
  throw new AttestError('UNKNOWN_CAMPAIGN', `Campaign ${id} exists, but this build of Attest cannot read campaigns into a pack yet.`);
}
