import { writeTableFile } from '../files/write-table-file.js';
import { neutraliseCell, RULE_FILE_COLUMNS, type RuleFileColumn } from './rule-file-layout.js';
import type { SodRule } from './rule-model.js';

type Row = Record<RuleFileColumn, string>;

/** One row per side and matcher, every rule-level value repeated so that any row can be read alone. */
export function ruleFileRows(rules: readonly SodRule[], controlDescriptions: ReadonlyMap<string, string>): Row[] {
  const rows: Row[] = [];
  for (const rule of rules) {
    const controls = rule.controls.map((id) => `${id}: ${controlDescriptions.get(id.toLowerCase()) ?? id}`).join('; ');
    for (const side of rule.sides) {
      for (const alt of side.alternatives) {
        for (const m of alt.matchers) {
          rows.push({
            'Rule ID': rule.id,
            'Rule Name': rule.name,
            Risk: rule.risk,
            Side: side.label,
            System: m.system ?? '',
            Entitlement: m.kind === 'entitlement' ? m.entitlement : '',
            Group: alt.group ?? '',
            Finding: m.kind === 'finding' ? m.finding : '',
            'Business Process': rule.businessProcess ?? '',
            Description: rule.description ?? '',
            'Mitigating Control': controls,
          });
        }
      }
    }
  }
  return rows;
}

/** Writes the rule set as CSV or XLSX, by the path's extension. */
export function writeRuleFile(path: string, rows: readonly Row[]): void {
  const table = [RULE_FILE_COLUMNS.map(String), ...rows.map((r) => RULE_FILE_COLUMNS.map((c) => neutraliseCell(r[c])))];
  writeTableFile(path, table, 'SoD rules', 'the rules');
}
