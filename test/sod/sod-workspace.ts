import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSnapshot } from '../../src/ingest/import-snapshot.js';
import type { Workspace } from '../../src/store/workspace.js';
import { importRuleSet } from '../../src/sod/rule-set.js';
import { runSod, type SodRunResult } from '../../src/sod/run-sod.js';
import { newWorkspace } from '../helpers/workspace.js';

/** HR rows: employee id, name, e-mail. */
export type Person = [employeeId: string, name: string, email: string];
/** Grant rows: account, e-mail, employee id, entitlement, status (Active / Disabled). */
export type GrantLine = [account: string, email: string, employeeId: string, entitlement: string, status?: string];

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]): string => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** A real encrypted workspace in `dir`, with an HR snapshot and one grants snapshot per system. */
export class SodWorkspace {
  readonly ws: Workspace;
  private files = 0;

  constructor(private readonly dir: string) {
    this.ws = newWorkspace(dir);
  }

  private file(name: string, text: string): string {
    const path = join(this.dir, `${++this.files}-${name}`);
    writeFileSync(path, text);
    return path;
  }

  async hr(people: readonly Person[], asOf = '2026-10-31'): Promise<void> {
    const rows = people.map(([id, name, email]) => [id, name.split(' ')[0] ?? name, name.split(' ')[1] ?? '', email, 'Active']);
    const path = this.file('hr.csv', csv([['Employee ID', 'First Name', 'Last Name', 'Email', 'Status'], ...rows]));
    await importSnapshot(this.ws, { files: [{ path }], profile: 'hr', system: 'HR', asOf, operator: 'tester' });
  }

  async grants(system: string, lines: readonly GrantLine[], asOf = '2026-10-31'): Promise<number> {
    const rows = lines.map(([account, email, employeeId, entitlement, status]) => [account, email, employeeId, entitlement, status ?? 'Active']);
    const path = this.file(`${system}.csv`, csv([['Account', 'Email', 'Employee ID', 'Entitlement', 'Status'], ...rows]));
    return (await importSnapshot(this.ws, { files: [{ path }], profile: 'grants', system, asOf, operator: 'tester' })).snapshotId;
  }

  /** Imports a rule file written from rows under CLI.md's header (plus any extra columns named in `header`). */
  async rules(rows: readonly (readonly string[])[], header: readonly string[] = ['Rule ID', 'Rule Name', 'Risk', 'Side', 'System', 'Entitlement']): Promise<void> {
    await importRuleSet(this.ws, { path: this.file('rules.csv', csv([header, ...rows])), operator: 'tester' });
  }

  run(asOf?: string): SodRunResult {
    return runSod(this.ws, { asOf, operator: 'tester' });
  }
}

/** A violation as "RULE owner: accounts", the shape most tests compare. */
export function brief(result: SodRunResult): string[] {
  return result.violations.map((v) => `${v.ruleId} ${v.identity ?? v.owner.name} ${v.status}: ${v.accounts.map((a) => `${a.system}:${a.account}`).join('+')}`);
}
