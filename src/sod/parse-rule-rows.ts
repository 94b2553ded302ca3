import { AttestError } from '../errors.js';
import { quoteValue } from '../ingest/normalize/quote-value.js';
import { matcherKey, SOD_FINDING_TYPES, SOD_RISKS, type SodFindingType, type SodMatcher, type SodRule } from './rule-model.js';
import type { RuleFileColumn } from './rule-file-layout.js';

/** One data row of a rule file, its cells by column, and the line it is on. */
export interface RuleRow {
  line: number;
  cell: (column: RuleFileColumn) => string;
}

export interface ParsedRuleSet {
  rules: SodRule[];
  /** Mitigating controls the file names, with the description given after `ID:` (null if none). */
  controls: Map<string, string | null>;
}

const RULE_LEVEL: readonly RuleFileColumn[] = ['Rule Name', 'Risk', 'Description', 'Business Process', 'Mitigating Control'];
const SIDE_LABEL = /^[A-Z]{1,2}$/;
const MAX_PROBLEMS_SHOWN = 25;

interface RuleDraft {
  id: string;
  firstLine: number;
  values: Map<RuleFileColumn, { value: string; line: number }>;
  sides: Map<string, Map<string, { label: string | null; matchers: SodMatcher[] }>>;
  seen: Map<string, number>;
}

function findingOf(text: string): SodFindingType | undefined {
  return SOD_FINDING_TYPES.find((f) => f.toLowerCase() === text.toLowerCase());
}

function matcherOf(row: RuleRow, problems: string[]): SodMatcher | undefined {
  const system = row.cell('System');
  const entitlement = row.cell('Entitlement');
  const finding = row.cell('Finding');
  if (entitlement !== '' && finding !== '') {
    problems.push(`line ${row.line}: give an Entitlement or a Finding, not both`);
    return undefined;
  }
  if (finding !== '') {
    const type = findingOf(finding);
    if (!type) problems.push(`line ${row.line}: Finding ${quoteValue(finding)} is not one of ${SOD_FINDING_TYPES.join(', ')}`);
    return type ? { kind: 'finding', system: system === '' ? null : system, finding: type } : undefined;
  }
  if (entitlement === '') {
    problems.push(`line ${row.line}: side ${row.cell('Side')} of rule ${row.cell('Rule ID')} names no Entitlement (or Finding): an empty side never holds`);
    return undefined;
  }
  if (system === '') {
    problems.push(`line ${row.line}: System is empty; name the system the entitlement ${quoteValue(entitlement)} is in`);
    return undefined;
  }
  if (entitlement.replaceAll('*', '').trim() === '') {
    problems.push(`line ${row.line}: Entitlement ${quoteValue(entitlement)} would match every entitlement of ${system}; name the entitlements`);
    return undefined;
  }
  return { kind: 'entitlement', system, entitlement };
}


/** Rule-level values may be repeated on every row of a rule, or given once; two different values are a conflict. */
function noteRuleValues(draft: RuleDraft, row: RuleRow, problems: string[]): void {
  for (const column of RULE_LEVEL) {
    const value = row.cell(column);
    if (value === '') continue;
    const earlier = draft.values.get(column);
    const same = column === 'Risk' ? earlier?.value.toLowerCase() === value.toLowerCase() : earlier?.value === value;
    if (!earlier) draft.values.set(column, { value, line: row.line });
    else if (!same) problems.push(`line ${row.line}: rule ${draft.id} has ${column} ${quoteValue(value)}, but line ${earlier.line} gave ${quoteValue(earlier.value)}; use one value for the rule`);
  }
}

function addRow(drafts: Map<string, RuleDraft>, row: RuleRow, problems: string[]): void {
  const id = row.cell('Rule ID');
  if (id === '') {
    problems.push(`line ${row.line}: Rule ID is empty`);
    return;
  }
  const draft: RuleDraft = drafts.get(id.toLowerCase()) ?? { id, firstLine: row.line, values: new Map(), sides: new Map(), seen: new Map() };
  drafts.set(id.toLowerCase(), draft);
  noteRuleValues(draft, row, problems);
  const side = row.cell('Side').toUpperCase();
  if (!SIDE_LABEL.test(side)) {
    problems.push(`line ${row.line}: Side ${quoteValue(row.cell('Side'))} is not a side label (A, B, C…)`);
    return;
  }
  const matcher = matcherOf(row, problems);
  if (!matcher) return;
  const group = row.cell('Group');
  const key = `${side}\u0000${group.toLowerCase()}\u0000${matcherKey(matcher)}`;
  const earlier = draft.seen.get(key);
  if (earlier !== undefined) {
    problems.push(`line ${row.line} repeats line ${earlier} (rule ${id}, side ${side}); remove one of them`);
    return;
  }
  draft.seen.set(key, row.line);
  const groups = draft.sides.get(side) ?? new Map<string, { label: string | null; matchers: SodMatcher[] }>();
  draft.sides.set(side, groups);
  // A lone matcher is its own alternative; rows sharing a group label form one "all of" alternative.
  const groupKey = group === '' ? `\u0000line${row.line}` : group.toLowerCase();
  const alternative = groups.get(groupKey) ?? { label: group === '' ? null : group, matchers: [] };
  groups.set(groupKey, alternative);
  alternative.matchers.push(matcher);
}

function controlsOf(cell: string): { id: string; description: string | null }[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) return { id: part, description: null };
      const description = part.slice(colon + 1).trim();
      return { id: part.slice(0, colon).trim(), description: description === '' ? null : description };
    });
}

function finish(draft: RuleDraft, controls: Map<string, string | null>, problems: string[]): SodRule | undefined {
  const value = (column: RuleFileColumn): string | null => draft.values.get(column)?.value ?? null;
  const name = value('Rule Name');
  const riskText = value('Risk');
  const risk = SOD_RISKS.find((r) => r === riskText?.toLowerCase());
  if (name === null) problems.push(`rule ${draft.id} (line ${draft.firstLine}): Rule Name is empty on every row; name the rule`);
  if (riskText === null) problems.push(`rule ${draft.id} (line ${draft.firstLine}): Risk is empty on every row; give critical, high, medium or low`);
  else if (!risk) problems.push(`line ${draft.values.get('Risk')?.line ?? draft.firstLine}: Risk ${quoteValue(riskText)} of rule ${draft.id} is not critical, high, medium or low`);
  if (draft.sides.size === 1) {
    const [label] = draft.sides.keys();
    problems.push(`rule ${draft.id} (line ${draft.firstLine}) has only side ${label}: a conflict needs two or more sides (A, B…)`);
  }
  const ruleControls = controlsOf(value('Mitigating Control') ?? '');
  for (const c of ruleControls) if (!controls.has(c.id) || c.description !== null) controls.set(c.id, c.description ?? controls.get(c.id) ?? null);
  if (name === null || !risk || draft.sides.size < 2) return undefined;
  return {
    id: draft.id,
    name,
    description: value('Description'),
    risk,
    businessProcess: value('Business Process'),
    controls: ruleControls.map((c) => c.id),
    sides: [...draft.sides.entries()]
      .sort(([a], [b]) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([label, groups]) => ({
        label,
        alternatives: [...groups.values()].map((g) => ({ group: g.label, matchers: g.matchers })),
      })),
  };
}

/**
 * Turns rule-file rows into rules; every mistake is collected and reported at once, each with its
 * line, in one SOD_RULES_INVALID error. Rows of one rule need not be adjacent.
 */
export function parseRuleRows(rows: Iterable<RuleRow>, fileName: string): ParsedRuleSet {
  const problems: string[] = [];
  const drafts = new Map<string, RuleDraft>();
  let count = 0;
  for (const row of rows) {
    count += 1;
    addRow(drafts, row, problems);
  }
  if (count === 0) throw new AttestError('SOD_RULES_INVALID', `${fileName} has no rule rows under its header. Add one row per rule side and entitlement (see "attest sod export" for the layout).`);
  const controls = new Map<string, string | null>();
  const rules = [...drafts.values()].map((d) => finish(d, controls, problems)).filter((r): r is SodRule => r !== undefined);
  if (problems.length > 0) {
    throw new AttestError(
      'SOD_RULES_INVALID',
      `${fileName} was not imported (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ')}${problems.length > MAX_PROBLEMS_SHOWN ? `; and ${problems.length - MAX_PROBLEMS_SHOWN} more` : ''}. Fix the file and import it again; nothing was changed.`,
    );
  }
  return { rules, controls };
}
