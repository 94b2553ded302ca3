import { basename } from 'node:path';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { attachControl, controlDescriptions, upsertControl } from './controls.js';
import { foldPattern } from './glob.js';
import { readRuleFile } from './read-rule-file.js';
import type { SodRule } from './rule-model.js';
import { loadRules, saveRules } from './rule-store.js';
import { STARTER_RULES_PATH } from './starter-rules.js';
import { ruleFileRows, writeRuleFile } from './write-rule-file.js';

export interface RuleSetImport {
  source: string;
  rules: number;
  sides: number;
  matchers: number;
  replaced: string[];
  warnings: string[];
}

/** Systems the rules name that the workspace has never imported: a warning, since rules may be written ahead of the data. */
function unknownSystemWarnings(ws: Workspace, rules: readonly SodRule[]): string[] {
  const known = new Set((ws.db.prepare('SELECT name FROM systems').pluck().all() as string[]).map(foldPattern));
  const named = new Map<string, { system: string; rules: Set<string> }>();
  for (const rule of rules) {
    for (const side of rule.sides) {
      for (const alt of side.alternatives) {
        for (const m of alt.matchers) {
          if (m.system === null || known.has(foldPattern(m.system))) continue;
          const entry = named.get(foldPattern(m.system)) ?? { system: m.system, rules: new Set<string>() };
          entry.rules.add(rule.id);
          named.set(foldPattern(m.system), entry);
        }
      }
    }
  }
  return [...named.values()].map((n) => `System "${n.system}" (rules ${[...n.rules].join(', ')}) is not in this workspace yet: those sides cannot hold until it is imported under that name.`);
}

/** Imports a rule file (or the starter library): rule ids already present are replaced whole, others added. */
export async function importRuleSet(ws: Workspace, request: { path?: string | undefined; starter?: boolean | undefined; operator: string }, signal?: AbortSignal): Promise<RuleSetImport> {
  if ((request.path === undefined) === (request.starter !== true)) throw new AttestError('USAGE', 'Name one rule file to import, or --starter for the starter library (not both).');
  const path = request.path ?? STARTER_RULES_PATH;
  const source = request.starter === true ? 'starter library' : basename(path);
  const parsed = await readRuleFile(path, { signal });
  const warnings = unknownSystemWarnings(ws, parsed.rules);
  const at = new Date().toISOString();
  const existing = new Set(loadRules(ws.db).map((r) => r.id.toLowerCase()));
  const replaced = parsed.rules.filter((r) => existing.has(r.id.toLowerCase())).map((r) => r.id);
  ws.change(
    request.operator,
    'sod.rules.imported',
    () => {
      saveRules(ws.db, parsed.rules, source, request.operator, at);
      const controlIds = new Map<string, number>();
      for (const [id, description] of parsed.controls) controlIds.set(id.toLowerCase(), upsertControl(ws.db, { id, description }, request.operator, at));
      for (const rule of parsed.rules) for (const c of rule.controls) attachControl(ws.db, controlIds.get(c.toLowerCase())!, rule.id, null, request.operator, at);
    },
    () => ({ source, rules: parsed.rules.map((r) => r.id), replaced }),
  );
  const sides = parsed.rules.reduce((n, r) => n + r.sides.length, 0);
  const matchers = parsed.rules.reduce((n, r) => n + r.sides.reduce((k, s) => k + s.alternatives.reduce((j, a) => j + a.matchers.length, 0), 0), 0);
  return { source, rules: parsed.rules.length, sides, matchers, replaced, warnings };
}

/** Writes the workspace's rule set to a new .csv or .xlsx file in the import layout. */
export function exportRuleSet(ws: Workspace, path: string): { path: string; rules: number; rows: number } {
  const rules = loadRules(ws.db);
  if (rules.length === 0) throw new AttestError('UNKNOWN_SOD_RULE', 'There are no SoD rules to export yet. Import some with "attest sod import FILE" or "--starter".');
  const rows = ruleFileRows(rules, controlDescriptions(ws.db));
  writeRuleFile(path, rows);
  return { path, rules: rules.length, rows: rows.length };
}
