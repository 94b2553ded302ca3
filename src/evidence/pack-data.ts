import type { SnapshotSummary } from '../ingest/snapshot-list.js';
import type { CampaignEvidence } from './campaign-evidence.js';

/** A snapshot the pack's population rests on, with its provenance (its source files' hashes). */
export type SnapshotEvidence = Omit<SnapshotSummary, 'sources' | 'evidence'> & { sources: Pick<SnapshotSummary['sources'][number], 'fileName' | 'sha256' | 'sizeBytes'>[] };

export interface FindingEvidence {
  type: string;
  system: string;
  account: string;
  identity: string | null;
  detail: string;
  /** What became of it: a classification, an exception, a campaign decision, or "Open". */
  disposition: string;
}

export interface FindingsEvidence {
  runId: number;
  asOf: string;
  createdAt: string;
  createdBy: string;
  counts: Record<string, number>;
  findings: FindingEvidence[];
}

export interface SodViolationEvidence {
  ruleId: string;
  ruleName: string;
  risk: string;
  owner: string;
  identity: string | null;
  status: 'open' | 'mitigated' | 'excepted';
  /** `side: system account → entitlement (or finding)` per piece of evidence. */
  evidence: string[];
  controls: { id: string; description: string }[];
  exception: { id: number; approver: string; justification: string; from: string; to: string } | null;
  firstSeen: string;
}

export interface SodEvidence {
  runId: number;
  asOf: string;
  runAt: string;
  runBy: string;
  rules: number;
  counts: { violations: number; open: number; mitigated: number; excepted: number };
  violations: SodViolationEvidence[];
}

export interface AuditEvidence {
  events: number;
  head: string;
  ok: boolean;
  firstBadSeq: number | null;
  firstAt: string | null;
  lastAt: string | null;
  byAction: { action: string; count: number }[];
}

/** Everything a pack shows, read from the workspace before a page is drawn. */
export interface EvidencePackData {
  generatedAt: Date;
  generatedBy: string;
  org: string;
  workspaceId: string;
  signer: { fingerprintSha256: string; subject: string; source: string };
  campaign: CampaignEvidence | null;
  snapshots: SnapshotEvidence[];
  findings: FindingsEvidence | null;
  sod: SodEvidence | null;
  audit: AuditEvidence;
}
