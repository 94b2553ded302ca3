import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { currentPicture } from './current-picture.js';
import { evaluateSodRules, type SideEvidence } from './evaluate-sod.js';
import { storedFindings, type FindingProvider } from './finding-provider.js';
import { loadRules } from './rule-store.js';
import { sodDate, today } from './sod-dates.js';
import { describeEvidence, describeOwners, type EvidenceRow } from './violation-report.js';
import { statusJudge, type ViolationStatus } from './violation-status.js';

export interface ReportedViolation {
  ruleId: string;
  ruleName: string;
  risk: string;
  /** The HR employee id; null when the owner is an uncorrelated account standing for itself. */
  identity: string | null;
  owner: { key: string; name: string };
  accounts: { system: string; account: string }[];
  grants: EvidenceRow[];
  status: ViolationStatus;
  controls: string[];
  exceptionId: number | null;
  firstSeen: string;
  lastSeen: string;
}

export interface SodRunResult {
  runId: number;
  asOf: string;
  snapshots: { id: number; system: string; asOf: string }[];
  rules: number;
  grantsRead: number;
  counts: { violations: number; open: number; mitigated: number; excepted: number };
  violations: ReportedViolation[];
  warnings: string[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueAccounts(grants: readonly EvidenceRow[]): { system: string; account: string }[] {
  const seen = new Map<string, { system: string; account: string }>();
  for (const g of grants) seen.set(`${g.system}\u0000${g.account}`, { system: g.system, account: g.account });
  return [...seen.values()].sort((a, b) => compareText(a.system, b.system) || compareText(a.account, b.account));
}

/**
 * Evaluates every rule over each system's newest snapshot (as of `asOf`, a date, when given) and
 * stores the run, its violations, their status and evidence, with one audit event. Exceptions are
 * judged on the run's date: `asOf`, or today.
 */
export function runSod(ws: Workspace, request: { asOf?: string | undefined; operator: string }, provider?: FindingProvider): SodRunResult {
  const asOf = request.asOf === undefined ? null : sodDate(request.asOf, '--as-of');
  const findings = provider ?? storedFindings(ws.db, asOf);
  const rules = loadRules(ws.db);
  if (rules.length === 0) throw new AttestError('UNKNOWN_SOD_RULE', 'There are no SoD rules in this workspace yet. Import some with "attest sod import FILE" or "attest sod import --starter", then run again.');
  const picture = currentPicture(ws.db, asOf);
  const evaluation = evaluateSodRules(ws.db, picture, rules, findings);
  const owners = describeOwners(ws.db, evaluation.owners, evaluation.violations.map((v) => v.owner));
  const onDate = asOf ?? today();
  const judge = statusJudge(ws.db, onDate);
  const earliest = ws.db.prepare('SELECT min(first_seen) FROM sod_violations WHERE rule_key = ? AND owner_key = ?').pluck();
  // Names for all evidence in one pass, then handed back to each violation in order.
  const described = describeEvidence(ws.db, evaluation.violations.flatMap((v) => v.evidence));
  let offset = 0;
  const pairs = evaluation.violations.map((v) => {
    const rule = rules[v.rule]!;
    const owner = owners.get(v.owner) ?? { key: `owner:${v.owner}`, identity: null, name: '' };
    const grants = described.slice(offset, (offset += v.evidence.length)).sort(
      (a, b) => compareText(a.side, b.side) || compareText(a.system, b.system) || compareText(a.account, b.account) || compareText(a.entitlement ?? a.finding ?? '', b.entitlement ?? b.finding ?? ''),
    );
    const seen = grants.reduce((latest, g) => (g.asOf.slice(0, 10) > latest ? g.asOf.slice(0, 10) : latest), '');
    const before = earliest.get(rule.id, owner.key) as string | null;
    const report: ReportedViolation = {
      ruleId: rule.id,
      ruleName: rule.name,
      risk: rule.risk,
      identity: owner.identity,
      owner: { key: owner.key, name: owner.name },
      accounts: uniqueAccounts(grants),
      grants,
      ...judge(rule.id, owner.key),
      firstSeen: before !== null && before < seen ? before : seen,
      lastSeen: seen,
    };
    return { report, evidence: v.evidence };
  });
  pairs.sort((a, b) => compareText(a.report.ruleId, b.report.ruleId) || compareText(a.report.owner.key, b.report.owner.key));
  const violations = pairs.map((p) => p.report);
  const counts = { violations: violations.length, open: 0, mitigated: 0, excepted: 0 };
  for (const v of violations) counts[v.status] += 1;
  const snapshots = picture.access.map((s) => ({ id: s.id, system: s.system, asOf: s.asOf }));
  const warnings = [...evaluation.compiled.unknownSystems.values()].map((s) => `No snapshot of a system named "${s}" is in the workspace: rule sides naming it cannot hold. Import it, or retarget the rules.`);
  const namesFindings = rules.some((r) => r.sides.some((side) => side.alternatives.some((a) => a.matchers.some((m) => m.kind === 'finding'))));
  if (namesFindings && findings.source === null) warnings.push('Rules name findings (privileged, leaver…) but no analysis has been run as of this date: those sides cannot hold. Run "attest analyze" first.');
  const runId = ws.change(
    request.operator,
    'sod.run',
    () => storeRun(ws, { onDate, operator: request.operator, rules: rules.length, owners: evaluation.ownersWithTerms, grants: evaluation.grantsRead, snapshots }, pairs),
    (id) => ({ runId: id, asOf: onDate, counts, snapshots: snapshots.map((s) => s.id) }),
  ).result;
  return { runId, asOf: onDate, snapshots, rules: rules.length, grantsRead: evaluation.grantsRead, counts, violations, warnings };
}

function storeRun(
  ws: Workspace,
  run: { onDate: string; operator: string; rules: number; owners: number; grants: number; snapshots: { id: number }[] },
  violations: readonly { report: ReportedViolation; evidence: readonly SideEvidence[] }[],
): number {
  const runId = Number(
    ws.db
      .prepare('INSERT INTO sod_runs (as_of, run_at, run_by, rules, owners, grants, snapshots) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(run.onDate, new Date().toISOString(), run.operator, run.rules, run.owners, run.grants, JSON.stringify(run.snapshots.map((s) => s.id))).lastInsertRowid,
  );
  const insertViolation = ws.db.prepare(
    'INSERT INTO sod_violations (run_id, rule_key, owner_key, status, controls, exception_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Evidence rows go in by the thousand through json_each: one statement instead of one per row.
  const insertEvidence = ws.db.prepare(
    `INSERT INTO sod_evidence (violation_id, side, snapshot_id, account_id, entitlement_id, finding)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
  );
  let rows: unknown[][] = [];
  const flush = (): void => {
    if (rows.length > 0) insertEvidence.run(JSON.stringify(rows));
    rows = [];
  };
  for (const { report: v, evidence } of violations) {
    const id = Number(insertViolation.run(runId, v.ruleId, v.owner.key, v.status, v.controls.length > 0 ? JSON.stringify(v.controls) : null, v.exceptionId, v.firstSeen, v.lastSeen).lastInsertRowid);
    for (const e of evidence) rows.push([id, e.side, e.snapshotId, e.accountId, e.entitlementId, e.finding]);
    if (rows.length >= 4096) flush();
  }
  flush();
  return runId;
}
