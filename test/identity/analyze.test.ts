import { describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/identity/account-decisions.js';
import { runAnalysis } from '../../src/identity/run-analysis.js';
import { readAnalysisRun } from '../../src/identity/stored-findings.js';
import type { Workspace } from '../../src/store/workspace.js';
import { attestFailure, failure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';
import { AS_OF, buildSmallEstate } from './helpers/small-estate.js';

const tempDir = useTempDirs();

type Row = [type: string, system: string, account: string, identity: string | null];
const rows = async (ws: Workspace, options: Parameters<typeof runAnalysis>[1] = { operator: 'tester' }): Promise<Row[]> =>
  (await runAnalysis(ws, options)).findings.map((f) => [f.type, f.system, f.account, f.identity]);

async function estate(): Promise<Workspace> {
  const ws = await buildSmallEstate(tempDir());
  decideAccount(ws, { system: 'ERP', account: 'svc-owned', decision: 'service', employeeId: 'E14', operator: 'tester' });
  return ws;
}

describe('analysis of a small hand-built estate', () => {
  it('finds exactly the planted findings of every type, in type order', async () => {
    const ws = await estate();
    expect(await rows(ws)).toEqual([
      ['leaver', 'ERP', 'tgone', 'E10'],
      ['leaver-login', 'ERP', 'tgone', 'E10'],
      ['orphan', 'ERP', 'ghost', null],
      ['orphan', 'ERP', 'nn01', null],
      ['external', 'ERP', 'guest1', null],
      ['dormant', 'ERP', 'doak', 'E4'],
      ['privileged', 'ERP', 'cfox', 'E3'],
      ['standing-privilege', 'ERP', 'cfox', 'E3'],
      ['no-mfa', 'Mail', 'ed.moss@corp.example', 'E5'],
      ['service', 'ERP', 'svc-batch', null],
      ['shared', 'ERP', 'team', null],
      ['mover', 'ERP', 'bray', 'E2'],
      ['outlier', 'ERP', 'cfox', 'E3'],
      ['new-access', 'ERP', 'ikim', 'E9'],
      ['ambiguous-match', 'ERP', 'pat', null],
      ['name-suggestion', 'ERP', 'nn01', 'E15'],
    ]);
    ws.close();
  });

  it('gives the evidence in each detail: dates, days, entitlements, peer coverage', async () => {
    const ws = await estate();
    const detail = new Map((await runAnalysis(ws, { operator: 'tester' })).findings.map((f) => [`${f.type} ${f.account}`, f.detail]));
    expect(detail.get('leaver tgone')).toBe('Tom Gone terminated 2026-05-01; account still enabled in the snapshot of 2026-06-01 (31 days after termination)');
    expect(detail.get('leaver-login tgone')).toBe('Tom Gone terminated 2026-05-01; account last used 2026-05-10, 9 days after termination (account enabled)');
    expect(detail.get('dormant doak')).toBe('enabled; last used 2026-01-15, 137 days before 2026-06-01 (threshold 90 days)');
    expect(detail.get('privileged cfox')).toContain('Payments Admin');
    expect(detail.get('standing-privilege cfox')).toBe('Payments Admin held in all 2 snapshots since 2026-05-15; a candidate for just-in-time access');
    expect(detail.get('mover bray')).toBe('moved from Finance to Sales between the HR snapshots of 2026-03-01 and 2026-06-01; still holds GL View (held by 6 in Finance, none in Sales)');
    expect(detail.get('outlier cfox')).toBe('Finance, Analyst: Payments Admin held by 0 of 5 peers (0.0%)');
    expect(detail.get('new-access ikim')).toBe('1 new since the snapshot of 2026-05-15: CRM');
    expect(detail.get('ambiguous-match pat')).toContain('(E12, E13)');
    ws.close();
  });

  it('near-misses yield nothing: a disabled leaver account, a source without activity data, an owned service account, unknown or off-but-suspended MFA', async () => {
    const ws = await estate();
    const found = await rows(ws);
    const about = (account: string) => found.filter((f) => f[2] === account);
    expect(about('dgone')).toEqual([]); // terminated, but disabled and not used since
    expect(found.filter((f) => f[1] === 'VPN')).toEqual([]); // no last login anywhere: not dormant
    expect(about('svc-owned')).toEqual([]); // service account with an owner
    expect(about('pat').map((f) => f[0])).toEqual(['ambiguous-match']); // listed, neither linked nor an orphan
    expect(about('fay.lin@corp.example')).toEqual([]); // MFA off but suspended
    expect(found.filter((f) => f[0] === 'no-mfa' && f[1] === 'ERP')).toEqual([]); // MFA unknown
    ws.close();
  });

  it('counts every type in camelCase, zeros included, and the dormant threshold is a parameter', async () => {
    const ws = await estate();
    const run = await runAnalysis(ws, { operator: 'tester', dormantDays: 200 });
    expect(run.counts).toMatchObject({ leaver: 1, leaverLogin: 1, orphan: 2, dormant: 0, noMfa: 1, standingPrivilege: 1, ambiguousMatch: 1, nameSuggestion: 1 });
    expect(Object.keys(run.counts)).toHaveLength(15);
    expect(run.parameters).toEqual({ dormantDays: 200, outlierPercent: 10, minPeers: 5 });
    expect(run.correlation.byRule).toMatchObject({ 'employee-id': 14, email: 1, login: 1, ambiguous: 1, 'service-owner': 1 });
    ws.close();
  });

  it('decisions win over the rules and hold for every snapshot of the system', async () => {
    const ws = await estate();
    decideAccount(ws, { system: 'ERP', account: 'nn01', decision: 'link', employeeId: 'E15', operator: 'tester' });
    decideAccount(ws, { system: 'ERP', account: 'alee', decision: 'unlink', operator: 'tester' });
    decideAccount(ws, { system: 'ERP', account: 'ghost', decision: 'shared', operator: 'tester' });
    decideAccount(ws, { system: 'ERP', account: 'pat', decision: 'link', employeeId: 'E13', operator: 'tester' });
    const found = await rows(ws);
    expect(found.filter((f) => ['nn01', 'alee', 'ghost', 'pat'].includes(f[2]))).toEqual([
      ['orphan', 'ERP', 'alee', null],
      ['shared', 'ERP', 'ghost', null],
    ]);
    // As of 2026-05-20 the ERP's latest snapshot is the earlier one: the decisions hold there too.
    const earlier = await rows(ws, { operator: 'tester', asOf: '2026-05-20' });
    expect(earlier.filter((f) => ['nn01', 'alee', 'ghost'].includes(f[2]))).toEqual([
      ['orphan', 'ERP', 'alee', null],
      ['shared', 'ERP', 'ghost', null],
    ]);
    // A later decision replaces the earlier one.
    decideAccount(ws, { system: 'ERP', account: 'ghost', decision: 'service', employeeId: 'E14', operator: 'tester' });
    expect((await rows(ws)).filter((f) => f[2] === 'ghost')).toEqual([]);
    const actions = ws.db.prepare("SELECT action FROM audit_events WHERE action LIKE 'account.%'").pluck().all();
    expect(actions).toEqual(['account.service', 'account.link', 'account.unlink', 'account.shared', 'account.link', 'account.service']);
    ws.close();
  });

  it('an account is named by its key or its login; a login that names two accounts is refused', async () => {
    const ws = await estate();
    expect(decideAccount(ws, { system: 'erp', account: 'GHOST', decision: 'shared', operator: 'tester' })).toMatchObject({ system: 'ERP', accountKey: 'ghost', login: 'ghost' });
    ws.close();
  });

  it('stores each run, immutable and audited; a stored run reads back whole or by type', async () => {
    const ws = await estate();
    const first = await runAnalysis(ws, { operator: 'tester' });
    const second = await runAnalysis(ws, { operator: 'tester', asOf: '2026-05-20' });
    expect(second.runId).toBe(first.runId + 1);
    expect(readAnalysisRun(ws.db, first.runId).findings).toEqual(first.findings);
    expect(readAnalysisRun(ws.db).runId).toBe(second.runId);
    expect(readAnalysisRun(ws.db, first.runId, 'leaver').findings.map((f) => f.account)).toEqual(['tgone']);
    expect(readAnalysisRun(ws.db, first.runId, 'leaver').counts).toEqual(first.counts);
    expect(second.asOf).toBe('2026-05-20');
    expect(second.findings.some((f) => f.type === 'new-access')).toBe(false); // the ERP's first snapshot has no baseline
    expect(() => ws.db.exec('UPDATE findings SET detail = detail')).toThrowError(/immutable/);
    expect(() => ws.db.exec('DELETE FROM analysis_runs')).toThrowError(/immutable/);
    const events = ws.db.prepare("SELECT payload FROM audit_events WHERE action = 'analysis.run'").pluck().all() as string[];
    expect(events.map((p) => (JSON.parse(p) as { runId: number; findings: number }).runId)).toEqual([first.runId, second.runId]);
    ws.close();
  });

  it('refuses with a coded error what it cannot find', async () => {
    const ws = await estate();
    const before = ws.db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    const decide = (system: string, account: string, employeeId?: string) => () => decideAccount(ws, { system, account, decision: 'link', employeeId, operator: 'tester' });
    const unknownSystem = attestFailure(decide('CRM', 'ghost', 'E1'));
    expect(unknownSystem.code).toBe('UNKNOWN_SYSTEM');
    expect(unknownSystem.message).toContain('ERP');
    expect(attestFailure(decide('ERP', 'nobody', 'E1'))).toMatchObject({ code: 'UNKNOWN_ACCOUNT' });
    expect(attestFailure(decide('ERP', 'ghost', 'E404'))).toMatchObject({ code: 'UNKNOWN_IDENTITY' });
    expect(attestFailure(() => readAnalysisRun(ws.db, 99))).toMatchObject({ code: 'UNKNOWN_RUN' });
    expect(await failure(runAnalysis(ws, { operator: 'tester', asOf: '2025-01-01' }))).toMatchObject({ code: 'NO_HR_SNAPSHOT' });
    expect(await failure(runAnalysis(ws, { operator: 'tester', asOf: '1 June' }))).toMatchObject({ code: 'USAGE' });
    expect(ws.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(before);
    ws.close();
    const empty = newWorkspace(tempDir());
    expect(attestFailure(() => readAnalysisRun(empty.db))).toMatchObject({ code: 'UNKNOWN_RUN' });
    expect(await failure(runAnalysis(empty, { operator: 'tester' }))).toMatchObject({ code: 'NO_HR_SNAPSHOT' });
    empty.close();
  });

  it('reports progress step by step, and a cancel stores no run and leaves no scratch table', async () => {
    const ws = await estate();
    const seen: [number, number][] = [];
    const abort = new AbortController();
    const cancelled = await failure(runAnalysis(ws, { operator: 'tester' }, { signal: abort.signal, onProgress: (p) => (seen.push([p.done, p.total]), p.done === 3 ? abort.abort() : undefined) }));
    expect(cancelled.code).toBe('CANCELLED');
    expect(seen.map(([done]) => done)).toEqual([1, 2, 3]);
    expect(ws.db.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(0);
    expect(ws.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'analysis.run'").pluck().get()).toBe(0);
    expect(ws.db.prepare("SELECT name FROM sqlite_temp_master WHERE type IN ('table', 'view')").pluck().all()).toEqual([]);
    const steps: number[] = [];
    await runAnalysis(ws, { operator: 'tester' }, { onProgress: (p) => steps.push(p.done / p.total) });
    expect(steps.at(-1)).toBe(1);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    ws.close();
  });

  it('defaults the date to the newest snapshot', async () => {
    const ws = await estate();
    expect((await runAnalysis(ws, { operator: 'tester' })).asOf).toBe(AS_OF);
    ws.close();
  });
});
