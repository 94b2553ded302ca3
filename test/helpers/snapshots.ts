import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSnapshot } from '../../src/ingest/import-snapshot.js';
import type { Workspace } from '../../src/store/workspace.js';

export const GRANTS_HEADER = 'Account,Email,Display Name,Entitlement,Privileged,Status,Last Login,Account Type';
export const HR_HEADER = 'Employee ID,Display Name,Email,Manager Employee ID,Department,Title,Status,Termination Date';

let files = 0;

/** One snapshot imported through the real pipeline from a small hand-written CSV; returns its id. */
export async function importCsv(ws: Workspace, dir: string, options: { system: string; profile: 'grants' | 'hr'; asOf: string; rows: readonly string[] }): Promise<number> {
  const path = join(dir, `${options.profile}-${++files}.csv`);
  writeFileSync(path, [options.profile === 'hr' ? HR_HEADER : GRANTS_HEADER, ...options.rows].join('\n'));
  const result = await importSnapshot(ws, { files: [{ path }], profile: options.profile, system: options.system, asOf: options.asOf, operator: 'tester' });
  return result.snapshotId;
}
