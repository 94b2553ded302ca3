import type { Estate } from './model.js';
import { Rng } from './prng.js';
import { buildRoster } from './roster.js';
import { buildActiveDirectory } from './systems/active-directory.js';
import { buildAws } from './systems/aws.js';
import { buildEntra } from './systems/entra.js';
import { buildBank, buildErp } from './systems/finance-apps.js';
import { buildGoogle } from './systems/google.js';

/** The roster and every system's normal (finding-free) accounts; findings are planted afterwards. */
export function buildEstate(seed: number, asOf: Date): Estate {
  const rng = new Rng(seed);
  const employees = buildRoster(rng.fork('roster'), asOf);
  return {
    seed,
    asOf,
    employees,
    aws: buildAws(rng.fork('aws'), employees, asOf),
    entra: buildEntra(rng.fork('entra'), employees),
    google: buildGoogle(rng.fork('google'), employees, asOf),
    ad: buildActiveDirectory(rng.fork('ad'), employees, asOf),
    erp: buildErp(rng.fork('erp'), employees, asOf),
    bank: buildBank(rng.fork('bank'), employees, asOf),
  };
}
