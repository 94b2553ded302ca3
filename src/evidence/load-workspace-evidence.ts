import type Database from 'better-sqlite3-multiple-ciphers';
import { verifyAuditChain, type AuditVerification } from '../audit/audit-log.js';
import { readAnalysisRun } from '../identity/stored-findings.js';
import { listSnapshots } from '../ingest/snapshot-list.js';
import { controlDescriptions } from '../sod/controls.js';
import type { CampaignEvidence } from './campaign-evidence.js';
import type { AuditEvidence, FindingsEvidence, SnapshotEvidence, SodEvidence, SodViolationEvidence } from './pack-data.js';

/** The snapshots a pack rests on: the campaign's (and its HR roster), or the current picture. */
export function loadSnapshotEvidence(db: Database.Database, campaign: CampaignEvidence | null): SnapshotEvidence[] {
  const ids = new Set<number>(
    campaign === null
      ? (db.prepare('SELECT id FROM latest_snapshots').pluck().all() as number[])
      : [...campaign.reconciliation.map((r) => r.snapshotId), ...(campaign.launch?.hrSnapshotId ? [campaign.launch.hrSnapshotId] : [])],
  );
  return listSnapshots(db)
    .filter((s) => ids.has(s.id))
    .sort((a, b) => (a.content === b.content ? a.system.localeCompare(b.system, 'en') || a.id - b.id : a.content === 'identities' ? -1 : 1))
    .map(({ evidence: _evidence, sources, ...snapshot }) => ({ ...snapshot, sources: sources.map((f) => ({ fileName: f.fileName, sha256: f.sha256, sizeBytes: f.sizeBytes })) }));
}

const DECISION_WORDS: Record<string, (employeeId: string | null) => string> = {
  link: (e) => `Linked by hand to ${e ?? '?'}`,
  unlink: () => 'Classified: belongs to no identity',
  service: (e) => `Classified: service account owned by ${e ?? '?'}`,
  shared: () => 'Classified: shared account',
};

/** The newest analysis run's findings, each with what became of it. */
export function loadFindingsEvidence(db: Database.Database, campaign: CampaignEvidence | null): FindingsEvidence | null {
  if (db.prepare('SELECT 1 FROM analysis_runs LIMIT 1').get() === undefined) return null;
  const run = readAnalysisRun(db);
  const decisions = new Map(
    (db.prepare('SELECT y.name AS system, d.account_key AS key, d.decision, d.employee_id AS employeeId FROM account_decisions d JOIN systems y ON y.id = d.system_id').all() as { system: string; key: string; decision: string; employeeId: string | null }[]).map((d) => [`${d.system}\u0000${d.key}`, d]),
  );
  const outcomes = new Map<string, string>();
  for (const item of campaign?.items ?? []) {
    const key = `${item.system}\u0000${item.accountKey}`;
    const word = item.outcome === 'revoke' ? 'revoked' : item.outcome === 'keep' ? 'kept' : 'pending';
    // One revoke among an account's items is what an auditor looks for first.
    if (outcomes.get(key) !== 'revoked') outcomes.set(key, word);
  }
  return {
    runId: run.runId, asOf: run.asOf, createdAt: run.createdAt, createdBy: run.createdBy, counts: run.counts,
    findings: run.findings.map((f) => {
      const key = `${f.system}\u0000${f.accountKey}`;
      const decided = decisions.get(key);
      const reviewed = outcomes.get(key);
      const disposition = reviewed !== undefined ? `Campaign: access ${reviewed}` : decided ? DECISION_WORDS[decided.decision]!(decided.employeeId) : 'Open';
      return { type: f.type, system: f.system, account: f.account, identity: f.identity, detail: f.detail, disposition };
    }),
  };
}

interface ViolationRow {
  id: number;
  rule_key: string;
  owner_key: string;
  status: SodViolationEvidence['status'];
  controls: string | null;
  exception_id: number | null;
  first_seen: string;
  name: string | null;
  risk: string | null;
}

/** The newest SoD run: its violations with their evidence, controls and exceptions. */
export function loadSodEvidence(db: Database.Database): SodEvidence | null {
  const run = db.prepare('SELECT id, as_of, run_at, run_by, rules FROM sod_runs ORDER BY id DESC LIMIT 1').get() as { id: number; as_of: string; run_at: string; run_by: string; rules: number } | undefined;
  if (!run) return null;
  const rows = db
    .prepare(`SELECT v.id, v.rule_key, v.owner_key, v.status, v.controls, v.exception_id, v.first_seen, r.name, r.risk
      FROM sod_violations v LEFT JOIN sod_rules r ON r.rule_key = v.rule_key WHERE v.run_id = ? ORDER BY v.rule_key, v.owner_key`)
    .all(run.id) as ViolationRow[];
  const evidence = db.prepare(
    `SELECT e.side, y.name AS system, a.login, n.name AS entitlement, e.finding FROM sod_evidence e
     JOIN accounts a ON a.id = e.account_id JOIN snapshots s ON s.id = a.snapshot_id JOIN systems y ON y.id = s.system_id
     LEFT JOIN entitlements n ON n.id = e.entitlement_id WHERE e.violation_id = ? ORDER BY e.side, y.name, a.login, n.name`,
  );
  const exception = db.prepare('SELECT id, approver, justification, starts_on AS "from", ends_on AS "to" FROM sod_exceptions WHERE id = ?');
  const ownerName = db.prepare(
    "SELECT coalesce(display_name, email, employee_id) FROM identities WHERE employee_id = ? AND snapshot_id IN (SELECT id FROM latest_snapshots WHERE content = 'identities') LIMIT 1",
  ).pluck();
  const controls = controlDescriptions(db);
  const violations = rows.map((v): SodViolationEvidence => {
    const identity = v.owner_key.startsWith('identity:') ? v.owner_key.slice('identity:'.length) : null;
    const name = identity === null ? v.owner_key.split(':').slice(2).join(':') : ((ownerName.get(identity) as string | undefined) ?? identity);
    const pieces = evidence.all(v.id) as { side: string; system: string; login: string; entitlement: string | null; finding: string | null }[];
    return {
      ruleId: v.rule_key, ruleName: v.name ?? v.rule_key, risk: v.risk ?? '', owner: name, identity, status: v.status,
      evidence: pieces.map((p) => `${p.side}: ${p.system} ${p.login} → ${p.entitlement ?? `finding ${p.finding ?? ''}`}`),
      controls: ((v.controls === null ? [] : JSON.parse(v.controls)) as string[]).map((id) => ({ id, description: controls.get(id.toLowerCase()) ?? id })),
      exception: v.exception_id === null ? null : ((exception.get(v.exception_id) as SodViolationEvidence['exception']) ?? null),
      firstSeen: v.first_seen,
    };
  });
  const counts = { violations: violations.length, open: 0, mitigated: 0, excepted: 0 };
  for (const v of violations) counts[v.status] += 1;
  return { runId: run.id, asOf: run.as_of, runAt: run.run_at, runBy: run.run_by, rules: run.rules, counts, violations };
}

/** The audit trail's figures; `chain` is the verdict when the caller has just checked it (a pack, as it attached the trail). */
export function loadAuditEvidence(db: Database.Database, chain: AuditVerification = verifyAuditChain(db)): AuditEvidence {
  const span = db.prepare('SELECT min(at) AS firstAt, max(at) AS lastAt FROM audit_events').get() as { firstAt: string | null; lastAt: string | null };
  const byAction = db.prepare('SELECT action, count(*) AS count FROM audit_events GROUP BY action ORDER BY count DESC, action').all() as { action: string; count: number }[];
  return { events: chain.events, head: chain.head, ok: chain.ok, firstBadSeq: chain.firstBadSeq, firstAt: span.firstAt, lastAt: span.lastAt, byAction };
}
