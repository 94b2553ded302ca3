import type { Reconciliation } from '../campaigns/build-population.js';
import type { RemediationLine as CampaignRemediationLine } from '../campaigns/remediation.js';

/**
 * What the campaign sections of a pack need, in the names of the campaigns read model
 * (src/campaigns/campaign-read.ts): items with their stage reviewers,
 * every decision row (superseded ones and reassignments included), the launch and its
 * population hash, the reconciliation per system, and the remediation lines.
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
}

export interface EvidenceItem {
  id: number;
  ordinal: number;
  system: string;
  snapshotId: number;
  account: string;
  accountKey: string;
  entitlement: string;
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

export interface DecisionRecord {
  id: number;
  itemId: number;
  stage: number;
  decision: 'keep' | 'revoke' | 'reassign' | 'withdraw';
  reviewer: string;
  reassignedTo: string | null;
  comment: string | null;
  channel: string;
  recordedBy: string;
  decidedAt: string;
  supersedes: number | null;
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

/** One revoked grant and whether a newer snapshot shows it gone (the campaigns' line, without the keys). */
export type RemediationLine = Omit<CampaignRemediationLine, 'accountKey' | 'entitlementKey'>;

export interface CampaignEvidence {
  campaign: CampaignDefinition;
  launch: { launchedAt: string; launchedBy: string; hrSnapshotId: number | null; items: number; populationSha256: string; warnings: string[] } | null;
  /** Per system: grants in the snapshot, items frozen from it, grants left out by the campaign's scope. */
  reconciliation: Reconciliation[];
  items: EvidenceItem[];
  decisions: DecisionRecord[];
  reroutes: Reroute[];
  remediation: RemediationLine[];
}
