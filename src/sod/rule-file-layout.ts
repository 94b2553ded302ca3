import type { FieldSpec } from '../ingest/profile.js';

/**
 * CLI.md's SoD rule-file layout: one row per rule side and matcher. `Group` (rows of one side
 * with the same group must all hold) and `Finding` (a side that is a finding type rather than an
 * entitlement) and `Business Process` extend it; files without them read as before.
 */
export const RULE_FILE_COLUMNS = ['Rule ID', 'Rule Name', 'Risk', 'Side', 'System', 'Entitlement', 'Group', 'Finding', 'Business Process', 'Description', 'Mitigating Control'] as const;
export type RuleFileColumn = (typeof RULE_FILE_COLUMNS)[number];

const REQUIRED: ReadonlySet<RuleFileColumn> = new Set(['Rule ID', 'Rule Name', 'Risk', 'Side', 'System']);

const SYNONYMS: Partial<Record<RuleFileColumn, readonly string[]>> = {
  'Rule ID': ['Rule', 'Rule Code', 'Conflict ID'],
  'Rule Name': ['Name', 'Conflict', 'Title'],
  Risk: ['Risk Level', 'Severity', 'Risk Rating'],
  Side: ['Function', 'Leg'],
  System: ['Application', 'App'],
  Entitlement: ['Role', 'Permission', 'Access', 'Group Name'],
  Group: ['All Of', 'All Of Group'],
  Finding: ['Finding Type'],
  'Business Process': ['Process'],
  'Mitigating Control': ['Mitigating Controls', 'Control', 'Controls'],
};

export const RULE_FILE_FIELDS: readonly FieldSpec[] = RULE_FILE_COLUMNS.map((name) => ({ name, required: REQUIRED.has(name), synonyms: SYNONYMS[name] ?? [] }));

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell written for people: a leading apostrophe keeps a spreadsheet from running it as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse on reading, so that an exported rule file imports back unchanged. */
export function unneutraliseCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
