import type Database from 'better-sqlite3-multiple-ciphers';
import type { SodAlternative, SodFindingType, SodMatcher, SodRisk, SodRule, SodSide } from './rule-model.js';

/** Writes rules into the workspace: a rule id already there is replaced whole (its sides and matchers). */
export function saveRules(db: Database.Database, rules: readonly SodRule[], source: string, by: string, at: string): void {
  const remove = db.prepare('DELETE FROM sod_rules WHERE rule_key = ?');
  const insertRule = db.prepare(
    'INSERT INTO sod_rules (rule_key, name, description, risk, business_process, source, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSide = db.prepare('INSERT INTO sod_sides (rule_id, label) VALUES (?, ?)');
  const insertMatcher = db.prepare(
    'INSERT INTO sod_matchers (side_id, alternative, group_label, kind, system, entitlement, finding) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const rule of rules) {
    remove.run(rule.id);
    const ruleId = insertRule.run(rule.id, rule.name, rule.description, rule.risk, rule.businessProcess, source, at, by).lastInsertRowid;
    for (const side of rule.sides) {
      const sideId = insertSide.run(ruleId, side.label).lastInsertRowid;
      side.alternatives.forEach((alt, index) => {
        for (const m of alt.matchers) {
          if (m.kind === 'entitlement') insertMatcher.run(sideId, index, alt.group, 'entitlement', m.system, m.entitlement, null);
          else insertMatcher.run(sideId, index, alt.group, 'finding', m.system, null, m.finding);
        }
      });
    }
  }
}

interface MatcherRow {
  rule_id: number;
  rule_key: string;
  name: string;
  description: string | null;
  risk: SodRisk;
  business_process: string | null;
  label: string;
  alternative: number;
  group_label: string | null;
  kind: 'entitlement' | 'finding';
  system: string | null;
  entitlement: string | null;
  finding: string | null;
}

function matcherOf(row: MatcherRow): SodMatcher {
  return row.kind === 'entitlement'
    ? { kind: 'entitlement', system: row.system ?? '', entitlement: row.entitlement ?? '' }
    : { kind: 'finding', system: row.system, finding: row.finding as SodFindingType };
}

/** The rule set, ordered by rule id, with the controls attached to each whole rule. */
export function loadRules(db: Database.Database): SodRule[] {
  const rows = db
    .prepare(
      `SELECT r.id AS rule_id, r.rule_key, r.name, r.description, r.risk, r.business_process, s.label, m.alternative, m.group_label, m.kind, m.system, m.entitlement, m.finding
       FROM sod_rules r JOIN sod_sides s ON s.rule_id = r.id JOIN sod_matchers m ON m.side_id = s.id
       ORDER BY r.rule_key, length(s.label), s.label, m.alternative, m.id`,
    )
    .all() as MatcherRow[];
  const controls = db
    .prepare('SELECT m.rule_key, c.control_key FROM sod_mitigations m JOIN sod_controls c ON c.id = m.control_id WHERE m.owner_key IS NULL ORDER BY c.control_key')
    .all() as { rule_key: string; control_key: string }[];
  const rules = new Map<number, SodRule>();
  for (const row of rows) {
    let rule = rules.get(row.rule_id);
    if (!rule) {
      const key = row.rule_key.toLowerCase();
      rule = {
        id: row.rule_key,
        name: row.name,
        description: row.description,
        risk: row.risk,
        businessProcess: row.business_process,
        controls: controls.filter((c) => c.rule_key.toLowerCase() === key).map((c) => c.control_key),
        sides: [],
      };
      rules.set(row.rule_id, rule);
    }
    let side: SodSide | undefined = rule.sides.at(-1);
    if (side?.label !== row.label) {
      side = { label: row.label, alternatives: [] };
      rule.sides.push(side);
    }
    let alt: SodAlternative | undefined = side.alternatives[row.alternative];
    if (!alt) {
      alt = { group: row.group_label, matchers: [] };
      side.alternatives[row.alternative] = alt;
    }
    alt.matchers.push(matcherOf(row));
  }
  return [...rules.values()];
}
