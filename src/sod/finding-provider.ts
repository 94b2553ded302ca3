import type { SodFindingType } from './rule-model.js';

/** An account in the picture that carries a finding (privileged, leaver…). */
export interface AccountFinding {
  accountId: number;
  snapshotId: number;
  finding: SodFindingType;
}

/**
 * Where finding-type rule sides get their facts. The findings module (src/identity/, being built
 * alongside) will provide one; until it lands, NO_FINDINGS answers nothing, so a side that names
 * a finding never holds and its rules never fire (docs/sod.md).
 */
export interface FindingProvider {
  findingsFor(snapshotIds: readonly number[]): Iterable<AccountFinding>;
}

export const NO_FINDINGS: FindingProvider = { findingsFor: () => [] };
