import { z } from 'zod';

/** The campaign operations of the API contract (spread into `contract` in contract.ts). */

const campaignId = z.number().int().positive();
const itemId = z.number().int().positive();
const email = z.string().trim().min(3, 'a reviewer e-mail is required').max(320);
const text = z.string().max(4000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const decision = z.enum(['keep', 'revoke']);
const outcome = z.enum(['pending', 'keep', 'revoke']);
const path = z.string().min(1, 'a path is required');
const state = z.enum(['draft', 'launched', 'closed']);
const reviewerRule = z.enum(['manager', 'owner', 'entitlement-owner', 'fallback']);

const reconciliation = z.object({ system: z.string(), snapshotId: z.number().int(), snapshotSha256: z.string(), snapshotAsOf: z.string(), grants: z.number().int(), items: z.number().int(), excluded: z.number().int() });
const launchPreview = z.object({
  campaignId: z.number().int(),
  items: z.number().int(),
  populationSha256: z.string(),
  reconciliation: z.array(reconciliation),
  unresolved: z.array(z.object({ system: z.string(), account: z.string(), entitlement: z.string(), employeeId: z.string().nullable(), stage: z.number().int(), reason: z.string() })),
  warnings: z.array(z.string()),
  reviewers: z.array(z.object({ reviewer: z.string(), items: z.number().int() })),
});

export const campaignItem = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  reviewer: z.string(),
  identity: z.string().nullable(),
  account: z.string(),
  system: z.string(),
  entitlement: z.string(),
  decision: decision.nullable(),
  outcome,
  stage: z.number().int().nullable(),
  comment: z.string().nullable(),
  accountKey: z.string(),
  entitlementKey: z.string(),
  entitlementDescription: z.string().nullable(),
  accountStatus: z.string(),
  lastLogin: z.string().nullable(),
  privileged: z.boolean(),
  person: z.object({ employeeId: z.string(), name: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable(), department: z.string().nullable(), manager: z.string().nullable(), status: z.string().nullable() }).nullable(),
  findings: z.array(z.string()),
  previousDecision: z.string().nullable(),
  stages: z.array(
    z.object({
      stage: z.number().int(), reviewer: z.string(), routedTo: z.string(), rule: reviewerRule, note: z.string().nullable(), decision: decision.nullable(),
      comment: z.string().nullable(), decidedAt: z.string().nullable(), channel: z.enum(['app', 'workbook', 'cli', 'no-response-default']).nullable(), recordedBy: z.string().nullable(),
    }),
  ),
});

/** What `campaigns.undo` takes back (and `campaigns.undoable` names before it does). */
const undoneAccess = { account: z.string(), system: z.string(), entitlement: z.string() };

const tally = { pending: z.number().int(), kept: z.number().int(), revoked: z.number().int() };
const filter = {
  system: z.string().trim().min(1).max(200).optional(),
  entitlement: z.string().trim().min(1).max(2000).optional(),
  finding: z.string().trim().min(1).max(200).optional(),
};

export const campaignContract = {
  'campaigns.create': {
    summary: 'Create a certification campaign (a draft): type, scope, stages with their reviewer rules, due date, fallback reviewer, options.',
    scope: 'workspace',
    input: z.object({
      name: z.string().trim().min(1, 'name the campaign').max(200),
      type: z.enum(['manager', 'owner', 'entitlement-owner', 'privileged']),
      systems: z.array(z.string().trim().min(1).max(200)).optional(),
      entitlements: z.array(z.string().trim().min(1).max(2000)).optional(),
      privilegedOnly: z.boolean().optional(),
      newAccessOnly: z.boolean().optional(),
      stages: z.array(reviewerRule).min(1, 'at least one stage').max(3, 'at most 3 stages').optional(),
      due: day.optional(),
      fallback: email.optional(),
      justify: z.array(decision).optional(),
      noResponse: z.enum(['none', 'revoke', 'keep']).optional(),
      staleDays: z.number().int().min(1).max(3650).optional(),
    }),
    output: z.object({ campaignId: z.number().int() }),
  },
  'campaigns.list': {
    summary: 'The campaigns in the workspace with their state.',
    scope: 'workspace',
    input: z.object({}),
    output: z.object({ campaigns: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string(), state, dueOn: z.string().nullable(), createdAt: z.string(), items: z.number().int(), decided: z.number().int() })) }),
  },
  'campaigns.setOwner': {
    summary: 'Set who owns a system, or the entitlements matching a name or glob, for owner reviews.',
    scope: 'workspace',
    input: z.object({ system: z.string().trim().min(1).max(200), entitlement: z.string().trim().min(1).max(2000).optional(), reviewer: email }),
    output: z.object({ system: z.string(), entitlement: z.string().nullable(), reviewer: z.string() }),
  },
  'campaigns.preview': {
    summary: 'What launching now would freeze: item count, reviewers, items no rule can route, stale snapshots. Writes nothing.',
    scope: 'workspace',
    input: z.object({ campaignId }),
    output: launchPreview,
  },
  'campaigns.launch': {
    summary: 'Freeze the population (items with context, reviewers, population hash, reconciliation); refused while any item has no reviewer.',
    scope: 'workspace',
    input: z.object({ campaignId }),
    output: launchPreview.extend({ launchedAt: z.string() }),
  },
  'campaigns.items': {
    summary: "A campaign's items with their context, reviewers and decisions, optionally filtered.",
    scope: 'workspace',
    input: z.object({ campaignId, reviewer: email.optional(), outcome: outcome.optional(), ...filter }),
    output: z.object({ items: z.array(campaignItem) }),
  },
  'campaigns.itemsPage': {
    summary:
      "One page of a campaign's items (ordinal order) with the count of all that match: by the reviewer they wait for (or who settled them), outcome, system, text; or by state (with a reviewer: pending for them, decided by them, or all of theirs), with the count in each state; or one item by id.",
    scope: 'workspace',
    input: z.object({
      campaignId, reviewer: email.optional(), outcome: outcome.optional(), system: filter.system, text: z.string().max(200).optional(),
      state: z.enum(['pending', 'decided', 'all']).optional(), itemId: itemId.optional(),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.object({ total: z.number().int(), offset: z.number().int(), counts: z.object({ pending: z.number().int(), decided: z.number().int() }).nullable(), rows: z.array(campaignItem) }),
  },
  'campaigns.decide': {
    summary: "Record keep or revoke on one item by its reviewer (a changed decision supersedes the earlier one); audited.",
    scope: 'workspace',
    input: z.object({ campaignId, itemId, decision, reviewer: email, comment: text.optional(), secondsSpent: z.number().int().min(0).max(86_400).optional(), channel: z.enum(['app', 'cli']).default('app') }),
    output: z.object({ itemId: z.number().int(), decision, stage: z.number().int(), decisionId: z.number().int(), supersedes: z.number().int().nullable() }),
  },
  'campaigns.undo': {
    summary:
      "Take back the reviewer's newest decision on an item (without an item: their most recent decision in the campaign that can still be taken back): a superseding row restores what was in force before (their earlier decision, or the stage waiting again); audited.",
    scope: 'workspace',
    input: z.object({ campaignId, itemId: itemId.optional(), reviewer: email, channel: z.enum(['app', 'cli']).default('app') }),
    output: z.object({ itemId: z.number().int(), stage: z.number().int(), undone: z.number().int(), decision, decisionId: z.number().int(), restored: decision.nullable(), ...undoneAccess }),
  },
  'campaigns.undoable': {
    summary: "The reviewer's most recent decision in the campaign that campaigns.undo without an item would take back (null when none). Writes nothing.",
    scope: 'workspace',
    input: z.object({ campaignId, reviewer: email }),
    output: z.object({
      undoable: z.object({ itemId: z.number().int(), stage: z.number().int(), decisionId: z.number().int(), decision, decidedAt: z.string(), restores: decision.nullable(), ...undoneAccess }).nullable(),
    }),
  },
  'campaigns.bulkDecide': {
    summary: "One decision over a reviewer's pending items matching a filter; without expectedCount only counts them, with a count that differs it is refused.",
    scope: 'workspace',
    input: z.object({ campaignId, reviewer: email, decision, comment: text.optional(), expectedCount: z.number().int().min(0).optional(), channel: z.enum(['app', 'cli']).default('app'), ...filter }),
    output: z.object({ matched: z.number().int(), applied: z.number().int() }),
  },
  'campaigns.reassign': {
    summary: "Hand an item's waiting stage to another reviewer, with a reason (never to its subject or another stage's reviewer).",
    scope: 'workspace',
    input: z.object({ campaignId, itemId, reviewer: email, to: email, reason: z.string().trim().min(1, 'give a reason').max(2000), channel: z.enum(['app', 'cli']).default('app') }),
    output: z.object({ itemId: z.number().int(), stage: z.number().int(), reviewer: z.string() }),
  },
  'campaigns.status': {
    summary: 'Progress per reviewer and per system, overdue reviewers, reconciliation and remediation completeness.',
    scope: 'workspace',
    input: z.object({ campaignId }),
    output: z.object({
      campaignId: z.number().int(),
      name: z.string(),
      type: z.string(),
      state,
      dueOn: z.string().nullable(),
      overdue: z.boolean(),
      items: z.number().int(),
      decided: z.number().int(),
      kept: z.number().int(),
      revoked: z.number().int(),
      pending: z.number().int(),
      populationSha256: z.string().nullable(),
      scope: z.object({ systems: z.array(z.string()), entitlements: z.array(z.string()), privilegedOnly: z.boolean(), newAccessOnly: z.boolean() }),
      stages: z.array(reviewerRule),
      fallback: z.string().nullable(),
      options: z.object({ justify: z.array(decision), noResponse: z.enum(['none', 'revoke', 'keep']), staleDays: z.number().int() }),
      byReviewer: z.array(z.object({ reviewer: z.string(), overdue: z.boolean(), ...tally })),
      bySystem: z.array(z.object({ system: z.string(), ...tally })),
      reconciliation: z.array(reconciliation),
      remediation: z.object({ verified: z.number().int(), stillPresent: z.number().int(), pending: z.number().int() }),
    }),
  },
  'campaigns.reminders': {
    summary: 'Write one e-mail draft (.eml) per reviewer who still owes decisions into a folder.',
    scope: 'workspace',
    input: z.object({ campaignId, dir: path }),
    output: z.object({ files: z.array(z.object({ reviewer: z.string(), path: z.string(), pending: z.number().int() })) }),
  },
  'campaigns.workbooks': {
    summary: 'Write one reviewer workbook (.xlsx) per reviewer with pending items, each row and the workbook signed with the campaign key.',
    scope: 'workspace',
    input: z.object({ campaignId, dir: path }),
    output: z.object({ files: z.array(z.string()), workbooks: z.array(z.object({ reviewer: z.string(), path: z.string(), items: z.number().int(), sha256: z.string() })) }),
  },
  'campaigns.applyWorkbook': {
    summary: 'Apply the decisions of a returned reviewer workbook; every row that was added, removed, edited outside Decision/Comment or is from another workbook is rejected and named.',
    scope: 'workspace',
    input: z.object({ campaignId, path }),
    output: z.object({
      reviewer: z.string(),
      applied: z.number().int(),
      unchanged: z.number().int(),
      blank: z.number().int(),
      appliedItems: z.array(z.object({ row: z.number().int(), itemId: z.number().int(), decision })),
      rejected: z.array(z.object({ row: z.number().int(), itemId: z.number().int().nullable(), reason: z.string() })),
    }),
  },
  'campaigns.close': {
    summary: 'Close a campaign: apply the no-response default (recorded), freeze the decisions, count the revocations.',
    scope: 'workspace',
    input: z.object({ campaignId }),
    output: z.object({ campaignId: z.number().int(), closedAt: z.string(), defaultsApplied: z.number().int(), undecided: z.number().int(), revocations: z.number().int(), kept: z.number().int() }),
  },
  'campaigns.remediation': {
    summary: 'The remediation list (one line per revoked grant, with its verification against newer snapshots), optionally written to a new .csv or .xlsx.',
    scope: 'workspace',
    input: z.object({ campaignId, path: path.optional() }),
    output: z.object({
      path: z.string().nullable(),
      lines: z.array(
        z.object({
          itemId: z.number().int(), system: z.string(), account: z.string(), accountKey: z.string(), entitlement: z.string(), entitlementKey: z.string(), identity: z.string().nullable(),
          reviewer: z.string(), decidedAt: z.string(), justification: z.string().nullable(), verification: z.enum(['verified-removed', 'still-present', 'pending']),
          verifiedBy: z.object({ snapshotId: z.number().int(), asOf: z.string() }).nullable(),
        }),
      ),
      counts: z.object({ verified: z.number().int(), stillPresent: z.number().int(), pending: z.number().int() }),
    }),
  },
} as const satisfies Record<string, { summary: string; scope: 'workspace'; input: z.ZodType; output: z.ZodType }>;
