import type { Estate } from './model.js';
import type { Rng } from './prng.js';
import { DORMANT_AFTER_DAYS, PLANTED_TYPES, PlantContext } from './planted/context.js';
import type { PlantedCase, PlantedType } from './planted/context.js';
import { plantDormant, plantNoMfa } from './planted/activity.js';
import { plantLeavers } from './planted/leavers.js';
import { plantOrphans } from './planted/orphans.js';
import { plantPrivileged } from './planted/privileged.js';
import { plantServiceAccounts } from './planted/service-accounts.js';
import { plantSodConflicts } from './planted/sod.js';
import { DEMO_SOD_RULES } from './sod-rules.js';
import type { SodRule } from './sod-rules.js';

/**
 * The planted audit findings, and the manifest (planted.json) that lists them. Normal data is
 * finding-free by construction, so the manifest is the exact truth for every type under these
 * definitions (each account is correlated to HR by employee id or e-mail; AWS by user name =
 * e-mail local part):
 * - leaver: the HR identity is terminated and the account is enabled;
 * - orphan: no HR identity, and not a service/shared account, an Entra guest or the AWS root;
 * - dormant: enabled and last used more than 90 days before asOf, or never (not Entra: its export
 *   has no sign-in date; not the AWS root user);
 * - privileged: AWS root or AdministratorAccess (direct or via a group), AD Domain Admins,
 *   a grant with Privileged = Yes;
 * - noMfa: an AWS console password without MFA; an Active Google user not enrolled in 2SV;
 * - service: AWS path /service/, AD OU=Service Accounts, Google OU /Service Accounts,
 *   Account Type Service or Shared;
 * - sodConflict: one HR identity's enabled ERP and bank accounts together break a DEMO_SOD_RULES rule.
 */

export { DORMANT_AFTER_DAYS, PLANTED_TYPES };
export type { PlantedCase, PlantedType };

export interface PlantedManifest {
  seed: number;
  asOf: string;
  org: string;
  definitions: { dormantAfterDays: number; sodRules: readonly SodRule[] };
  counts: Record<PlantedType, number>;
  cases: PlantedCase[];
}

function compareCases(a: PlantedCase, b: PlantedCase): number {
  const byType = PLANTED_TYPES.indexOf(a.type) - PLANTED_TYPES.indexOf(b.type);
  if (byType !== 0) return byType;
  const ka = `${a.system}\u0000${a.account}`;
  const kb = `${b.system}\u0000${b.account}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Plants every finding into the estate (which it changes) and returns them, sorted. */
export function plantFindings(rng: Rng, estate: Estate): PlantedCase[] {
  const ctx = new PlantContext(rng, estate);
  const cases = [
    ...plantLeavers(ctx),
    ...plantOrphans(ctx),
    ...plantServiceAccounts(ctx),
    ...plantDormant(ctx),
    ...plantNoMfa(ctx),
    ...plantPrivileged(ctx),
    ...plantSodConflicts(ctx),
  ];
  return cases.sort(compareCases);
}

export function countByType(cases: readonly PlantedCase[]): Record<PlantedType, number> {
  const counts = Object.fromEntries(PLANTED_TYPES.map((t) => [t, 0])) as Record<PlantedType, number>;
  for (const c of cases) counts[c.type] += 1;
  return counts;
}

export function buildPlantedManifest(company: { seed: number; asOf: string; org: string; planted: readonly PlantedCase[] }): PlantedManifest {
  return {
    seed: company.seed,
    asOf: company.asOf,
    org: company.org,
    definitions: { dormantAfterDays: DORMANT_AFTER_DAYS, sodRules: DEMO_SOD_RULES },
    counts: countByType(company.planted),
    cases: company.planted.map((c) => ({ ...c })),
  };
}
