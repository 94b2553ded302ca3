import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { importCsv } from '../helpers/snapshots.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE, ATTEST_OPERATOR: 'Ana Auditor' };

async function workspace(): Promise<string> {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-10-01', rows: ['alice,,,AP Clerk;GL Viewer,no,enabled,,human', 'bob,,,GL Viewer,no,enabled,,human', 'carol,,,AP Approver,no,enabled,,human', 'dave,,,GL Viewer,no,enabled,,human'] });
  const path = ws.path;
  ws.close();
  return path;
}

interface Sample {
  id: number;
  seed: string;
  populationSha256: string;
  items: { position: number; key: string[] }[];
}

describe('attest sample / samples / sample show', () => {
  it('draws with a seed (the same twice), lists, shows; --json and human forms', async () => {
    const path = await workspace();
    const args = ['sample', '-w', path, '--population', 'grants', '--system', 'ERP', '--size', '3', '--seed', '7', '--json'];
    const first = await runCli(args, { env });
    expect(first.code, first.stderr).toBe(0);
    const a = first.json() as Sample;
    expect(a).toMatchObject({ population: 'grants', size: 3, populationSize: 5, seed: '7', seedSource: 'given', createdBy: 'Ana Auditor' });
    const b = (await runCli(args, { env })).json() as Sample;
    expect(b.items).toEqual(a.items);
    expect(b.id).toBe(a.id + 1);
    const human = await runCli(['sample', '-w', path, '--population', 'accounts', '--system', 'ERP', '--percent', '50', '--method', 'systematic'], { env });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Sample #3: 2 of 4 accounts \(system ERP, snapshotId \d+\)\n/);
    expect(human.stdout).toMatch(/Seed\s+\d+ \(generated\)/);
    expect(human.stdout).toMatch(/Method\s+systematic \(xoshiro256\*\*\/splitmix64\)/);
    const listed = await runCli(['samples', '-w', path, '--json'], { env });
    expect((listed.json() as { samples: Sample[] }).samples.map((s) => s.id)).toEqual([3, 2, 1]);
    expect((await runCli(['samples', '-w', path], { env })).stdout).toMatch(/^#3 {2}accounts \(system ERP, snapshotId \d+\) {2}2 of 4 {2}systematic/);
    const shown = await runCli(['sample', 'show', String(a.id), '-w', path, '--json'], { env });
    expect(shown.json()).toEqual(a);
    const shownHuman = await runCli(['sample', 'show', String(a.id), '-w', path], { env });
    expect(shownHuman.stdout).toContain(`Population SHA-256  ${a.populationSha256}`);
    expect(shownHuman.stdout).toContain(`   1. ${a.items[0]?.key.join(' → ')}`);
  });

  it('usage errors exit 2; a sample too large, a bad seed, an unknown sample or population exit 4; nothing is stored', async () => {
    const path = await workspace();
    const before = fileState(path);
    const usage = [
      ['--population', 'accounts', '--system', 'ERP'],
      ['--population', 'accounts', '--system', 'ERP', '--size', '2', '--percent', '5'],
      ['--system', 'ERP', '--size', '2'],
      ['--population', 'accounts', '--system', 'ERP', '--size', 'two'],
      ['--population', 'accounts', '--system', 'ERP', '--percent', '150'],
      ['--population', 'accounts', '--system', 'ERP', '--size', '1', '--method', 'stratified'],
      ['--population', 'accounts', '--size', '1'],
    ];
    for (const args of usage) {
      const run = await runCli(['sample', '-w', path, ...args, '--json'], { env });
      expect(run.code, args.join(' ')).toBe(2);
      expect((run.json() as { error: { code: string } }).error.code).toMatch(/^(USAGE|INVALID_INPUT)$/);
    }
    const rejected: [string[], string][] = [
      [['sample', '--population', 'accounts', '--system', 'ERP', '--size', '5'], 'SAMPLE_TOO_LARGE'],
      [['sample', '--population', 'accounts', '--system', 'ERP', '--size', '2', '--seed', '0x1F'], 'INVALID_SEED'],
      [['sample', '--population', 'identities', '--size', '2'], 'EMPTY_POPULATION'],
      [['sample', '--population', 'payroll-runs', '--size', '2'], 'UNKNOWN_POPULATION'],
      [['sample', 'show', '9'], 'UNKNOWN_SAMPLE'],
    ];
    for (const [args, code] of rejected) {
      const run = await runCli([...args, '-w', path, '--json'], { env });
      expect(run.code, args.join(' ')).toBe(4);
      expect(run.json()).toMatchObject({ error: { code } });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fileState(path)).toEqual(before);
  });
});
