import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSmallEstate } from '../identity/helpers/small-estate.js';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface Decision {
  system: string;
  accountKey: string;
  login: string;
  decision: string;
  employeeId: string | null;
  decidedBy: string;
}

describe('attest decisions and attest forget', () => {
  it('lists the decisions; forgetting one hands the account back to the rules, audited; forgetting twice is refused', async () => {
    const dir = tempDir();
    (await buildSmallEstate(dir)).close();
    const ws = join(dir, 'w.attest');
    const cli = (...args: string[]) => runCli([...args, '-w', ws, '--json'], { env });
    const orphans = async (): Promise<string[]> => ((await cli('analyze')).json() as { findings: { type: string; account: string }[] }).findings.filter((f) => f.type === 'orphan').map((f) => f.account);

    expect(((await cli('decisions')).json() as { decisions: Decision[] }).decisions).toEqual([]);
    expect(await orphans()).toContain('ghost');
    expect((await cli('link', '--system', 'ERP', '--account', 'ghost', '--identity', 'E7')).code).toBe(0);
    expect((await cli('mark', '--system', 'erp', '--account', 'team', '--shared')).code).toBe(0);
    expect(await orphans()).not.toContain('ghost');

    const listed = ((await cli('decisions')).json() as { decisions: Decision[] }).decisions;
    expect(listed.map((d) => [d.system, d.accountKey, d.login, d.decision, d.employeeId])).toEqual([
      ['ERP', 'ghost', 'ghost', 'link', 'E7'],
      ['ERP', 'team', 'team', 'shared', null],
    ]);

    const forgot = await cli('forget', '--system', 'ERP', '--account', 'ghost');
    expect(forgot.code, forgot.stderr).toBe(0);
    expect(forgot.json()).toMatchObject({ system: 'ERP', accountKey: 'ghost', decision: 'link', employeeId: 'E7' });
    expect(((await cli('decisions')).json() as { decisions: Decision[] }).decisions.map((d) => d.accountKey)).toEqual(['team']);
    expect(await orphans()).toContain('ghost');
    const actions = ((await cli('audit', 'log')).json() as { events: { action: string }[] }).events.map((e) => e.action);
    expect(actions.filter((a) => a === 'account.forget')).toHaveLength(1);

    const again = await cli('forget', '--system', 'ERP', '--account', 'ghost');
    expect(again.code).toBe(4);
    expect(again.json()).toMatchObject({ error: { code: 'UNKNOWN_DECISION' } });
    expect((await cli('forget', '--system', 'ERP', '--account', 'nobody')).json()).toMatchObject({ error: { code: 'UNKNOWN_ACCOUNT' } });
  });
});
