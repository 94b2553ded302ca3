import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { importSnapshot } from '../../src/ingest/import-snapshot.js';
import { createWorkspace } from '../../src/store/create-workspace.js';

/** An HR roster of `people`, E000000, E000001…, named so that their order by name is their order by id; every 17th terminated. */
export async function writeLargeRoster(path: string, people: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Employee ID,Display Name,Email,Department,Title,Status\n');
  for (let i = 0; i < people; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(people, i + 1000); j++) {
      const id = String(j).padStart(6, '0');
      chunk += `E${id},Person ${id},person.${id}@example.test,Dept ${j % 40},Analyst,${j % 17 === 0 ? 'Terminated' : 'Active'}\n`;
    }
    out.write(chunk);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** A closed workspace in `dir` holding that roster as its HR snapshot; returns its path. */
export async function largeRosterWorkspace(dir: string, people: number, passphrase: string): Promise<string> {
  const roster = join(dir, 'roster.csv');
  await writeLargeRoster(roster, people);
  const workspace = createWorkspace(join(dir, 'large.attest'), passphrase, { org: 'Large Co', operator: 'bench' });
  await importSnapshot(workspace, { files: [{ path: roster }], profile: 'hr', operator: 'bench' });
  workspace.close();
  return workspace.path;
}
