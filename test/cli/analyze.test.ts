import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlantedManifest } from '../../src/demo/planted.js';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface Finding {
  type: string;
  system: string;
  account: string;
  identity: string | null;
  detail: string;
}
interface Run {
  runId: number;
  asOf: string;
  counts: Record<string, number>;
  findings: Finding[];
}

/** The demo's system ids (planted.json) by their workspace names. */
const SYSTEM_IDS: Record<string, string> = { AWS: 'aws', 'Entra ID': 'entra', 'Google Workspace': 'google', 'Active Directory': 'ad', 'Finance ERP': 'erp', 'Bank Portal': 'bank' };
/** Finding types by the manifest's names. */
const TYPES: Record<string, string> = { leaver: 'leaver', orphan: 'orphan', dormant: 'dormant', privileged: 'privileged', noMfa: 'no-mfa' };

const key = (type: string, system: string, account: string, identity: string | null): string => `${type} ${system} ${account} ${identity ?? '-'}`;

describe('attest analyze on the demo company', () => {
  it('lists exactly the planted leavers, orphans, dormant, privileged and no-MFA accounts (the demo marks its two unclassifiable accounts shared)', async () => {
    const dir = tempDir();
    const demo = await runCli(['demo', dir, '--json'], { env });
    expect(demo.code).toBe(0);
    const ws = join(dir, 'demo.attest');
    const manifest = JSON.parse(readFileSync(join(dir, 'exports', 'planted.json'), 'utf8')) as PlantedManifest;

    // The importers deliberately do not guess these two (the AWS root is a human sign-in; a Google
    // account's type comes from Employee Type only): the demo's analyst marked them, as a user would.
    const marking = await runCli(['mark', '-w', ws, '--system', 'AWS', '--account', '<root_account>', '--shared', '--json'], { env });
    expect(marking.json()).toMatchObject({ system: 'AWS', login: '<root_account>', decision: 'shared', employeeId: null });
    const audit = (await runCli(['audit', 'log', '-w', ws, '--json'], { env })).json() as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action).filter((a) => a === 'account.shared')).toHaveLength(3);
    // The demo's own run already found what the one below finds.
    expect((demo.json() as { analysis: { counts: Record<string, number> } }).analysis.counts).toMatchObject({ leaver: manifest.counts.leaver, orphan: manifest.counts.orphan, noMfa: manifest.counts.noMfa });

    const run = await runCli(['analyze', '-w', ws, '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as Run;
    expect(out.asOf).toBe(manifest.asOf);
    const got = out.findings.filter((f) => Object.values(TYPES).includes(f.type)).map((f) => key(f.type, SYSTEM_IDS[f.system] ?? f.system, f.account, f.identity));
    const want = manifest.cases.filter((c) => c.type in TYPES).map((c) => key(TYPES[c.type] ?? c.type, c.system, c.account, c.employeeId));
    expect(got.sort()).toEqual(want.sort());
    for (const [planted, type] of Object.entries(TYPES)) expect(out.counts[type === 'no-mfa' ? 'noMfa' : type], type).toBe(manifest.counts[planted as keyof PlantedManifest['counts']]);
    // Service and shared accounts: the planted ones, plus the AWS root user (shared, no owner).
    const ownerless = out.findings.filter((f) => f.type === 'service' || f.type === 'shared').map((f) => `${SYSTEM_IDS[f.system]} ${f.account}`);
    const plantedService = manifest.cases.filter((c) => c.type === 'service').map((c) => `${c.system} ${c.account}`);
    expect(ownerless.sort()).toEqual([...plantedService, 'aws <root_account>'].sort());
    // The ERP leaver used the account after termination: also a leaver-login.
    expect(out.findings.filter((f) => f.type === 'leaver-login').map((f) => f.account)).toEqual(manifest.cases.filter((c) => c.detail.includes('AFTER the termination')).map((c) => c.account));

    const stored = await runCli(['findings', '-w', ws, '--type', 'leaver', '--json'], { env });
    expect(stored.code).toBe(0);
    expect((stored.json() as Run).findings).toEqual(out.findings.filter((f) => f.type === 'leaver'));
    const human = await runCli(['findings', '-w', ws, '--run', String(out.runId)], { env });
    expect(human.stdout).toContain(`Analysis run #${out.runId} as of ${manifest.asOf}`);
    expect(human.stdout).toContain('jdoe.old');
  }, 60_000);
});

describe('attest link / unlink / mark / findings: mistakes', () => {
  it('each is refused with a coded error and a sentence, exit 2 or 4, and the workspace untouched', async () => {
    const dir = tempDir();
    const ws = join(dir, 'w.attest');
    expect((await runCli(['init', ws], { env })).code).toBe(0);
    const before = fileState(ws);
    const cases: [string[], number, string][] = [
      [['link', '-w', ws, '--system', 'ERP', '--account', 'a', '--identity', 'E1', '--json'], 4, 'UNKNOWN_SYSTEM'],
      [['link', '-w', ws, '--system', 'ERP', '--account', 'a', '--json'], 2, 'USAGE'],
      [['mark', '-w', ws, '--system', 'ERP', '--account', 'a', '--shared', '--service-owner', 'E1', '--json'], 2, 'USAGE'],
      [['findings', '-w', ws, '--json'], 4, 'UNKNOWN_RUN'],
      [['analyze', '-w', ws, '--json'], 4, 'NO_HR_SNAPSHOT'],
      [['analyze', '-w', ws, '--as-of', 'yesterday', '--json'], 2, 'INVALID_INPUT'],
      [['analyze', '-w', ws, '--dormant-days', 'ninety', '--json'], 2, 'USAGE'],
    ];
    for (const [args, code, error] of cases) {
      const run = await runCli(args, { env });
      expect(run.code, args.join(' ')).toBe(code);
      const failure = (run.json() as { error: { code: string; message: string } }).error;
      expect(failure.code).toBe(error);
      expect(failure.message).toMatch(/\.$/);
    }
    expect(fileState(ws)).toEqual(before);
  }, 60_000);
});
