import { existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as XLSX from 'xlsx';
import { AttestError } from '../errors.js';
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

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes the rule set as CSV (UTF-8 with BOM, so spreadsheets read the accents) or XLSX, by the path's extension. */
export function writeRuleFile(path: string, rows: readonly Row[]): void {
  const table = [RULE_FILE_COLUMNS.map(String), ...rows.map((r) => RULE_FILE_COLUMNS.map((c) => neutraliseCell(r[c])))];
  const extension = extname(path).toLowerCase();
  if (existsSync(path)) throw new AttestError('EXISTS', `${path} already exists. Choose a new file name for the export; nothing is overwritten.`);
  if (extension === '.csv') {
    writeFileSync(path, `\uFEFF${table.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`, { flag: 'wx' });
  } else if (extension === '.xlsx') {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'SoD rules');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, { flag: 'wx' });
  } else {
    throw new AttestError('USAGE', `Export the rules to a .csv or .xlsx file, not "${extension || path}".`);
  }
}
