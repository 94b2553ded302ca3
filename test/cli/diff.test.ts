import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { importCsv } from '../helpers/snapshots.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

/** ERP with two snapshots (alice gains AP Approver, bob is disabled) and HR with one. */
async function workspace(): Promise<{ path: string; first: number; second: number; hr: number }> {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  const first = await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-10-01', rows: ['alice,,,AP Clerk,no,enabled,,human', 'bob,,,GL Viewer,no,enabled,,human'] });
  const second = await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-11-01', rows: ['alice,,,AP Clerk;AP Approver,no,enabled,,human', 'bob,,,GL Viewer,no,disabled,,human'] });
  const hr = await importCsv(ws, dir, { system: 'HR', profile: 'hr', asOf: '2026-11-01', rows: ['E1,Ann Boss,ann@acme.test,,Exec,CEO,active,'] });
  const path = ws.path;
  ws.close();
  return { path, first, second, hr };
}

describe('attest diff', () => {
  it('--json prints CLI.md\'s added / removed grants and the extra sections; the human form counts then lists', async () => {
    const { path, first, second } = await workspace();
    const run = await runCli(['diff', '-w', path, '--system', 'ERP', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({
      system: 'ERP',
      from: { id: first },
      to: { id: second },
      added: [{ account: 'alice', entitlement: 'AP Approver', via: null }],
      removed: [],
      accounts: { added: [], removed: [], changed: [{ account: 'bob', changes: [{ field: 'status', from: 'enabled', to: 'disabled' }] }] },
      entitlements: { added: [{ entitlement: 'AP Approver' }], removed: [] },
      identities: null,
    });
    const human = await runCli(['diff', '-w', path, '--system', 'ERP', '--from', String(first), '--to', String(second)], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`ERP: snapshot #${first} \\(as of 2026-10-01\\) → #${second} \\(as of 2026-11-01\\)`));
    expect(human.stdout).toMatch(/grants added\s+1\n/);
    expect(human.stdout).toContain('Grants added (1):\n  alice → AP Approver\n');
    expect(human.stdout).toContain('Accounts changed (1):\n  bob  status enabled → disabled\n');
  });

  it('usage errors exit 2; unknown systems, mismatched snapshots and nothing to compare exit 4 with a coded error; the workspace is untouched', async () => {
    const { path, first, hr } = await workspace();
    const before = fileState(path);
    const noSystem = await runCli(['diff', '-w', path, '--json'], { env });
    expect(noSystem.code).toBe(2);
    expect(noSystem.json()).toMatchObject({ error: { code: 'USAGE' } });
    expect((await runCli(['diff', '-w', path, '--system', 'ERP', '--from', 'latest'], { env })).code).toBe(2);
    const cases: [string[], string][] = [
      [['--system', 'Payroll'], 'UNKNOWN_SYSTEM'],
      [['--system', 'ERP', '--from', String(hr)], 'SNAPSHOT_MISMATCH'],
      [['--system', 'HR', '--from', String(hr), '--to', String(first)], 'SNAPSHOT_MISMATCH'],
      [['--system', 'HR'], 'NOTHING_TO_COMPARE'],
      [['--system', 'ERP', '--to', '999'], 'UNKNOWN_SNAPSHOT'],
    ];
    for (const [args, code] of cases) {
      const run = await runCli(['diff', '-w', path, ...args, '--json'], { env });
      expect(run.code, args.join(' ')).toBe(4);
      expect(run.json()).toMatchObject({ error: { code } });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fileState(path)).toEqual(before);
  });
});
