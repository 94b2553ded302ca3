import { z } from 'zod';
import { browseOperations } from './contract-browse.js';
import { campaignContract } from './campaign-contract.js';
import { evidenceOperations } from './evidence-contract.js';
import { filesOperations } from './files-contract.js';
import { operation } from './operation.js';
import { secretOperations } from './secret-contract.js';

/**
 * The one API contract. Every host (CLI, loopback HTTP, Electron IPC) and the renderer's client
 * are typed from this object; the implementation table in handlers.ts must match it key for key.
 * Groups of operations live in their own files (contract-browse.ts, evidence-contract.ts) and are
 * spread in here.
 */

const path = z.string().min(1, 'a file path is required');
const passphrase = z.string();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const workspaceInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  workspaceId: z.string(),
  org: z.string(),
  createdAt: z.string(),
  operator: z.string(),
  systems: z.number().int(),
  snapshots: z.number().int(),
  identities: z.number().int(),
  accounts: z.number().int(),
  entitlements: z.number().int(),
  grants: z.number().int(),
  campaigns: z.number().int(),
  auditEvents: z.number().int(),
  signer: z.object({ fingerprintSha256: sha256.nullable() }),
});

export const auditVerification = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  head: z.string(),
  firstBadSeq: z.number().int().nullable(),
});

export const auditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

const candidate = z.object({ name: z.string(), score: z.number() });
/** Provenance a source carries beyond its bytes: a sync's id, times and counts; a server's bases and filters. */
const sourceDetails = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).nullable();

export const importResult = z.object({
  snapshotId: z.number().int(),
  system: z.string(),
  profile: z.string(),
  sha256,
  asOf: z.string(),
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  rejected: z.array(z.object({ file: z.string(), line: z.number().int(), reason: z.string() })),
  identities: z.number().int(),
  accounts: z.number().int(),
  entitlements: z.number().int(),
  grants: z.number().int(),
  duplicateGrants: z.number().int(),
  files: z.array(
    z.object({
      name: z.string(),
      sha256,
      size: z.number().int(),
      profile: z.string(),
      candidates: z.array(candidate),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheet: z.string().nullable(),
      notes: z.array(z.string()),
      columns: z.record(z.string(), z.string()),
      details: sourceDetails,
    }),
  ),
  /** False when the population may be incomplete (an unfinished sync imported on request). */
  complete: z.boolean(),
  evidence: z.array(z.object({ name: z.string(), sha256, size: z.number().int() })),
  notes: z.array(z.string()),
  preview: z.object({
    identities: z.array(
      z.object({ employeeId: z.string(), displayName: z.string().nullable(), email: z.string().nullable(), status: z.string(), managerEmployeeId: z.string().nullable(), terminationDate: z.string().nullable() }),
    ),
    accounts: z.array(
      z.object({ key: z.string(), login: z.string(), email: z.string().nullable(), status: z.string(), accountType: z.string(), privileged: z.boolean(), mfa: z.boolean().nullable(), lastLogin: z.string().nullable() }),
    ),
    grants: z.array(z.object({ account: z.string(), entitlement: z.string(), via: z.string().nullable() })),
  }),
});

export const snapshotSummary = z.object({
  id: z.number().int(),
  system: z.string(),
  content: z.string(),
  profile: z.string(),
  fileName: z.string(),
  sha256,
  sizeBytes: z.number().int(),
  asOf: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  complete: z.boolean(),
  sources: z.array(
    z.object({
      fileName: z.string(),
      sha256,
      sizeBytes: z.number().int(),
      profile: z.string(),
      encoding: z.string().nullable(),
      /** A directory search (a live pull) rather than a file: where and what it searched. */
      search: z
        .object({ server: z.string(), bindDn: z.string().nullable(), base: z.string(), scope: z.string(), filter: z.string(), pageSize: z.number().int(), entries: z.number().int(), nestedGroups: z.boolean() })
        .nullable(),
      /** What a source says of itself beyond its bytes: a sync file's sync id, times and counts. */
      details: sourceDetails,
    }),
  ),
  evidence: z.array(z.object({ fileName: z.string(), sha256, sizeBytes: z.number().int(), mediaType: z.string() })),
});

export const ldapPullResult = importResult.omit({ files: true, evidence: true }).extend({
  server: z.string(),
  bindDn: z.string().nullable(),
  nestedGroups: z.boolean(),
  searches: z.array(z.object({ name: z.enum(['users', 'groups']), url: z.string(), base: z.string(), filter: z.string(), entries: z.number().int(), sha256, sizeBytes: z.number().int() })),
  savedConnection: z.string().nullable(),
});

const fieldChange = z.object({ field: z.string(), from: z.union([z.string(), z.boolean()]).nullable(), to: z.union([z.string(), z.boolean()]).nullable() });
const grantChange = z.object({ account: z.string(), entitlement: z.string(), via: z.string().nullable() });
const accountEntry = z.object({ account: z.string(), login: z.string(), email: z.string().nullable(), displayName: z.string().nullable(), status: z.string(), accountType: z.string(), privileged: z.boolean() });
const entitlementEntry = z.object({ entitlement: z.string(), name: z.string(), privileged: z.boolean() });

export const snapshotDiff = z.object({
  system: z.string(),
  content: z.enum(['identities', 'access']),
  from: z.object({ id: z.number().int(), asOf: z.string() }),
  to: z.object({ id: z.number().int(), asOf: z.string() }),
  /** Grants in `to` and not in `from` (CLI.md); empty for HR snapshots. */
  added: z.array(grantChange),
  removed: z.array(grantChange),
  accounts: z.object({ added: z.array(accountEntry), removed: z.array(accountEntry), changed: z.array(z.object({ account: z.string(), login: z.string(), changes: z.array(fieldChange) })) }).nullable(),
  entitlements: z.object({ added: z.array(entitlementEntry), removed: z.array(entitlementEntry) }).nullable(),
  identities: z
    .object({
      joiners: z.array(z.object({ employeeId: z.string(), displayName: z.string().nullable(), email: z.string().nullable(), department: z.string().nullable(), title: z.string().nullable(), status: z.string() })),
      leavers: z.array(z.object({ employeeId: z.string(), displayName: z.string().nullable(), email: z.string().nullable(), reason: z.enum(['gone', 'terminated']), terminationDate: z.string().nullable() })),
      movers: z.array(z.object({ employeeId: z.string(), displayName: z.string().nullable(), changes: z.array(fieldChange) })),
    })
    .nullable(),
  counts: z.record(z.string(), z.number().int()),
});

const snapshotId = z.number().int().positive();

export const sampleSummary = z.object({
  id: z.number().int(),
  population: z.string(),
  /** The resolved population parameters (system, snapshot id): enough to load the same population again. */
  parameters: z.record(z.string(), z.union([z.string(), z.number()])),
  keyFields: z.array(z.string()),
  populationSize: z.number().int(),
  populationSha256: sha256,
  method: z.enum(['simple-random', 'systematic']),
  algorithm: z.string(),
  seed: z.string(),
  seedSource: z.enum(['given', 'generated']),
  requested: z.union([z.object({ size: z.number().int() }), z.object({ percent: z.number() })]),
  size: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const sampleDetail = sampleSummary.extend({
  items: z.array(z.object({ position: z.number().int(), populationIndex: z.number().int(), key: z.array(z.string()) })),
});
const finding = z.object({
  type: z.string(),
  system: z.string(),
  account: z.string(),
  accountKey: z.string(),
  /** The employee id behind the account (a service account's owner); null for an orphan. */
  identity: z.string().nullable(),
  detail: z.string(),
});

export const analysisRun = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  parameters: z.object({ dormantDays: z.number().int(), outlierPercent: z.number(), minPeers: z.number().int() }),
  hrSnapshotId: z.number().int().nullable(),
  snapshots: z.array(z.object({ snapshotId: z.number().int(), system: z.string(), asOf: z.string() })),
  /** By finding type in camelCase (`noMfa`, `leaverLogin`…), every type present, zero included. */
  counts: z.record(z.string(), z.number().int()),
  findings: z.array(finding),
});

const accountDecision = z.object({
  system: z.string(),
  accountKey: z.string(),
  login: z.string(),
  decision: z.enum(['link', 'unlink', 'service', 'shared']),
  employeeId: z.string().nullable(),
});
const storedAccountDecision = accountDecision.extend({ decidedAt: z.string(), decidedBy: z.string() });
const systemName = z.string().trim().min(1, 'name the system').max(200);
const accountName = z.string().trim().min(1, 'name the account (its key or login)').max(4096);
const employeeId = z.string().trim().min(1, 'an employee id is required').max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const sodRisk = z.enum(['critical', 'high', 'medium', 'low']);
const sodMatcher = z.union([
  z.object({ kind: z.literal('entitlement'), system: z.string(), entitlement: z.string() }),
  z.object({ kind: z.literal('finding'), system: z.string().nullable(), finding: z.string() }),
]);
export const sodRule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  risk: sodRisk,
  businessProcess: z.string().nullable(),
  controls: z.array(z.string()),
  sides: z.array(z.object({ label: z.string(), alternatives: z.array(z.object({ group: z.string().nullable(), matchers: z.array(sodMatcher) })) })),
});
const sodStatus = z.enum(['open', 'mitigated', 'excepted']);
export const sodViolation = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  risk: z.string(),
  identity: z.string().nullable(),
  owner: z.object({ key: z.string(), name: z.string() }),
  accounts: z.array(z.object({ system: z.string(), account: z.string() })),
  grants: z.array(
    z.object({ side: z.string(), system: z.string(), account: z.string(), entitlement: z.string().nullable(), finding: z.string().nullable(), snapshotId: z.number().int(), asOf: z.string() }),
  ),
  status: sodStatus,
  controls: z.array(z.string()),
  exceptionId: z.number().int().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
const sodOwner = { identity: z.string().trim().min(1).max(200).optional(), account: z.string().trim().min(1).max(1000).optional() };
const sodText = z.string().max(2000);

const dn = z.string().trim().min(1, 'a DN is required').max(4096);
const ldapFilter = z.string().trim().min(1, 'a filter is required').max(4096);

/**
 * The one API contract. Every host (CLI, loopback HTTP, Electron IPC) and the renderer's client
 * are typed from this object; the implementation table in handlers.ts must match it key for key.
 *
 * `scope` says what an operation needs: 'none' runs without a workspace, 'workspace' runs
 * against the workspace the session has unlocked.
 */
export const contract = {
  'workspace.create': operation({
    summary: 'Create a new encrypted workspace (never overwrites a file) and unlock it.',
    scope: 'none',
    input: z.object({ path, passphrase, org: z.string().max(200).optional(), operator: z.string().max(200).optional() }),
    output: z.object({ path: z.string() }),
  }),
  'workspace.open': operation({
    summary: 'Unlock an existing workspace with its passphrase; `remember` keeps it on this computer (true) or forgets it (false), desktop app only.',
    scope: 'none',
    input: z.object({ path, passphrase, operator: z.string().max(200).optional(), remember: z.boolean().optional() }),
    output: z.object({ path: z.string(), schemaVersion: z.number().int() }),
  }),
  'workspace.close': operation({
    summary: 'Lock the workspace: close the file and forget the key.',
    scope: 'none',
    input: z.object({}),
    output: z.object({ closed: z.boolean() }),
  }),
  'workspace.info': operation({
    summary: 'What the workspace holds: counts of the current picture, the audit trail, the signer.',
    scope: 'workspace',
    input: z.object({}),
    output: workspaceInfo,
  }),
  'workspace.changePassphrase': operation({
    summary: 'Re-encrypt the workspace under a new passphrase; the old file stays readable until the change commits.',
    scope: 'workspace',
    input: z.object({ currentPassphrase: passphrase, newPassphrase: passphrase }),
    output: z.object({ path: z.string(), changed: z.literal(true) }),
  }),
  'audit.verify': operation({
    summary: 'Recompute the audit hash chain and report the first event that does not hold.',
    scope: 'workspace',
    input: z.object({}),
    output: auditVerification,
  }),
  'audit.list': operation({
    summary: 'Audit events in sequence order, a page at a time.',
    scope: 'workspace',
    input: z.object({ afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(500) }),
    output: z.object({ events: z.array(auditEvent) }),
  }),
  'profiles.list': operation({
    summary: 'The import profiles: which export formats Attest reads, and what each becomes.',
    scope: 'none',
    input: z.object({}),
    output: z.object({
      profiles: z.array(z.object({ name: z.string(), kind: z.enum(['identities', 'access']), reads: z.enum(['table', 'json', 'ldif', 'c1z']), description: z.string(), defaultSystem: z.string().nullable() })),
    }),
  }),
  'import.run': operation({
    summary: 'Import one snapshot of one system from one or more files (all or nothing); dryRun reports and rolls back.',
    scope: 'workspace',
    input: z.object({
      files: z.array(z.object({ path, profile: z.string().optional(), sheet: z.string().optional() })).min(1, 'name at least one file'),
      profile: z.string().optional(),
      system: z.string().max(200).optional(),
      asOf: z.string().optional(),
      mapping: z.record(z.string(), z.string()).optional(),
      dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
      evidence: z.array(path).optional(),
      /** Sync files: import an unfinished sync, marking the snapshot incomplete. */
      allowIncomplete: z.boolean().optional(),
      dryRun: z.boolean().optional(),
    }),
    output: importResult,
  }),
  'pull.ldap': operation({
    summary: 'Pull users, groups and memberships from a live LDAP / Active Directory server into one snapshot (all or nothing); dryRun reports and rolls back.',
    scope: 'workspace',
    input: z.object({
      /** A connection saved in the workspace; the fields given here override its settings. */
      connection: z.string().trim().min(1).max(200).optional(),
      url: z.string().trim().min(1).max(2048).optional(),
      bindDn: dn.optional(),
      password: z.string().max(4096).optional(),
      base: dn.optional(),
      userBase: dn.optional(),
      groupBase: dn.optional(),
      userFilter: ldapFilter.optional(),
      groupFilter: ldapFilter.optional(),
      startTls: z.boolean().optional(),
      caFile: path.optional(),
      nested: z.boolean().optional(),
      system: z.string().max(200).optional(),
      asOf: z.string().optional(),
      /** Keep the connection, password included, in the (encrypted) workspace under this name. */
      saveConnection: z.string().trim().min(1).max(200).optional(),
      pageSize: z.number().int().min(1).max(10_000).optional(),
      dryRun: z.boolean().optional(),
    }),
    output: ldapPullResult,
  }),
  'snapshots.list': operation({
    summary: 'Snapshots with their provenance, newest first.',
    scope: 'workspace',
    input: z.object({ system: z.string().optional() }),
    output: z.object({ snapshots: z.array(snapshotSummary) }),
  }),
  'snapshots.diff': operation({
    summary: 'What changed between two snapshots of one system (default: its latest and the one before): grants, accounts and entitlements; or joiners, leavers and movers.',
    scope: 'workspace',
    input: z.object({ system: z.string().trim().min(1, 'name the system'), from: snapshotId.optional(), to: snapshotId.optional() }),
    output: snapshotDiff,
  }),
  'samples.draw': operation({
    summary: 'Draw a reproducible random sample from a population (accounts, grants, identities, …) and store it: same seed and population, same sample.',
    scope: 'workspace',
    input: z
      .object({
        population: z.string().trim().min(1, 'name the population'),
        system: z.string().trim().min(1).optional(),
        snapshotId: snapshotId.optional(),
        /** Findings: the analysis run (default the newest) and one finding type. */
        runId: z.number().int().positive().optional(),
        findingType: z.string().trim().min(1).max(100).optional(),
        /** Campaign items: the campaign (findingType then names an outcome: keep, revoke, pending). */
        campaignId: z.number().int().positive().optional(),
        size: z.number().int().min(1, 'the size is at least 1').optional(),
        percent: z.number().gt(0, 'the percentage is above 0').max(100, 'the percentage is at most 100').optional(),
        /** Decimal, 0 to 2^64 − 1, as a string (JSON numbers cannot carry 64 bits); generated and recorded when absent. */
        seed: z.string().max(100).optional(),
        method: z.enum(['simple-random', 'systematic']).optional(),
      })
      .refine((input) => (input.size === undefined) !== (input.percent === undefined), { message: 'give either size or percent, not both', path: ['size'] }),
    output: sampleDetail,
  }),
  'samples.list': operation({
    summary: 'The samples drawn in this workspace, newest first.',
    scope: 'workspace',
    input: z.object({}),
    output: z.object({ samples: z.array(sampleSummary) }),
  }),
  'samples.show': operation({
    summary: 'One stored sample with its selected members in drawing order.',
    scope: 'workspace',
    input: z.object({ id: z.number().int().positive() }),
    output: sampleDetail,
  }),
  'sod.import': operation({
    summary: 'Import an SoD rule set from a CSV/XLSX rule file, or the starter library (rules with the same id are replaced).',
    scope: 'workspace',
    input: z.object({ path: path.optional(), starter: z.boolean().optional() }),
    output: z.object({ source: z.string(), rules: z.number().int(), sides: z.number().int(), matchers: z.number().int(), replaced: z.array(z.string()), warnings: z.array(z.string()) }),
  }),
  'sod.rules': operation({
    summary: 'The SoD rule set in the workspace.',
    scope: 'workspace',
    input: z.object({}),
    output: z.object({ rules: z.array(sodRule) }),
  }),
  'sod.export': operation({
    summary: 'Write the SoD rule set to a new .csv or .xlsx file in the import layout.',
    scope: 'workspace',
    input: z.object({ path }),
    output: z.object({ path: z.string(), rules: z.number().int(), rows: z.number().int() }),
  }),
  'sod.run': operation({
    summary: "Evaluate every SoD rule over each system's newest snapshot (as of a date) and store the run with its violations and evidence.",
    scope: 'workspace',
    input: z.object({ asOf: z.string().optional() }),
    output: z.object({
      runId: z.number().int(),
      asOf: z.string(),
      snapshots: z.array(z.object({ id: z.number().int(), system: z.string(), asOf: z.string() })),
      rules: z.number().int(),
      grantsRead: z.number().int(),
      counts: z.object({ violations: z.number().int(), open: z.number().int(), mitigated: z.number().int(), excepted: z.number().int() }),
      violations: z.array(sodViolation),
      warnings: z.array(z.string()),
    }),
  }),
  'sod.except': operation({
    summary: 'Grant a time-boxed exception to one SoD rule for one identity or account.',
    scope: 'workspace',
    input: z.object({ rule: z.string().min(1), ...sodOwner, approver: sodText, justification: sodText, from: z.string(), to: z.string() }),
    output: z.object({ exceptionId: z.number().int(), ruleId: z.string(), owner: z.string(), from: z.string(), to: z.string() }),
  }),
  'sod.mitigate': operation({
    summary: 'Attach a mitigating control to an SoD rule, or to one violation of it (creating or updating the control).',
    scope: 'workspace',
    input: z.object({ rule: z.string().min(1), control: z.string().min(1).max(200), description: sodText.optional(), owner: sodText.optional(), frequency: sodText.optional(), ...sodOwner }),
    output: z.object({ ruleId: z.string(), control: z.string(), violationOwner: z.string().nullable(), attached: z.boolean() }),
  }),
  'sod.simulate': operation({
    summary: 'Which SoD rules would fire if an identity or account were given more access (nothing is stored).',
    scope: 'workspace',
    input: z.object({ ...sodOwner, add: z.array(z.string().max(2000)) }),
    output: z.object({
      owner: z.string(),
      added: z.array(z.object({ system: z.string(), entitlement: z.string() })),
      wouldFire: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), risk: z.string(), already: z.boolean() })),
    }),
  }),
  'demo.create': operation({
    summary: 'Write the demo company exports into a folder, create its workspace there and walk it through import, analysis, SoD, a launched campaign and its evidence pack.',
    scope: 'none',
    input: z.object({ dir: path, passphrase, seed: z.number().int().optional() }),
    output: z.object({
      dir: z.string(),
      workspace: z.string(),
      manifest: z.string(),
      files: z.array(z.object({ name: z.string(), path: z.string(), sha256, bytes: z.number().int(), rows: z.number().int() })),
      planted: z.record(z.string(), z.number().int()),
      snapshots: z.array(z.object({ system: z.string(), snapshotId: z.number().int(), rowsImported: z.number().int(), rowsRejected: z.number().int() })),
      analysis: z.object({ runId: z.number().int(), asOf: z.string(), counts: z.record(z.string(), z.number().int()) }),
      sod: z.object({
        runId: z.number().int(),
        rules: z.number().int(),
        counts: z.object({ violations: z.number().int(), open: z.number().int(), mitigated: z.number().int(), excepted: z.number().int() }),
      }),
      campaign: z.object({ campaignId: z.number().int(), items: z.number().int(), reviewers: z.number().int(), populationSha256: z.string() }),
      evidence: z.object({ path: z.string(), sha256, pages: z.number().int(), signerFingerprintSha256: sha256 }),
    }),
  }),
  'analysis.run': operation({
    summary: 'Correlate accounts to identities and compute the findings as of a date; the run is stored (audited) and returned.',
    scope: 'workspace',
    input: z.object({
      asOf: day.optional(),
      dormantDays: z.number().int().min(1).max(36_500).optional(),
      outlierPercent: z.number().min(0).max(100).optional(),
      minPeers: z.number().int().min(1).max(100_000).optional(),
    }),
    output: analysisRun.extend({
      correlation: z.object({ accounts: z.number().int(), byRule: z.record(z.string(), z.number().int()) }),
    }),
  }),
  'analysis.findings': operation({
    summary: 'A stored analysis run (the latest unless named) and its findings, optionally of one type.',
    scope: 'workspace',
    input: z.object({ runId: z.number().int().min(1).optional(), type: z.string().optional() }),
    output: analysisRun,
  }),
  'accounts.link': operation({
    summary: 'Link an account to an identity by hand, for every snapshot of its system; wins over automatic correlation.',
    scope: 'workspace',
    input: z.object({ system: systemName, account: accountName, employeeId }),
    output: accountDecision,
  }),
  'accounts.unlink': operation({
    summary: 'Decide that an account belongs to no identity, whatever the automatic rules would match.',
    scope: 'workspace',
    input: z.object({ system: systemName, account: accountName }),
    output: accountDecision,
  }),
  'accounts.mark': operation({
    summary: 'Mark an account as a service account owned by an identity, or as a shared account.',
    scope: 'workspace',
    input: z
      .object({ system: systemName, account: accountName, serviceOwner: employeeId.optional(), shared: z.boolean().optional() })
      .refine((v) => (v.serviceOwner !== undefined) !== (v.shared === true), { message: 'give exactly one of serviceOwner and shared' }),
    output: accountDecision,
  }),
  'accounts.decisions': operation({
    summary: 'Every decision a person made about an account (link, unlink, service owner, shared), by system.',
    scope: 'workspace',
    input: z.object({}),
    output: z.object({ decisions: z.array(storedAccountDecision) }),
  }),
  'accounts.forget': operation({
    summary: "Forget a person's decision about an account: the automatic correlation rules decide it again.",
    scope: 'workspace',
    input: z.object({ system: systemName, account: accountName }),
    output: storedAccountDecision,
  }),
  ...campaignContract,
  ...evidenceOperations,
  ...filesOperations,
  ...secretOperations,
  ...browseOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
