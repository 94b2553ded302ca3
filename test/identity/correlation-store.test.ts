import { describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/identity/account-decisions.js';
import { runAnalysis } from '../../src/identity/run-analysis.js';
import type { Workspace } from '../../src/store/workspace.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { buildSmallEstate, load } from './helpers/small-estate.js';

const tempDir = useTempDirs();

/** Stored pairs as "HR snapshot id → access snapshot id", and the accounts each holds. */
function storedPairs(ws: Workspace): { pair: string; accounts: number; expected: number }[] {
  return ws.db
    .prepare(
      `SELECT c.hr_snapshot_id || '→' || c.snapshot_id AS pair,
              (SELECT count(*) FROM account_correlations a WHERE a.hr_snapshot_id = c.hr_snapshot_id AND a.snapshot_id = c.snapshot_id) AS accounts,
              (SELECT count(*) FROM accounts a WHERE a.snapshot_id = c.snapshot_id) AS expected
       FROM correlation_sets c ORDER BY c.hr_snapshot_id, c.snapshot_id`,
    )
    .all() as { pair: string; accounts: number; expected: number }[];
}

const newestSnapshot = (ws: Workspace, system: string): number =>
  ws.db.prepare('SELECT s.id FROM snapshots s JOIN systems y ON y.id = s.system_id WHERE y.name = ? ORDER BY s.as_of DESC, s.id DESC LIMIT 1').pluck().get(system) as number;

describe('correlation kept per snapshot', () => {
  it('each import leaves the current picture correlated, every account of each pair stored', async () => {
    const ws = await buildSmallEstate(tempDir());
    const hr = newestSnapshot(ws, 'HR');
    const pairs = storedPairs(ws);
    for (const system of ['ERP', 'VPN', 'Mail']) expect(pairs.map((p) => p.pair)).toContain(`${hr}→${newestSnapshot(ws, system)}`);
    for (const p of pairs) expect(p.accounts).toBe(p.expected);
    ws.close();
  });

  it('a decision forgets its system’s pairs only; the next analysis recomputes them and applies the decision', async () => {
    const ws = await buildSmallEstate(tempDir());
    const hr = newestSnapshot(ws, 'HR');
    const erp = newestSnapshot(ws, 'ERP');
    const vpn = newestSnapshot(ws, 'VPN');
    const before = await runAnalysis(ws, { operator: 'tester' });
    expect(before.findings.some((f) => f.type === 'orphan' && f.account === 'ghost')).toBe(true);

    decideAccount(ws, { system: 'ERP', account: 'ghost', decision: 'link', employeeId: 'E7', operator: 'tester' });
    const pairs = storedPairs(ws).map((p) => p.pair);
    expect(pairs).not.toContain(`${hr}→${erp}`);
    expect(pairs).toContain(`${hr}→${vpn}`);

    const after = await runAnalysis(ws, { operator: 'tester' });
    expect(after.findings.some((f) => f.type === 'orphan' && f.account === 'ghost')).toBe(false);
    expect(storedPairs(ws).map((p) => p.pair)).toContain(`${hr}→${erp}`);
    const row = ws.db
      .prepare("SELECT c.rule, i.employee_id FROM account_correlations c JOIN accounts a ON a.id = c.account_id JOIN identities i ON i.id = c.identity_id WHERE c.snapshot_id = ? AND a.account_key = 'ghost'")
      .get(erp);
    expect(row).toEqual({ rule: 'link', employee_id: 'E7' });
    ws.close();
  });

  it('an analysis from an emptied store finds the same as one from the stored correlation', async () => {
    const ws = await buildSmallEstate(tempDir());
    const stored = (await runAnalysis(ws, { operator: 'tester' })).findings;
    ws.db.exec('DELETE FROM account_correlations; DELETE FROM correlation_sets;');
    expect((await runAnalysis(ws, { operator: 'tester' })).findings).toEqual(stored);
    ws.close();
  });

  it('an identity holding an entitlement through two accounts of one system counts once among its peers', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const people = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
    await load(ws, dir, 'hr.csv', ['Employee ID,Display Name,Email,Department,Title,Status', ...people.map((id) => `${id},Person ${id},${id.toLowerCase()}@corp.example,Finance,Analyst,active`)], 'hr', 'HR', '2026-06-01');
    // E1 holds Vault through two accounts; E6 holds it once; the others hold only GL View.
    const grants = ['Account,Employee ID,Entitlement', 'e1,E1,Vault', 'e1-admin,E1,Vault', 'e6,E6,Vault', ...people.map((id) => `${id.toLowerCase()},${id},GL View`)];
    await load(ws, dir, 'erp.csv', grants, 'grants', 'ERP', '2026-06-01');
    const run = await runAnalysis(ws, { operator: 'tester', outlierPercent: 30 });
    const outlier = run.findings.find((f) => f.type === 'outlier' && f.account === 'e6');
    // Counted once, E1 makes Vault held by 1 of E6's 5 peers (20% < 30%): an outlier. Counted twice it would be 40%.
    expect(outlier?.detail).toBe('Finance, Analyst: Vault held by 1 of 5 peers (20.0%)');
    ws.close();
  });
});
