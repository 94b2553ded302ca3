import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendAuditEvent } from '../audit/audit-log.js';
import { AttestError } from '../errors.js';
import { generateEvidencePack } from '../evidence/generate-pack-file.js';
import { createWorkspace } from '../store/create-workspace.js';
import type { Workspace } from '../store/workspace.js';
import { decideAccount } from '../identity/account-decisions.js';
import { runAnalysis } from '../identity/run-analysis.js';
import { importSnapshot } from '../ingest/import-snapshot.js';
import { importRuleSet } from '../sod/rule-set.js';
import { runSod } from '../sod/run-sod.js';
import { createCampaign } from '../campaigns/campaign-store.js';
import { launchCampaign } from '../campaigns/launch-campaign.js';
import type { Progress } from '../api/result.js';
import { generateDemoCompany } from './generate-demo-company.js';
import { writeDemoCompany } from './write-demo-company.js';

export interface DemoWorkspace {
  dir: string;
  workspace: Workspace;
  manifest: string;
  files: { name: string; path: string; sha256: string; bytes: number; rows: number }[];
  planted: Record<string, number>;
  snapshots: { system: string; snapshotId: number; rowsImported: number; rowsRejected: number }[];
  /** The analysis the demo runs once everything is imported. */
  analysis: { runId: number; asOf: string; counts: Record<string, number> };
  /** The SoD run over the starter library, after the analysis. */
  sod: { runId: number; rules: number; counts: { violations: number; open: number; mitigated: number; excepted: number } };
  /** The manager review the demo launches: every grant, routed to each person's manager. */
  campaign: { campaignId: number; items: number; reviewers: number; populationSha256: string };
  /** The signed evidence pack of that review as launched (every decision still pending). */
  evidence: { path: string; sha256: string; pages: number; signerFingerprintSha256: string };
}

/** Who takes the demo review's items no manager can: service, external and shared accounts, the CEO's access. */
export const DEMO_FALLBACK_REVIEWER = 'grc@northwind-demo.example';

/**
 * Accounts no importer can classify, which the demo's analyst marks as shared before analysing:
 * the AWS root user (a sign-in, not a person's account) and a shared scanner mailbox.
 */
export const DEMO_SHARED_ACCOUNTS: readonly (readonly [system: string, account: string])[] = [
  ['AWS', '<root_account>'],
  ['Google Workspace', 'scanner@northwind-demo.example'],
];

/** The demo's systems by the generator's key, as they are named in the workspace. */
const SYSTEM_NAMES: Record<string, string> = {
  hr: 'HR',
  aws: 'AWS',
  entra: 'Entra ID',
  google: 'Google Workspace',
  ad: 'Active Directory',
  erp: 'Finance ERP',
  bank: 'Bank Portal',
};

/**
 * Lays out the demo company in DIR: its exports under `exports/`, the planted-findings manifest,
 * and a workspace `demo.attest` with every system imported, two unclassifiable accounts marked
 * shared (as an analyst would), an analysis run, an SoD run over the starter library, and a
 * launched manager review, and the signed evidence pack of that review as launched.
 */
export async function createDemoWorkspace(
  dir: string,
  passphrase: string,
  options: { seed?: number | undefined; operator: string; signal?: AbortSignal | undefined; onProgress?: ((p: Progress) => void) | undefined },
): Promise<DemoWorkspace> {
  const company = generateDemoCompany(options.seed === undefined ? {} : { seed: options.seed });
  const workspacePath = join(dir, 'demo.attest');
  const exportsDir = join(dir, 'exports');
  const packPath = join(dir, 'evidence-pack.pdf');
  // Refuse before writing anything, so that a second run leaves the first one whole.
  for (const target of [workspacePath, exportsDir, packPath]) {
    if (existsSync(target)) throw new AttestError('EXISTS', `${target} already exists. Choose an empty folder for the demo company.`);
  }
  mkdirSync(dir, { recursive: true });
  const workspace = createWorkspace(workspacePath, passphrase, { org: company.org, operator: options.operator });
  const written = writeDemoCompany(exportsDir, company);
  const planted: Record<string, number> = {};
  for (const c of company.planted) planted[c.type] = (planted[c.type] ?? 0) + 1;
  workspace.db.transaction(() =>
    appendAuditEvent(workspace.db, options.operator, 'demo.created', {
      seed: company.seed,
      asOf: company.asOf,
      files: written.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    }),
  )();
  // Each system's files become one snapshot, the profile detected from the content.
  const snapshots: DemoWorkspace['snapshots'] = [];
  try {
    for (const system of Object.keys(SYSTEM_NAMES)) {
      const paths = written.files.filter((f) => company.files.find((c) => c.name === f.name)?.system === system).map((f) => ({ path: f.path }));
      const name = SYSTEM_NAMES[system] ?? system;
      const result = await importSnapshot(workspace, { files: paths, system: name, asOf: company.asOf, operator: options.operator }, options);
      snapshots.push({ system: name, snapshotId: result.snapshotId, rowsImported: result.rowsImported, rowsRejected: result.rowsRejected });
    }
    for (const [system, account] of DEMO_SHARED_ACCOUNTS) decideAccount(workspace, { system, account, decision: 'shared', operator: options.operator });
    const run = await runAnalysis(workspace, { operator: options.operator }, options);
    const rules = await importRuleSet(workspace, { starter: true, operator: options.operator }, options.signal);
    const sod = runSod(workspace, { asOf: company.asOf, operator: options.operator });
    const { campaignId } = createCampaign(workspace, { name: 'Quarterly access review (demo)', type: 'manager', fallback: DEMO_FALLBACK_REVIEWER, operator: options.operator });
    const launched = launchCampaign(workspace, campaignId, options.operator);
    const pack = await generateEvidencePack(workspace, { campaign: String(campaignId), out: packPath, operator: options.operator });
    return {
      dir, workspace, manifest: written.manifestPath, files: written.files, planted, snapshots,
      analysis: { runId: run.runId, asOf: run.asOf, counts: run.counts },
      sod: { runId: sod.runId, rules: rules.rules, counts: sod.counts },
      campaign: { campaignId, items: launched.items, reviewers: launched.reviewers.length, populationSha256: launched.populationSha256 },
      evidence: { path: pack.path, sha256: pack.sha256, pages: pack.pages, signerFingerprintSha256: pack.signerFingerprintSha256 },
    };
  } catch (error) {
    workspace.close();
    throw error;
  }
}
