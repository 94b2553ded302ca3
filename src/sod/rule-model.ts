import { foldPattern } from './glob.js';

/**
 * A segregation-of-duties rule: two or more sides, each a choice of alternatives. A side holds
 * when any one alternative holds; an alternative is one matcher, or an "all of" group whose
 * matchers must all hold. A rule is violated when one owner (an HR identity, or an uncorrelated
 * account standing for itself) holds every side.
 */

export const SOD_RISKS = ['critical', 'high', 'medium', 'low'] as const;
export type SodRisk = (typeof SOD_RISKS)[number];

/**
 * Finding types a side may name instead of an entitlement, answered by the newest stored analysis
 * run (./finding-provider.ts).
 */
export const SOD_FINDING_TYPES = ['privileged', 'leaver', 'orphan', 'dormant', 'noMfa', 'service'] as const;
export type SodFindingType = (typeof SOD_FINDING_TYPES)[number];

/** An entitlement in one system, by name or key: exact (case-insensitive), or a glob where `*` is any text. */
export interface EntitlementMatcher {
  kind: 'entitlement';
  system: string;
  entitlement: string;
}

/** An account that carries a finding of this type; `system` null means in any system. */
export interface FindingMatcher {
  kind: 'finding';
  system: string | null;
  finding: SodFindingType;
}

export type SodMatcher = EntitlementMatcher | FindingMatcher;

/** Every matcher must hold (an "all of" group); a lone matcher is a group of one. */
export interface SodAlternative {
  /** The group's label in the rule file; null for a lone matcher. */
  group: string | null;
  matchers: SodMatcher[];
}

export interface SodSide {
  /** A, B, C… */
  label: string;
  alternatives: SodAlternative[];
}

export interface SodRule {
  id: string;
  name: string;
  description: string | null;
  risk: SodRisk;
  businessProcess: string | null;
  /** Ids of the mitigating controls the rule file attaches to the whole rule. */
  controls: string[];
  sides: SodSide[];
}

export function matcherLabel(m: SodMatcher): string {
  return m.kind === 'entitlement' ? `${m.system}:${m.entitlement}` : `${m.system ?? 'any system'}:finding ${m.finding}`;
}

/** The identity of a matcher for duplicate checks and term sharing: case- and spacing-insensitive. */
export function matcherKey(m: SodMatcher): string {
  return m.kind === 'entitlement' ? `e\u0000${foldPattern(m.system)}\u0000${foldPattern(m.entitlement)}` : `f\u0000${foldPattern(m.system ?? '')}\u0000${m.finding}`;
}
