/**
 * The read model of campaigns: what other features (evidence packs, the UI, sampling) read.
 * Every function here only reads; items, reviewers and decisions are append-only, and an item's
 * state (its current stage, reviewer and outcome) is derived from the newest decision per stage.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Decision, DecisionChannel, ItemOutcome, ReviewerRule } from './campaign-model.js';
import type { Reconciliation } from './build-population.js';
import { grantKey } from './item-context.js';

export interface StageReviewer {
  stage: number;
  /** Who the stage is with now: the routed reviewer, or whom it was last reassigned to. */
  reviewer: string;
  /** Who it was routed to at launch, by which rule, and why (a re-route's reason). */
  routedTo: string;
  rule: ReviewerRule;
  note: string | null;
  decision: Decision | null;
  comment: string | null;
  /** When the decision in force was recorded, through which channel and by which operator (null while the stage waits). */
  decidedAt: string | null;
  channel: DecisionChannel | null;
  recordedBy: string | null;
}

export interface CampaignItem {
  id: number;
  ordinal: number;
  system: string;
  snapshotId: number;
  accountKey: string;
  account: string;
  accountStatus: string;
  accountType: string;
  lastLogin: string | null;
  entitlementKey: string;
  entitlement: string;
  entitlementDescription: string | null;
  privileged: boolean;
  identity: { employeeId: string; name: string | null; email: string | null; title: string | null; department: string | null; manager: string | null; status: string | null } | null;
  findings: string[];
  previousDecision: string | null;
  stages: StageReviewer[];
  /** The stage waiting for a decision (null when the outcome is decided). */
  stage: number | null;
  /** Who the item is waiting for, or who decided it last. */
  reviewer: string;
  outcome: ItemOutcome;
  /** The decision in force that settled the outcome (or the newest one), and its comment. */
  decision: Decision | null;
  comment: string | null;
}

export interface DecisionRecord {
  id: number;
  itemId: number;
  stage: number;
  /** `withdraw`: the reviewer's undo; the stage waits again. */
  decision: Decision | 'reassign' | 'withdraw';
  reviewer: string;
  reassignedTo: string | null;
  comment: string | null;
  channel: DecisionChannel;
  recordedBy: string;
  decidedAt: string;
  secondsSpent: number | null;
  supersedes: number | null;
  /** On an undo's row: the decision it takes back (migration 011; null on every other row). */
  undoes: number | null;
}

export interface LaunchRecord {
  launchedAt: string;
  launchedBy: string;
  hrSnapshotId: number | null;
  items: number;
  populationSha256: string;
  warnings: string[];
}

/** Per system: grants in the snapshot = items in the campaign + excluded (by scope), with the snapshot's file hash. */
export type ReconciliationRecord = Reconciliation;

type ItemRow = [
  id: number, ordinal: number, system: string, snapshotId: number, accountKey: string, account: string, accountStatus: string, accountType: string, lastLogin: string | null,
  entitlementKey: string, entitlement: string, description: string | null, privileged: number, employeeId: string | null, name: string | null, email: string | null,
  title: string | null, department: string | null, manager: string | null, status: string | null, findings: string, previousDecision: string | null,
];

const ITEM_COLUMNS = `i.id, i.ordinal, i.system, i.snapshot_id, i.account_key, i.account, i.account_status, i.account_type, i.last_login, i.entitlement_key, i.entitlement,
  i.entitlement_description, i.privileged, i.employee_id, i.identity_name, i.identity_email, i.identity_title, i.identity_department, i.identity_manager, i.identity_status,
  i.findings, i.previous_decision`;

const DECISION_COLUMNS = `d.id, d.item_id AS itemId, d.stage, d.decision, d.reviewer, d.reassigned_to AS reassignedTo, d.comment, d.channel, d.recorded_by AS recordedBy,
  d.decided_at AS decidedAt, d.seconds_spent AS secondsSpent, d.supersedes, d.undoes`;

/**
 * Which items to read: a whole campaign, or some of its items by id; with `upToDecision`, as
 * the decisions stood when the newest had that id (decisions are append-only, so a reader that
 * reads in several passes sees one state throughout).
 */
export type Selection = { campaignId: number; itemIds?: readonly number[] | undefined; upToDecision?: number | undefined };

function whereItems(selection: Selection): { sql: string; params: unknown[] } {
  if (selection.itemIds === undefined) return { sql: 'i.campaign_id = ?', params: [selection.campaignId] };
  // `+` keeps SQLite from scanning the campaign's index: the ids lead.
  return { sql: '+i.campaign_id = ? AND i.id IN (SELECT value FROM json_each(?))', params: [selection.campaignId, JSON.stringify(selection.itemIds)] };
}

/** Every decision row of the selection (superseded ones included), oldest first. */
export function readDecisions(db: Database.Database, selection: Selection): DecisionRecord[] {
  const where = whereItems(selection);
  const bound = selection.upToDecision === undefined ? { sql: '', params: [] } : { sql: ' AND d.id <= ?', params: [selection.upToDecision] };
  return db.prepare(`SELECT ${DECISION_COLUMNS} FROM campaign_decisions d JOIN campaign_items i ON i.id = d.item_id WHERE ${where.sql}${bound.sql} ORDER BY d.id`).all(...where.params, ...bound.params) as DecisionRecord[];
}

type ReviewerRow = [itemId: number, stage: number, reviewer: string, rule: ReviewerRule, note: string | null];

/** What a decision row says about its item's stage (all that stages need). */
type StageDecision = Pick<DecisionRecord, 'itemId' | 'stage' | 'decision' | 'reassignedTo' | 'comment' | 'decidedAt' | 'channel' | 'recordedBy'>;

/** Each item's stages from its reviewer rows and its decision rows (oldest first): who has each now and the decision in force. */
function stagesOf(rows: Iterable<ReviewerRow>, decisions: readonly StageDecision[]): Map<number, StageReviewer[]> {
  const reviewers = new Map<number, StageReviewer[]>();
  for (const [itemId, stage, reviewer, rule, note] of rows) {
    let list = reviewers.get(itemId);
    if (list === undefined) reviewers.set(itemId, (list = []));
    list.push({ stage, reviewer, routedTo: reviewer, rule, note, decision: null, comment: null, decidedAt: null, channel: null, recordedBy: null });
  }
  // The newest row per item and stage is in force (rows are read oldest first, so later ones win).
  for (const d of decisions) {
    const s = reviewers.get(d.itemId)?.[d.stage - 1];
    if (!s) continue;
    if (d.decision === 'reassign') s.reviewer = d.reassignedTo ?? s.reviewer;
    s.decision = d.decision === 'keep' || d.decision === 'revoke' ? d.decision : null;
    s.comment = s.decision === null ? null : d.comment;
    s.decidedAt = s.decision === null ? null : d.decidedAt;
    s.channel = s.decision === null ? null : d.channel;
    s.recordedBy = s.decision === null ? null : d.recordedBy;
  }
  return reviewers;
}

/** Each item's stages: who has each now and the decision in force (the newest row per stage). */
export function readStages(db: Database.Database, selection: Selection): Map<number, StageReviewer[]> {
  const where = whereItems(selection);
  const rows = db
    .prepare(`SELECT r.item_id, r.stage, r.reviewer, r.rule, r.note FROM campaign_item_reviewers r JOIN campaign_items i ON i.id = r.item_id WHERE ${where.sql} ORDER BY r.item_id, r.stage`)
    .raw()
    .all(...where.params) as ReviewerRow[];
  return stagesOf(rows, readDecisions(db, selection));
}

/**
 * A campaign's items in population order, a page at a time, for readers that pass over a whole
 * campaign (evidence packs): each page is read whole by three range queries prepared once (the
 * items by ordinal; their reviewers and decisions by the page's id range, since a campaign's
 * items are inserted in ordinal order at launch), so no statement stays open between pages.
 * With `upToDecision`, decisions newer than it are left out: every pass sees one state.
 */
export class CampaignItemPages {
  private readonly items: Database.Statement;
  private readonly outcomes: Database.Statement;
  private readonly reviewers: Database.Statement;
  private readonly decisions: Database.Statement;
  private readonly bound: number;

  constructor(
    db: Database.Database,
    private readonly campaignId: number,
    upToDecision?: number,
  ) {
    this.items = db.prepare(`SELECT ${ITEM_COLUMNS} FROM campaign_items i WHERE i.campaign_id = ? AND i.ordinal > ? ORDER BY i.ordinal LIMIT ?`).raw();
    this.outcomes = db.prepare('SELECT i.id, i.ordinal, i.system, i.identity_email FROM campaign_items i WHERE i.campaign_id = ? AND i.ordinal > ? ORDER BY i.ordinal LIMIT ?').raw();
    this.reviewers = db.prepare('SELECT item_id, stage, reviewer, rule, note FROM campaign_item_reviewers WHERE item_id BETWEEN ? AND ? ORDER BY item_id, stage').raw();
    // `+` keeps SQLite on the item index (a page's few rows, then sorted) rather than walking every decision by id.
    this.decisions = db.prepare(
      `SELECT d.item_id AS itemId, d.stage, d.decision, d.reassigned_to AS reassignedTo, d.comment, d.decided_at AS decidedAt, d.channel, d.recorded_by AS recordedBy
       FROM campaign_decisions d WHERE d.item_id BETWEEN ? AND ? AND +d.id <= ? ORDER BY d.id`,
    );
    this.bound = upToDecision ?? Number.MAX_SAFE_INTEGER;
  }

  /** The (at most `limit`) items after `afterOrdinal`. */
  page(afterOrdinal: number, limit: number): CampaignItem[] {
    const rows = this.items.all(this.campaignId, afterOrdinal, limit) as ItemRow[];
    const stages = this.pageStages(rows);
    return rows.map((row) => toItem(row, stages.get(row[0]) ?? []));
  }

  /**
   * The same page narrowed to where each item stands (system, identity e-mail, stages, outcome):
   * a quarter of the columns, for a pass that only counts.
   */
  outcomePage(afterOrdinal: number, limit: number): ItemOutcomeRow[] {
    const rows = this.outcomes.all(this.campaignId, afterOrdinal, limit) as [number, number, string, string | null][];
    const stages = this.pageStages(rows);
    return rows.map(([id, ordinal, system, email]): ItemOutcomeRow => {
      const own = stages.get(id) ?? [];
      const { reviewer, outcome } = settle(own);
      return { id, ordinal, system, identity: email === null ? null : { email }, stages: own, reviewer, outcome };
    });
  }

  /** The page's stages, read by the page's id range. */
  private pageStages(rows: readonly (readonly [number, ...unknown[]])[]): Map<number, StageReviewer[]> {
    if (rows.length === 0) return new Map();
    let low = rows[0]![0];
    let high = low;
    for (const row of rows) {
      if (row[0] < low) low = row[0];
      if (row[0] > high) high = row[0];
    }
    // The id range holds only this page's items when ids follow ordinals; rows of other items are never looked up.
    return stagesOf(this.reviewers.all(low, high) as ReviewerRow[], this.decisions.all(low, high, this.bound) as StageDecision[]);
  }
}

/** Where an item stands, without the rest of it (CampaignItemPages.outcomePage). */
export interface ItemOutcomeRow {
  id: number;
  ordinal: number;
  system: string;
  identity: { email: string | null } | null;
  stages: StageReviewer[];
  reviewer: string;
  outcome: ItemOutcome;
}

/** Where an item stands: the stage waiting (null once settled), who it is with, its outcome. */
export interface ItemState {
  stage: number | null;
  reviewer: string;
  outcome: ItemOutcome;
  settled: StageReviewer | undefined;
}

/** An item waits at its first undecided stage, is revoked by any stage's revoke, kept when every stage keeps. */
export function settle(stages: readonly StageReviewer[]): ItemState {
  let settled: StageReviewer | undefined;
  for (const s of stages) {
    settled = s;
    if (s.decision === null) return { stage: s.stage, reviewer: s.reviewer, outcome: 'pending', settled };
    if (s.decision === 'revoke') return { stage: null, reviewer: s.reviewer, outcome: 'revoke', settled };
  }
  return { stage: null, reviewer: settled?.reviewer ?? '', outcome: 'keep', settled };
}

/** Where each item of a campaign stands, in ordinal order, without reading the items whole (counts, filters, progress). */
export function readItemStates(db: Database.Database, campaignId: number): (ItemState & { id: number; system: string })[] {
  const stages = readStages(db, { campaignId });
  const rows = db.prepare('SELECT id, system FROM campaign_items WHERE campaign_id = ? ORDER BY ordinal').raw().all(campaignId) as [number, string][];
  return rows.map(([id, system]) => ({ id, system, ...settle(stages.get(id) ?? []) }));
}

/** Items with their state now, in ordinal order. */
export function readItems(db: Database.Database, selection: Selection): CampaignItem[] {
  const where = whereItems(selection);
  const rows = db.prepare(`SELECT ${ITEM_COLUMNS} FROM campaign_items i WHERE ${where.sql} ORDER BY i.ordinal`).raw().all(...where.params) as ItemRow[];
  const stages = readStages(db, selection);
  return rows.map((row) => toItem(row, stages.get(row[0]) ?? []));
}

function toItem(row: ItemRow, stages: StageReviewer[]): CampaignItem {
  const [id, ordinal, system, snapshotId, accountKey, account, accountStatus, accountType, lastLogin, entitlementKey, entitlement, description, privileged, employeeId, name, email, title, department, manager, status, findings, previousDecision] = row;
  const { stage, reviewer, outcome, settled } = settle(stages);
  return {
    id, ordinal, system, snapshotId, accountKey, account, accountStatus, accountType, lastLogin, entitlementKey, entitlement, entitlementDescription: description,
    privileged: privileged === 1,
    identity: employeeId === null ? null : { employeeId, name, email, title, department, manager, status },
    findings: JSON.parse(findings) as string[],
    previousDecision,
    stages,
    stage,
    reviewer,
    outcome,
    decision: outcome === 'pending' ? null : (settled?.decision ?? null),
    comment: outcome === 'pending' ? null : (settled?.comment ?? null),
  };
}

/** Ids of the items a reviewer was routed or reassigned at some stage: the superset of what they owe or decided. */
export function itemIdsOfReviewer(db: Database.Database, campaignId: number, reviewer: string): number[] {
  return db
    .prepare(
      `SELECT r.item_id FROM campaign_item_reviewers r JOIN campaign_items i ON i.id = r.item_id WHERE i.campaign_id = @c AND r.reviewer = @r
       UNION SELECT d.item_id FROM campaign_decisions d JOIN campaign_items i ON i.id = d.item_id WHERE i.campaign_id = @c AND d.reassigned_to = @r`,
    )
    .pluck()
    .all({ c: campaignId, r: reviewer }) as number[];
}

export function readLaunch(db: Database.Database, campaignId: number): LaunchRecord | null {
  const row = db
    .prepare('SELECT launched_at AS launchedAt, launched_by AS launchedBy, hr_snapshot_id AS hrSnapshotId, items, population_sha256 AS populationSha256, warnings FROM campaign_launches WHERE campaign_id = ?')
    .get(campaignId) as (Omit<LaunchRecord, 'warnings'> & { warnings: string }) | undefined;
  return row ? { ...row, warnings: JSON.parse(row.warnings) as string[] } : null;
}

export function readReconciliation(db: Database.Database, campaignId: number): ReconciliationRecord[] {
  return db
    .prepare('SELECT system, snapshot_id AS snapshotId, snapshot_sha256 AS snapshotSha256, snapshot_as_of AS snapshotAsOf, grants, items, excluded FROM campaign_reconciliation WHERE campaign_id = ? ORDER BY system')
    .all(campaignId) as ReconciliationRecord[];
}

/** The outcome of each grant in the newest launched campaign (what "previous decision" shows in the next one). */
export function previousCampaignOutcomes(db: Database.Database): Map<string, ItemOutcome> {
  const out = new Map<string, ItemOutcome>();
  const last = db.prepare('SELECT max(campaign_id) FROM campaign_launches').pluck().get() as number | null;
  if (last === null) return out;
  for (const item of readItems(db, { campaignId: last })) out.set(grantKey(item.system, item.accountKey, item.entitlementKey), item.outcome);
  return out;
}
