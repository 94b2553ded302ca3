import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface RunOutput {
  counts: { violations: number; open: number; mitigated: number; excepted: number };
  violations: { ruleId: string; identity: string | null; accounts: { system: string; account: string }[]; grants: { side: string; system: string; account: string; entitlement: string; snapshotId: number }[]; status: string }[];
}

interface Planted {
  cases: { type: string; account: string; employeeId: string | null }[];
}

describe('attest sod', () => {
  it('the starter library on the demo company finds exactly the planted SoD conflicts, and the commands work end to end', async () => {
    const dir = join(tempDir(), 'demo');
    expect((await runCli(['demo', dir, '--json'], { env })).code).toBe(0);
    const ws = ['-w', join(dir, 'demo.attest')];
    const imported = await runCli(['sod', 'import', '--starter', ...ws, '--json'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ rules: 9, warnings: [] });

    const run = await runCli(['sod', 'run', ...ws, '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as RunOutput;
    const planted = (JSON.parse(readFileSync(join(dir, 'exports', 'planted.json'), 'utf8')) as Planted).cases.filter((c) => c.type === 'sodConflict');
    const expected = planted.map((c) => `${c.employeeId} ${c.account.split('+').sort().join('+')}`).sort();
    const found = out.violations.map((v) => `${v.identity} ${v.accounts.map((a) => a.account).sort().join('+')}`).sort();
    expect(found).toEqual(expected);
    expect(out.counts).toEqual({ violations: 6, open: 6, mitigated: 0, excepted: 0 });
    for (const v of out.violations) {
      expect(new Set(v.grants.map((g) => g.side))).toEqual(new Set(['A', 'B']));
      expect(v.status).toBe('open');
    }

    const cross = out.violations.find((v) => v.accounts.length === 2);
    if (!cross?.identity) throw new Error('expected a cross-system violation');
    const except = await runCli(['sod', 'except', ...ws, '--rule', cross.ruleId, '--identity', cross.identity, '--approver', 'CFO', '--justification', 'Interim cover', '--from', '2026-10-01', '--to', '2026-12-31', '--json'], { env });
    expect(except.code, except.stderr).toBe(0);
    const mitigate = await runCli(['sod', 'mitigate', ...ws, '--rule', 'TRE-01', '--control', 'BANK-DUAL', '--description', 'Bank enforces a second approver', '--owner', 'Treasury Manager', '--frequency', 'continuous', '--json'], { env });
    expect(mitigate.code, mitigate.stderr).toBe(0);
    const again = (await runCli(['sod', 'run', ...ws, '--as-of', '2026-11-01', '--json'], { env })).json() as RunOutput;
    expect(again.counts).toEqual({ violations: 6, open: 4, mitigated: 1, excepted: 1 });

    const simulate = await runCli(['sod', 'simulate', ...ws, '--identity', cross.identity, '--add', 'Finance ERP:GL Journal Entry', '--add', 'Finance ERP:GL Journal Approve', '--json'], { env });
    expect(simulate.code, simulate.stderr).toBe(0);
    expect((simulate.json() as { wouldFire: { ruleId: string; already: boolean }[] }).wouldFire).toEqual([
      { ruleId: 'P2P-01', ruleName: expect.any(String) as unknown, risk: 'critical', already: true },
      { ruleId: 'R2R-01', ruleName: expect.any(String) as unknown, risk: 'high', already: false },
    ]);

    const exported = await runCli(['sod', 'export', join(dir, 'rules.xlsx'), ...ws, '--json'], { env });
    expect(exported.json()).toMatchObject({ rules: 9 });
    const listed = await runCli(['sod', 'rules', ...ws], { env });
    expect(listed.stdout).toContain('P2P-01  critical Vendor master and payment approval');
  }, 60_000);

  it('exit codes: a bad rule file is rejected (4) with its lines named; a missing option is a usage error (2)', async () => {
    const dir = tempDir();
    const ws = join(dir, 'w.attest');
    expect((await runCli(['init', ws], { env })).code).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Rule ID,Rule Name,Risk,Side,System,Entitlement\nR1,One,high,A,ERP,X\n');
    const rejected = await runCli(['sod', 'import', bad, '-w', ws, '--json'], { env });
    expect(rejected.code).toBe(4);
    expect((rejected.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'SOD_RULES_INVALID', message: expect.stringContaining('rule R1 (line 2) has only side A') as unknown });
    const usage = await runCli(['sod', 'except', '-w', ws, '--rule', 'R1'], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Missing --approver');
    const noRules = await runCli(['sod', 'run', '-w', ws, '--json'], { env });
    expect(noRules.code).toBe(4);
    expect(noRules.stderr).toContain('attest sod import --starter');
  }, 30_000);
});
