import { z } from 'zod';
import { operation } from './operation.js';

/**
 * Read operations for the workstation's screens: summaries and pages. Every list is paged and
 * searched in SQL (`offset`, `limit`, `total`), so a 100k-row population never crosses whole.
 */
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
const pageOf = <T extends z.ZodType>(row: T) => ({ total: z.number().int(), offset: z.number().int(), rows: z.array(row) });
const search = z.string().max(200).optional();
const count = z.number().int();
const riskCounts = z.array(z.object({ risk: z.string(), open: count, mitigated: count, excepted: count }));
const sodRunHead = z.object({ runId: count, asOf: z.string(), runAt: z.string(), runBy: z.string() });
const finding = z.object({ type: z.string(), system: z.string(), account: z.string(), accountKey: z.string(), identity: z.string().nullable(), detail: z.string() });
const identityRow = z.object({
  employeeId: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string(),
  terminationDate: z.string().nullable(),
});
const violation = z.object({
  id: count,
  ruleId: z.string(),
  ruleName: z.string(),
  risk: z.string(),
  ownerKey: z.string(),
  ownerName: z.string(),
  identity: z.string().nullable(),
  status: z.string(),
  controls: z.array(z.string()),
  exceptionId: count.nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
const settings = z.object({
  /** Who the audit trail names; empty: the computer's user name. */
  operator: z.string().trim().max(200),
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  staleDays: z.number().int().min(1).max(3650),
  /** The analysis's dormant-account threshold when a run does not give one. */
  dormantDays: z.number().int().min(1).max(36_500),
});
const hrSnapshot = z.object({ id: count, system: z.string(), asOf: z.string() });

export const browseOperations = {
  'dashboard.summary': operation({
    summary: "The dashboard: counts, each system's newest snapshot and its age, findings by type (newest analysis), SoD violations by risk (newest run).",
    scope: 'workspace',
    input: z.object({}),
    output: z.object({
      counts: z.object({ systems: count, snapshots: count, identities: count, accounts: count, entitlements: count, grants: count, campaigns: count, auditEvents: count }),
      staleDays: count,
      systems: z.array(
        z.object({
          system: z.string(),
          kind: z.string(),
          snapshots: count,
          latest: z.object({ id: count, content: z.string(), asOf: z.string(), importedAt: z.string(), rowsImported: count, rowsRejected: count, complete: z.boolean() }).nullable(),
          ageDays: count.nullable(),
          stale: z.boolean(),
        }),
      ),
      findings: z.object({ runId: count, asOf: z.string(), createdAt: z.string(), counts: z.record(z.string(), count) }).nullable(),
      sod: sodRunHead.extend({ byRisk: riskCounts }).nullable(),
    }),
  }),
  'identities.search': operation({
    summary: 'A page of the newest HR snapshot’s identities: search (id, name, e-mail), status and department filters.',
    scope: 'workspace',
    input: z.object({ search, status: z.enum(['active', 'leave', 'terminated']).optional(), department: z.string().max(200).optional(), facets: z.boolean().optional(), ...paging }),
    output: z.object({ snapshot: hrSnapshot.nullable(), departments: z.array(z.string()), ...pageOf(identityRow) }),
  }),
  'identities.show': operation({
    summary: 'One identity with its accounts and entitlements across systems, its findings and its SoD violations.',
    scope: 'workspace',
    input: z.object({ employeeId: z.string().trim().min(1, 'an employee id is required').max(200) }),
    output: z.object({
      identity: identityRow.extend({ managerEmployeeId: z.string().nullable(), location: z.string().nullable(), hireDate: z.string().nullable() }),
      hrSnapshot,
      accounts: z.array(
        z.object({
          system: z.string(),
          snapshotId: count,
          asOf: z.string(),
          accountKey: z.string(),
          login: z.string(),
          status: z.string(),
          accountType: z.string(),
          privileged: z.boolean(),
          lastLogin: z.string().nullable(),
          matchedBy: z.string().nullable(),
          entitlements: z.array(z.object({ name: z.string(), type: z.string(), privileged: z.boolean(), via: z.string().nullable() })),
        }),
      ),
      findings: z.array(finding.extend({ runId: count })),
      violations: z.array(violation),
    }),
  }),
  'accounts.search': operation({
    summary: "A page of the accounts in each system's newest snapshot: search (login, name, e-mail, employee id), system, status and privileged filters.",
    scope: 'workspace',
    input: z.object({ search, system: z.string().max(200).optional(), status: z.enum(['enabled', 'disabled']).optional(), privileged: z.boolean().optional(), ...paging }),
    output: z.object({
      systems: z.array(z.string()),
      ...pageOf(
        z.object({
          system: z.string(),
          snapshotId: count,
          accountKey: z.string(),
          login: z.string(),
          displayName: z.string().nullable(),
          email: z.string().nullable(),
          employeeId: z.string().nullable(),
          status: z.string(),
          accountType: z.string(),
          privileged: z.boolean(),
          lastLogin: z.string().nullable(),
          grants: count,
        }),
      ),
    }),
  }),
  'findings.page': operation({
    summary: 'A page of a stored analysis run’s findings (the newest unless named): type, system and text filters.',
    scope: 'workspace',
    input: z.object({ runId: z.number().int().min(1).optional(), type: z.string().max(100).optional(), system: z.string().max(200).optional(), search, ...paging }),
    output: z.object({
      runId: count,
      asOf: z.string(),
      createdAt: z.string(),
      createdBy: z.string(),
      counts: z.record(z.string(), count),
      systems: z.array(z.string()),
      ...pageOf(finding),
    }),
  }),
  'sod.violations': operation({
    summary: 'A page of a stored SoD run’s violations (the newest unless named), worst risk first: risk, status and text filters.',
    scope: 'workspace',
    input: z.object({
      runId: z.number().int().min(1).optional(),
      risk: z.enum(['critical', 'high', 'medium', 'low']).optional(),
      status: z.enum(['open', 'mitigated', 'excepted']).optional(),
      search,
      ...paging,
    }),
    output: z.object({ run: sodRunHead.nullable(), byRisk: riskCounts, ...pageOf(violation) }),
  }),
  'sod.violation': operation({
    summary: 'One stored SoD violation: the grants on each side, its controls and its exception.',
    scope: 'workspace',
    input: z.object({ id: z.number().int().min(1) }),
    output: violation.extend({
      runId: count,
      grants: z.array(z.object({ side: z.string(), system: z.string(), account: z.string(), entitlement: z.string().nullable(), finding: z.string().nullable(), snapshotId: count, asOf: z.string() })),
      controlDetails: z.array(z.object({ id: z.string(), description: z.string() })),
      exception: z.object({ id: count, approver: z.string(), justification: z.string(), from: z.string(), to: z.string(), grantedBy: z.string(), grantedAt: z.string() }).nullable(),
    }),
  }),
  'import.preview': operation({
    summary: "A file's first rows as written and the fields a profile reads, for mapping columns by hand (nothing is imported).",
    scope: 'none',
    input: z.object({ path: z.string().min(1, 'a file path is required'), sheet: z.string().optional(), profile: z.string().optional(), rows: z.number().int().min(1).max(100).default(10) }),
    output: z.object({
      kind: z.string(),
      header: z.array(z.string()).nullable(),
      rows: z.array(z.object({ line: count, cells: z.array(z.string()) })),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheet: z.string().nullable(),
      notes: z.array(z.string()),
      fields: z.array(z.object({ name: z.string(), required: z.boolean() })),
    }),
  }),
  'settings.get': operation({
    summary: 'The workspace’s settings (operator name, auto-lock idle time, stale-snapshot age, dormant threshold).',
    scope: 'workspace',
    input: z.object({}),
    output: settings,
  }),
  'settings.update': operation({
    summary: 'Change some of the workspace’s settings (audited).',
    scope: 'workspace',
    input: settings.partial(),
    output: settings,
  }),
};
