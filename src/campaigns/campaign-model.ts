/** The shapes a campaign is made of (docs/campaigns.md): what is stored as JSON in `campaigns`. */

export const CAMPAIGN_TYPES = ['manager', 'owner', 'entitlement-owner', 'privileged'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** How a stage finds its reviewer: the identity's manager from HR, a system or entitlement owner, the fallback. */
export const REVIEWER_RULES = ['manager', 'owner', 'entitlement-owner', 'fallback'] as const;
export type ReviewerRule = (typeof REVIEWER_RULES)[number];

export const NO_RESPONSE = ['none', 'revoke', 'keep'] as const;
export type NoResponseDefault = (typeof NO_RESPONSE)[number];

export interface CampaignScope {
  /** System names; empty: every system with an access snapshot. */
  systems: string[];
  /** Entitlement names or keys, exact or globs with '*'; empty: every entitlement. */
  entitlements: string[];
  /** Only privileged access (the entitlement or the account is privileged). */
  privilegedOnly: boolean;
  /** Only grants the system's previous snapshot did not have. */
  newAccessOnly: boolean;
}

export interface CampaignOptions {
  /** A comment is required for these decisions. */
  justify: ('keep' | 'revoke')[];
  /** What close records for an item nobody decided. */
  noResponse: NoResponseDefault;
  /** Snapshots older than this many days at launch are warned about. */
  staleDays: number;
}

export interface CampaignSpec {
  name: string;
  type: CampaignType;
  scope: CampaignScope;
  /** 1 to 3 stages, each with its reviewer rule; a later stage needs a different reviewer. */
  stages: ReviewerRule[];
  dueOn: string | null;
  fallback: string | null;
  options: CampaignOptions;
}

export const DEFAULT_STAGES: Record<CampaignType, ReviewerRule[]> = {
  manager: ['manager'],
  owner: ['owner'],
  'entitlement-owner': ['entitlement-owner'],
  privileged: ['owner'],
};

export type CampaignState = 'draft' | 'launched' | 'closed';
export type Decision = 'keep' | 'revoke';
export type DecisionChannel = 'app' | 'workbook' | 'cli' | 'no-response-default';
/** An item's outcome: pending until every stage keeps, or one stage revokes. */
export type ItemOutcome = 'pending' | 'keep' | 'revoke';

/** Reviewers are named by e-mail; compared case-insensitively. */
export function reviewerKey(email: string): string {
  return email.trim().toLowerCase();
}
