import { describe, expect, it } from 'vitest';
import { diffGrants, diffSnapshots } from '../../src/identity/snapshot-diff.js';
import type { Workspace } from '../../src/store/workspace.js';
import { importCsv } from '../helpers/snapshots.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();

const ERP_OCTOBER = [
  'alice,alice@acme.test,Alice Ames,AP Clerk,no,enabled,2026-09-30,human',
  'alice,alice@acme.test,Alice Ames,GL Viewer,no,enabled,2026-09-30,human',
  'bob,bob@acme.test,Bob Burns,AP Approver,no,enabled,2026-09-29,human',
  'carol,carol@acme.test,Carol Cho,GL Viewer,no,enabled,2026-09-28,human',
  'svc-batch,,Batch,Batch Runner,no,enabled,,service',
];
const ERP_NOVEMBER = [
  'alice,alice@acme.test,Alice Ames,AP Clerk,no,enabled,2026-10-30,human',
  'alice,alice@acme.test,Alice Ames,AP Approver,no,enabled,2026-10-30,human',
  'bob,bob@acme.test,Bob Burns,AP Approver,no,disabled,2026-09-29,human',
  'dave,dave@acme.test,Dave Diaz,Admin,yes,enabled,2026-10-31,human',
  'svc-batch,batch@acme.test,Batch,Batch Runner,no,enabled,,service',
];

async function erp(ws: Workspace, dir: string): Promise<{ october: number; november: number }> {
  const october = await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-10-01', rows: ERP_OCTOBER });
  const november = await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-11-01', rows: ERP_NOVEMBER });
  return { october, november };
}

describe('snapshot diff', () => {
  it('two access snapshots: grants, accounts and entitlements added, removed and changed, keyed by account and entitlement keys', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const { october, november } = await erp(ws, dir);
    const diff = diffSnapshots(ws.db, { system: 'ERP' });
    expect(diff).toMatchObject({ system: 'ERP', content: 'access', from: { id: october, asOf: '2026-10-01' }, to: { id: november, asOf: '2026-11-01' }, identities: null });
    expect(diff.added).toEqual([
      { account: 'alice', entitlement: 'AP Approver', via: null },
      { account: 'dave', entitlement: 'Admin', via: null },
    ]);
    expect(diff.removed).toEqual([
      { account: 'alice', entitlement: 'GL Viewer', via: null },
      { account: 'carol', entitlement: 'GL Viewer', via: null },
    ]);
    expect(diff.accounts?.added).toEqual([{ account: 'dave', login: 'dave', email: 'dave@acme.test', displayName: 'Dave Diaz', status: 'enabled', accountType: 'human', privileged: true }]);
    expect(diff.accounts?.removed.map((a) => a.account)).toEqual(['carol']);
    expect(diff.accounts?.changed).toEqual([
      { account: 'alice', login: 'alice', changes: [{ field: 'lastLogin', from: '2026-09-30', to: '2026-10-30' }] },
      { account: 'bob', login: 'bob', changes: [{ field: 'status', from: 'enabled', to: 'disabled' }] },
      { account: 'svc-batch', login: 'svc-batch', changes: [{ field: 'email', from: null, to: 'batch@acme.test' }] },
    ]);
    expect(diff.entitlements).toEqual({ added: [{ entitlement: 'Admin', name: 'Admin', privileged: true }], removed: [{ entitlement: 'GL Viewer', name: 'GL Viewer', privileged: false }] });
    expect(diff.counts).toEqual({ grantsAdded: 2, grantsRemoved: 2, accountsAdded: 1, accountsRemoved: 1, accountsChanged: 3, entitlementsAdded: 1, entitlementsRemoved: 1 });
    expect(diffGrants(ws.db, october, november)).toEqual({ added: diff.added, removed: diff.removed });
    ws.close();
  });

  it('--from and --to pick any two snapshots, either way round; the default "from" is the one before "to"', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const { october, november } = await erp(ws, dir);
    const december = await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-12-01', rows: ERP_NOVEMBER });
    expect(diffSnapshots(ws.db, { system: 'ERP' })).toMatchObject({ from: { id: november }, to: { id: december }, added: [], removed: [], counts: { accountsChanged: 0 } });
    expect(diffSnapshots(ws.db, { system: 'ERP', to: november }).from.id).toBe(october);
    expect(diffSnapshots(ws.db, { system: 'ERP', from: october }).to.id).toBe(december);
    const reversed = diffSnapshots(ws.db, { system: 'ERP', from: december, to: october });
    expect(reversed.added.map((g) => `${g.account}:${g.entitlement}`)).toEqual(['alice:GL Viewer', 'carol:GL Viewer']);
    expect(reversed.accounts?.changed.find((a) => a.account === 'bob')?.changes).toEqual([{ field: 'status', from: 'disabled', to: 'enabled' }]);
    ws.close();
  });

  it('two HR snapshots: joiners, leavers (gone or terminated) and movers (department, title, manager), old → new', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    await importCsv(ws, dir, {
      system: 'HR',
      profile: 'hr',
      asOf: '2026-10-01',
      rows: [
        'E1,Ann Boss,ann@acme.test,,Exec,CEO,active,',
        'E2,Ben Clerk,ben@acme.test,E1,Finance,Clerk,active,',
        'E3,Cat Dev,cat@acme.test,E1,IT,Developer,active,',
        'E4,Dan Gone,dan@acme.test,E1,Sales,Rep,active,',
        'E5,Eve Left,eve@acme.test,E1,Sales,Rep,terminated,2026-08-31',
      ],
    });
    await importCsv(ws, dir, {
      system: 'HR',
      profile: 'hr',
      asOf: '2026-11-01',
      rows: [
        'E1,Ann Boss,ann@acme.test,,Exec,CEO,active,',
        'E2,Ben Clerk,ben@acme.test,E3,Finance,Senior Clerk,active,',
        'E3,Cat Dev,cat@acme.test,E1,IT,Developer,terminated,2026-10-15',
        'E5,Eve Left,eve@acme.test,E1,Sales,Rep,terminated,2026-08-31',
        'E6,Fay New,fay@acme.test,E1,Finance,Analyst,active,',
      ],
    });
    const diff = diffSnapshots(ws.db, { system: 'HR' });
    expect(diff).toMatchObject({ content: 'identities', added: [], removed: [], accounts: null, entitlements: null, counts: { joiners: 1, leavers: 2, movers: 1 } });
    expect(diff.identities).toEqual({
      joiners: [{ employeeId: 'E6', displayName: 'Fay New', email: 'fay@acme.test', department: 'Finance', title: 'Analyst', status: 'active' }],
      leavers: [
        { employeeId: 'E3', displayName: 'Cat Dev', email: 'cat@acme.test', reason: 'terminated', terminationDate: '2026-10-15' },
        { employeeId: 'E4', displayName: 'Dan Gone', email: 'dan@acme.test', reason: 'gone', terminationDate: null },
      ],
      movers: [
        {
          employeeId: 'E2',
          displayName: 'Ben Clerk',
          changes: [
            { field: 'title', from: 'Clerk', to: 'Senior Clerk' },
            { field: 'manager', from: 'E1', to: 'E3' },
          ],
        },
      ],
    });
    ws.close();
  });

  it('refuses snapshots of another system, of another kind, unknown ids and systems, and a system with one snapshot, with codes', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const { october } = await erp(ws, dir);
    const hr = await importCsv(ws, dir, { system: 'HR', profile: 'hr', asOf: '2026-10-01', rows: ['E1,Ann Boss,ann@acme.test,,Exec,CEO,active,'] });
    const crm = await importCsv(ws, dir, { system: 'CRM', profile: 'grants', asOf: '2026-10-01', rows: ['alice,,,Sales,no,enabled,,human'] });
    const code = (request: Parameters<typeof diffSnapshots>[1]): string => {
      try {
        diffSnapshots(ws.db, request);
      } catch (error) {
        return `${(error as { code: string }).code}: ${(error as Error).message}`;
      }
      return 'no error';
    };
    expect(code({ system: 'ERP', from: crm })).toMatch(/^SNAPSHOT_MISMATCH: Snapshot #\d+ is of CRM, not ERP/);
    expect(code({ system: 'ERP', from: october, to: crm })).toMatch(/^SNAPSHOT_MISMATCH/);
    expect(code({ system: 'HR', from: hr, to: october })).toMatch(/^SNAPSHOT_MISMATCH/);
    expect(code({ system: 'CRM' })).toMatch(/^NOTHING_TO_COMPARE: CRM has no snapshot older than/);
    expect(code({ system: 'ERP', to: 999 })).toMatch(/^UNKNOWN_SNAPSHOT: There is no snapshot #999/);
    expect(code({ system: 'Payroll' })).toMatch(/^UNKNOWN_SYSTEM: There is no system named "Payroll" in this workspace \(systems: CRM, ERP, HR\)/);
    ws.close();
  });
});
