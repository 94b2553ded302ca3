import type { OperationOutput } from '../../src/api/contract';
import { humanize } from './format';

/** How the campaign screens name what the campaigns contract carries. */
export type CampaignItemView = OperationOutput<'campaigns.itemsPage'>['rows'][number];
export type CampaignStatusView = OperationOutput<'campaigns.status'>;

export const TYPE_LABELS: Record<string, string> = {
  manager: 'Manager review',
  owner: 'System owner review',
  'entitlement-owner': 'Entitlement owner review',
  privileged: 'Privileged access review',
};

export const RULE_LABELS: Record<string, string> = {
  manager: "The person's manager (HR)",
  owner: "The system's owner",
  'entitlement-owner': "The entitlement's owner",
  fallback: 'The fallback reviewer',
};

export const NO_RESPONSE_LABELS: Record<string, string> = {
  none: 'Leave undecided (reported as not reviewed)',
  revoke: 'Revoke (recorded for the reviewer who did not answer)',
  keep: 'Keep (recorded for the reviewer who did not answer)',
};

export const STATE_COLORS: Record<string, string> = { draft: 'gray', launched: 'blue', closed: 'teal' };
export const OUTCOME_COLORS: Record<string, string> = { pending: 'gray', keep: 'teal', revoke: 'red' };
export const OUTCOME_LABELS: Record<string, string> = { pending: 'Pending', keep: 'Kept', revoke: 'Revoked' };

export interface ContextBadge {
  key: string;
  label: string;
  color: string;
  /** Why the badge is there, for the tooltip. */
  why: string;
}

const FINDING_BADGES: Record<string, Omit<ContextBadge, 'key'>> = {
  leaver: { label: 'Leaver', color: 'red', why: 'HR says this person has left; the account still holds access.' },
  orphan: { label: 'Orphan', color: 'red', why: 'No person in HR owns this account.' },
  dormant: { label: 'Dormant', color: 'yellow', why: 'No login for longer than the dormant threshold.' },
  'no-mfa': { label: 'No MFA', color: 'orange', why: 'The account has no multi-factor authentication.' },
  outlier: { label: 'Outlier', color: 'grape', why: 'Few of the people in this department hold this.' },
  'leaver-login': { label: 'Leaver login', color: 'red', why: 'The account was used after the person left.' },
  mover: { label: 'Mover', color: 'yellow', why: 'The person changed department or title; this access may belong to the old role.' },
  'new-access': { label: 'New', color: 'blue', why: "The system's previous snapshot did not hold this grant." },
};

/** The badges a reviewer sees on an item: what its frozen context carries (findings, privilege, SoD, last campaign). */
export function contextBadges(item: CampaignItemView): ContextBadge[] {
  const badges: ContextBadge[] = [];
  const seen = new Set<string>();
  const add = (badge: ContextBadge): void => {
    if (seen.has(badge.key)) return;
    seen.add(badge.key);
    badges.push(badge);
  };
  if (item.person?.status && item.person.status !== 'active') add({ key: 'hr-status', label: item.person.status === 'terminated' ? 'Leaver' : `HR: ${item.person.status}`, color: item.person.status === 'terminated' ? 'red' : 'yellow', why: `HR status: ${item.person.status}.` });
  if (item.privileged) add({ key: 'privileged', label: 'Privileged', color: 'orange', why: 'The entitlement or the account is privileged.' });
  for (const finding of item.findings) {
    if (finding.startsWith('sod:')) {
      add({ key: finding, label: `SoD ${finding.slice(4)}`, color: 'red', why: `An open conflict of SoD rule ${finding.slice(4)} rests on this grant.` });
      continue;
    }
    const known = FINDING_BADGES[finding];
    if (known) add({ key: finding === 'leaver' ? 'hr-status' : finding, ...known });
    else if (finding !== 'privileged') add({ key: finding, label: humanize(finding), color: 'gray', why: `Finding: ${humanize(finding)}.` });
  }
  if (item.previousDecision) add({ key: 'previous', label: `Last campaign: ${item.previousDecision === 'pending' ? 'undecided' : (OUTCOME_LABELS[item.previousDecision] ?? item.previousDecision).toLowerCase()}`, color: item.previousDecision === 'revoke' ? 'red' : 'gray', why: 'The outcome of the same access in the previous launched campaign.' });
  return badges;
}

export const CHANNEL_LABELS: Record<string, string> = { app: 'in the app', cli: 'on the command line', workbook: 'by workbook', 'no-response-default': 'by the no-response default' };
