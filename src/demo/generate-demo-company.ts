import { AttestError } from '../errors.js';
import { ORG } from './company-data.js';
import { parseDay } from './dates.js';
import { buildEstate } from './estate.js';
import { activeDirectoryLdif } from './formats/active-directory-ldif.js';
import { awsAuthorizationDetailsJson } from './formats/aws-authorization-details.js';
import { awsCredentialReportCsv } from './formats/aws-credential-report.js';
import { entraUsersCsv } from './formats/entra-users-csv.js';
import { googleWorkspaceCsv } from './formats/google-workspace-csv.js';
import { grantsCsv } from './formats/grants-csv.js';
import { hrRosterCsv } from './formats/hr-roster-csv.js';
import type { Estate } from './model.js';
import { plantFindings } from './planted.js';
import type { PlantedCase } from './planted.js';
import { Rng } from './prng.js';

/**
 * A deterministic demo company: "Northwind Demo Ltd", 300 employees, and the exports of six
 * systems in their real formats, with planted audit findings listed in `planted`. The same seed
 * and asOf always give byte-identical files; nothing reads the clock or Math.random.
 */

export const DEFAULT_DEMO_SEED = 20261031;
export const DEFAULT_DEMO_AS_OF = '2026-10-31';
const EARLIEST_AS_OF = '2020-01-01';
const LATEST_AS_OF = '2099-12-31';

export interface DemoFile {
  name: string;
  system: string;
  format: string;
  content: string;
  /** Data records: CSV rows after the header, LDIF entries, or the JSON's users + groups + roles + policies. */
  rows: number;
}

export interface DemoCompany {
  seed: number;
  asOf: string;
  org: string;
  employees: number;
  files: DemoFile[];
  planted: PlantedCase[];
}

function checkedSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new AttestError('INVALID_INPUT', `The demo seed must be a whole number; got ${String(seed)}.`);
  return seed;
}

function checkedAsOf(asOf: string): Date {
  const date = parseDay(asOf);
  if (!date || asOf < EARLIEST_AS_OF || asOf > LATEST_AS_OF) {
    throw new AttestError('INVALID_INPUT', `The demo asOf date must be a YYYY-MM-DD day between ${EARLIEST_AS_OF} and ${LATEST_AS_OF}; got "${asOf}".`);
  }
  return date;
}

const csvRows = (text: string): number => text.split(/\r?\n/).filter((line) => line !== '').length - 1;

function demoFiles(estate: Estate): DemoFile[] {
  const file = (name: string, system: string, format: string, content: string, rows = csvRows(content)): DemoFile => ({ name, system, format, content, rows });
  const authz = awsAuthorizationDetailsJson(estate.aws, estate.seed);
  const ldif = activeDirectoryLdif(estate.ad);
  const erp = grantsCsv(estate.erp);
  const bank = grantsCsv(estate.bank);
  return [
    file('hr-roster.csv', 'hr', 'hr-roster-csv', hrRosterCsv(estate.employees), estate.employees.length),
    file('aws-credential-report.csv', 'aws', 'aws-credential-report', awsCredentialReportCsv(estate.aws), estate.aws.users.length + 1),
    file('aws-authorization-details.json', 'aws', 'aws-authorization-details', authz.text, authz.records),
    file('entra-users.csv', 'entra', 'entra-users-csv', entraUsersCsv(estate.entra), estate.entra.length),
    file('google-workspace-users.csv', 'google', 'google-workspace-users-csv', googleWorkspaceCsv(estate.google), estate.google.length),
    file('active-directory.ldif', 'ad', 'ldif', ldif.text, ldif.records),
    file('erp-grants.csv', 'erp', 'generic-grants-csv', erp.text, erp.records),
    file('bank-portal-users.csv', 'bank', 'generic-grants-csv', bank.text, bank.records),
  ];
}

export function generateDemoCompany(options: { seed?: number; asOf?: string } = {}): DemoCompany {
  const seed = checkedSeed(options.seed ?? DEFAULT_DEMO_SEED);
  const asOf = options.asOf ?? DEFAULT_DEMO_AS_OF;
  const estate = buildEstate(seed, checkedAsOf(asOf));
  const planted = plantFindings(new Rng(seed, 'planted'), estate);
  return { seed, asOf, org: ORG.name, employees: estate.employees.length, files: demoFiles(estate), planted };
}
