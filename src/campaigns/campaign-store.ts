import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { findSystemId } from '../store/snapshot-lookup.js';
import type { Workspace } from '../store/workspace.js';
import { checkReviewerEmail } from './review-owners.js';
import { DEFAULT_STAGES, type CampaignOptions, type CampaignScope, type CampaignSpec, type CampaignState, type CampaignType, type ReviewerRule } from './campaign-model.js';

export interface CampaignRecord extends CampaignSpec {
  id: number;
  state: CampaignState;
  hmacKey: Buffer;
  createdAt: string;
  createdBy: string;
  launchedAt: string | null;
  closedAt: string | null;
}

export interface CreateCampaignRequest {
  name: string;
  type: CampaignType;
  systems?: string[] | undefined;
  entitlements?: string[] | undefined;
  privilegedOnly?: boolean | undefined;
  newAccessOnly?: boolean | undefined;
  stages?: ReviewerRule[] | undefined;
  due?: string | undefined;
  fallback?: string | undefined;
  justify?: ('keep' | 'revoke')[] | undefined;
  noResponse?: CampaignOptions['noResponse'] | undefined;
  staleDays?: number | undefined;
  operator: string;
}

interface CampaignRow {
  id: number;
  name: string;
  type: CampaignType;
  scope: string;
  stages: string;
  options: string;
  due_on: string | null;
  fallback: string | null;
  hmac_key: string;
  created_at: string;
  created_by: string;
  launched_at: string | null;
  closed_at: string | null;
}

/** Creates a campaign (a draft until launched); its definition never changes afterwards. */
export function createCampaign(ws: Workspace, request: CreateCampaignRequest): { campaignId: number } {
  const stages = request.stages ?? DEFAULT_STAGES[request.type];
  if (stages.length < 1 || stages.length > 3) throw new AttestError('USAGE', `A campaign has 1 to 3 stages, not ${stages.length}.`);
  if (stages.includes('fallback') && !request.fallback) throw new AttestError('USAGE', 'A "fallback" stage needs a fallback reviewer: add --fallback EMAIL.');
  const fallback = request.fallback === undefined ? null : checkReviewerEmail(request.fallback, 'The fallback reviewer');
  // Names as stored (systems match case-insensitively); an unknown one is refused by name.
  const systems = (request.systems ?? []).map((name) => ws.db.prepare('SELECT name FROM systems WHERE id = ?').pluck().get(findSystemId(ws.db, name)) as string);
  const scope: CampaignScope = {
    systems,
    entitlements: request.entitlements ?? [],
    privilegedOnly: request.privilegedOnly ?? request.type === 'privileged',
    newAccessOnly: request.newAccessOnly ?? false,
  };
  const options: CampaignOptions = { justify: request.justify ?? [], noResponse: request.noResponse ?? 'none', staleDays: request.staleDays ?? 30 };
  const { result } = ws.change(
    request.operator,
    'campaign.created',
    () =>
      Number(
        ws.db
          .prepare('INSERT INTO campaigns (name, type, scope, stages, options, due_on, fallback, hmac_key, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(request.name, request.type, JSON.stringify(scope), JSON.stringify(stages), JSON.stringify(options), request.due ?? null, fallback, randomBytes(32).toString('hex'), new Date().toISOString(), request.operator)
          .lastInsertRowid,
      ),
    (id) => ({ campaignId: id, name: request.name, type: request.type, scope, stages, options, due: request.due ?? null, fallback }),
  );
  return { campaignId: result };
}

/** A campaign with its state; UNKNOWN_CAMPAIGN when there is none of that id. */
export function loadCampaign(db: Database.Database, id: number): CampaignRecord {
  const row = db
    .prepare(
      `SELECT c.*, l.launched_at, x.closed_at FROM campaigns c
       LEFT JOIN campaign_launches l ON l.campaign_id = c.id LEFT JOIN campaign_closures x ON x.campaign_id = c.id WHERE c.id = ?`,
    )
    .get(id) as CampaignRow | undefined;
  if (!row) throw new AttestError('UNKNOWN_CAMPAIGN', `There is no campaign ${id}. List the campaigns with "attest campaign list".`);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    scope: JSON.parse(row.scope) as CampaignScope,
    stages: JSON.parse(row.stages) as ReviewerRule[],
    options: JSON.parse(row.options) as CampaignOptions,
    dueOn: row.due_on,
    fallback: row.fallback,
    hmacKey: Buffer.from(row.hmac_key, 'hex'),
    createdAt: row.created_at,
    createdBy: row.created_by,
    launchedAt: row.launched_at,
    closedAt: row.closed_at,
    state: row.closed_at !== null ? 'closed' : row.launched_at !== null ? 'launched' : 'draft',
  };
}

/** The campaign, refused with CAMPAIGN_STATE unless it is in the state the step needs. */
export function campaignIn(db: Database.Database, id: number, wanted: CampaignState, step: string): CampaignRecord {
  const campaign = loadCampaign(db, id);
  if (campaign.state === wanted) return campaign;
  const why: Record<CampaignState, string> = {
    draft: 'has not been launched yet: launch it first ("attest campaign launch ID")',
    launched: 'is already launched (its population is frozen): create a new campaign instead',
    closed: 'is closed: its decisions are final',
  };
  throw new AttestError('CAMPAIGN_STATE', `Cannot ${step}: campaign ${id} ${why[campaign.state]}.`);
}

export interface CampaignSummary {
  id: number;
  name: string;
  type: CampaignType;
  state: CampaignState;
  dueOn: string | null;
  createdAt: string;
}

export function listCampaigns(db: Database.Database): CampaignSummary[] {
  const ids = db.prepare('SELECT id FROM campaigns ORDER BY id').pluck().all() as number[];
  return ids.map((id) => {
    const c = loadCampaign(db, id);
    return { id: c.id, name: c.name, type: c.type, state: c.state, dueOn: c.dueOn, createdAt: c.createdAt };
  });
}
