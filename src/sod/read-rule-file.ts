import { basename } from 'node:path';
import { AttestError } from '../errors.js';
import { matchHeader } from '../ingest/normalize/header-match.js';
import { openSource } from '../ingest/open-source.js';
import { parseRuleRows, type ParsedRuleSet, type RuleRow } from './parse-rule-rows.js';
import { RULE_FILE_FIELDS, unneutraliseCell, type RuleFileColumn } from './rule-file-layout.js';

/** Reads a rule file (CSV in any encoding or delimiter the importer reads, or a spreadsheet's first sheet). */
export async function readRuleFile(path: string, options: { signal?: AbortSignal | undefined } = {}): Promise<ParsedRuleSet> {
  const name = basename(path);
  const { source } = await openSource(path, options.signal ? { signal: options.signal } : {});
  if (source.kind !== 'table') {
    throw new AttestError('SOD_RULES_INVALID', `${name} is not a table. Give a CSV or XLSX rule file with the columns Rule ID, Rule Name, Risk, Side, System, Entitlement.`);
  }
  const { columns, missing } = matchHeader(source.header, RULE_FILE_FIELDS);
  if (missing.length > 0) {
    throw new AttestError('SOD_RULES_INVALID', `${name} has no column for ${missing.join(', ')} (line ${source.headerLine}). A rule file needs Rule ID, Rule Name, Risk, Side, System and Entitlement; add the missing columns.`);
  }
  const rows: RuleRow[] = [];
  for await (const row of source.rows()) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cell = (column: RuleFileColumn): string => {
      const index = columns.get(column);
      return index === undefined ? '' : unneutraliseCell((row.cells[index] ?? '').trim());
    };
    rows.push({ line: row.line, cell });
  }
  return parseRuleRows(rows, name);
}
