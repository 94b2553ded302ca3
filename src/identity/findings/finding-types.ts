import { DEFAULT_SETTINGS } from '../../store/settings.js';
/** Every finding type, in the order a run lists them. */
export const FINDING_TYPES = [
  'leaver',
  'leaver-login',
  'orphan',
  'external',
  'dormant',
  'privileged',
  'standing-privilege',
  'no-mfa',
  'service',
  'shared',
  'mover',
  'outlier',
  'new-access',
  'ambiguous-match',
  'name-suggestion',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

/** `leaver-login` → `leaverLogin`: the key of a type in a run's counts. */
export function countKey(type: string): string {
  return type.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function emptyCounts(): Record<string, number> {
  return Object.fromEntries(FINDING_TYPES.map((t) => [countKey(t), 0]));
}

export interface AnalysisParameters {
  /** Accounts unused for more than this many days before their snapshot's date are dormant. */
  dormantDays: number;
  /** An entitlement held by fewer than this share of an identity's peers is an outlier. */
  outlierPercent: number;
  /** Peer groups smaller than this (not counting the identity) are not compared. */
  minPeers: number;
}

export const DEFAULT_PARAMETERS: AnalysisParameters = { dormantDays: DEFAULT_SETTINGS.dormantDays, outlierPercent: 10, minPeers: 5 };
