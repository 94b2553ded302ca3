import type { Reconciliation } from '../campaigns/build-population.js';
import type { RemediationLine as CampaignRemediationLine } from '../campaigns/remediation.js';

/**
 * What the campaign sections of a pack need, in the names of the campaigns read model
 * (src/campaigns/campaign-read.ts): the items with their stage reviewers (never held whole: a
 * source the sections and attachments iterate, page by page), the figures over them (one
 * pass), the launch and its population hash, the reconciliation per system, the re-routes and
 * the remediation lines.
 */
export type ItemOutcome = 'pending' | 'keep' | 'revoke';

export interface CampaignDefinition {
  id: number;
  name: string;
  type: string;
  state: 'draft' | 'launched' | 'closed';
  createdAt: string;
  createdBy: string;
  launchedAt: string | null;
  closedAt: string | null;
  dueOn: string | null;
  fallback: string | null;
  scope: { systems: string[]; entitlements: string[]; privilegedOnly: boolean; newAccessOnly: boolean };
  /** The reviewer rule of each stage, in order ('manager', 'owner', …). */
  stages: string[];
  noResponse: string;
}

export interface StageReviewer {
  stage: number;
  /** Who the stage is with now (after any reassignment). */
  reviewer: string;
  /** Who it was routed to at launch, by which rule, and why when it was re-routed (self-review). */
  routedTo: string;
  rule: string;
  note: string | null;
  decision: 'keep' | 'revoke' | null;
  comment: string | null;
  /** When the stage's newest keep or revoke was recorded (shown only while that decision is in force). */
  decidedAt: string | null;
}

export interface EvidenceItem {
  id: number;
  ordinal: number;
  system: string;
  snapshotId: number;
  account: string;
  accountKey: string;
  entitlement: string;
  entitlementKey: string;
  privileged: boolean;
  identity: { employeeId: string; name: string | null; email: string | null; department: string | null; title: string | null; manager: string | null } | null;
  findings: string[];
  stages: StageReviewer[];
  /** Who the item waits for, or who decided it last. */
  reviewer: string;
  outcome: ItemOutcome;
  decision: 'keep' | 'revoke' | null;
  comment: string | null;
  /** When the decision in force was recorded; null while pending. */
  decidedAt: string | null;
}

export interface Reroute {
  itemId: number;
  stage: number;
  from: string;
  to: string;
  kind: 'self-review' | 'reassignment' | 'fallback';
  reason: string;
  at: string | null;
}

/** Items to iterate, as often as needed, and how many there are. */
export interface ItemSource extends Iterable<EvidenceItem> {
  readonly count: number;
}

export interface Outcomes {
  kept: number;
  revoked: number;
  pending: number;
}

/** Per reviewer of each stage: what they were given and what they decided. */
export interface ReviewerTally extends Outcomes {
  items: number;
  stages: Set<number>;
}

export interface CampaignSummary {
  total: Outcomes;
  /** Item-stage rows (decisions.csv has one per stage of each item). */
  stageRows: number;
  /** By system and by reviewer (who decided, or who it waits for), sorted by name. */
  bySystem: [string, Outcomes][];
  byReviewer: [string, Outcomes][];
  /** Per stage reviewer, in the order they first appear. */
  reviewers: Map<string, ReviewerTally>;
  /** Items decided by the person whose access it is, and multi-stage items with one person in two stages. */
  independence: { selfReviewed: number; repeatedReviewer: number };
}

/** One revoked grant and whether a newer snapshot shows it gone (the campaigns' line, without the keys). */
export type RemediationLine = Omit<CampaignRemediationLine, 'accountKey' | 'entitlementKey'>;

export interface CampaignEvidence {
  campaign: CampaignDefinition;
  launch: { launchedAt: string; launchedBy: string; hrSnapshotId: number | null; items: number; populationSha256: string; warnings: string[] } | null;
  /** Per system: grants in the snapshot, items frozen from it, grants left out by the campaign's scope. */
  reconciliation: Reconciliation[];
  /** Every item in population order; iterable again for each pass, holding one page at a time. */
  items: ItemSource;
  /** The figures over the items, from one pass. */
  summary: CampaignSummary;
  reroutes: Reroute[];
  remediation: RemediationLine[];
}
