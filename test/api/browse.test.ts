import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import type { OperationInput, OperationName, OperationOutput } from '../../src/api/contract.js';
import { PASSPHRASE } from '../helpers/workspace.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const session = new ApiSession();
let dir = '';
let demo: OperationOutput<'demo.create'>;

async function ok<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const result = await invoke(name, input, { session });
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attest-browse-'));
  demo = await ok('demo.create', { dir: join(dir, 'demo'), passphrase: PASSPHRASE });
});
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the screens’ read operations over the demo company', () => {
  it('summarises the dashboard from the stored runs', async () => {
    const summary = await ok('dashboard.summary', {});
    expect(summary.findings?.counts).toEqual(demo.analysis.counts);
    const bySod = summary.sod?.byRisk ?? [];
    expect(bySod.reduce((n, r) => n + r.open + r.mitigated + r.excepted, 0)).toBe(demo.sod.counts.violations);
    expect(summary.systems.map((s) => s.system).sort()).toEqual([...new Set(demo.snapshots.map((s) => s.system))].sort());
    for (const s of summary.systems) expect(s.stale).toBe(s.ageDays! > summary.staleDays);
  });

  it('pages and searches identities in SQL, and shows one with its access', async () => {
    const all = await ok('identities.search', { limit: 5 });
    const info = await ok('workspace.info', {});
    expect(all.total).toBe(info.identities);
    expect(all.rows).toHaveLength(5);
    expect(all.departments).toEqual([]);
    expect((await ok('identities.search', { limit: 1, facets: true })).departments.length).toBeGreaterThan(1);
    expect(await ok('identities.search', { offset: all.total + 10, limit: 5 })).toMatchObject({ total: all.total, rows: [] });
    const second = await ok('identities.search', { offset: 5, limit: 5 });
    expect(second.rows[0]?.employeeId).not.toBe(all.rows[0]?.employeeId);
    const person = all.rows[0]!;
    const found = await ok('identities.search', { search: person.employeeId.toUpperCase(), limit: 50 });
    expect(found.rows.map((r) => r.employeeId)).toContain(person.employeeId);
    expect((await ok('identities.search', { search: '%', limit: 5 })).total).toBe(0);
    const terminated = await ok('identities.search', { status: 'terminated', limit: 1000 });
    expect(terminated.rows.every((r) => r.status === 'terminated')).toBe(true);

    const leaver = demo.analysis.counts.leaver! > 0 ? (await ok('findings.page', { type: 'leaver', limit: 1 })).rows[0] : undefined;
    const shown = await ok('identities.show', { employeeId: leaver!.identity! });
    expect(shown.identity.employeeId).toBe(leaver!.identity);
    expect(shown.findings.some((f) => f.type === 'leaver')).toBe(true);
    expect(shown.accounts.some((a) => a.system === leaver!.system && a.accountKey === leaver!.accountKey)).toBe(true);
    expect(await invoke('identities.show', { employeeId: 'no-such-person' }, { session })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_IDENTITY' } });
  });

  it('pages accounts, findings and violations with their filters', async () => {
    const info = await ok('workspace.info', {});
    expect((await ok('accounts.search', { limit: 1 })).total).toBe(info.accounts);
    const privileged = await ok('accounts.search', { privileged: true, limit: 1000 });
    expect(privileged.rows.every((a) => a.privileged)).toBe(true);
    const findings = await ok('findings.page', { type: 'orphan', limit: 1000 });
    expect(findings.total).toBe(demo.analysis.counts.orphan);
    const violations = await ok('sod.violations', { limit: 1000 });
    expect(violations.total).toBe(demo.sod.counts.violations);
    const first = violations.rows[0]!;
    const detail = await ok('sod.violation', { id: first.id });
    expect(new Set(detail.grants.map((g) => g.side)).size).toBeGreaterThanOrEqual(2);
    expect((await ok('sod.violations', { risk: first.risk as 'high', limit: 1000 })).rows.every((v) => v.risk === first.risk)).toBe(true);
    expect(await invoke('sod.violation', { id: 999_999 }, { session })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const inOneSystem = await ok('findings.page', { system: findings.rows[0]!.system, limit: 1000 });
    expect(inOneSystem.rows.every((f) => f.system === findings.rows[0]!.system)).toBe(true);
    expect(await invoke('findings.page', { type: 'no-such-type' }, { session })).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });

  it('previews a file’s first rows as written and the fields its profile reads', async () => {
    const erp = demo.files.find((f) => f.name === 'erp-grants.csv')!;
    const preview = await ok('import.preview', { path: erp.path, profile: 'grants', rows: 3 });
    expect(preview.header).toContain('Account');
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(preview.rows[0]!.cells).toHaveLength(preview.header!.length);
    expect(preview.fields.filter((f) => f.required).map((f) => f.name)).toEqual(expect.arrayContaining(['Account', 'Entitlement']));
    const ldif = demo.files.find((f) => f.name.endsWith('.ldif'))!;
    expect(await ok('import.preview', { path: ldif.path })).toMatchObject({ kind: 'ldif', header: null, rows: [], fields: [] });
    expect(await invoke('import.preview', { path: join(dir, 'missing.csv') }, { session })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('keeps settings in the workspace, audited; the operator set there names later changes; the dormant threshold is the analysis default', async () => {
    const initial = await ok('settings.get', {});
    expect(initial).toEqual({ operator: expect.any(String) as unknown, autoLockMinutes: 15, staleDays: 30, dormantDays: 90 });
    expect(await ok('settings.update', { autoLockMinutes: 5 })).toEqual({ ...initial, autoLockMinutes: 5 });
    expect(await invoke('settings.update', { autoLockMinutes: -1 }, { session })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('settings.update', { dormantDays: 0 }, { session })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const lastEvent = async () => (await ok('audit.list', { afterSeq: 0, limit: 10_000 })).events.at(-1);
    expect(await lastEvent()).toMatchObject({ action: 'settings.update', actor: session.operator });

    await ok('settings.update', { operator: '  Dana Reviewer ' });
    expect((await ok('settings.get', {})).operator).toBe('Dana Reviewer');
    expect(await lastEvent()).toMatchObject({ action: 'settings.update', payload: { to: { operator: 'Dana Reviewer' } } });
    expect((await ok('workspace.info', {})).operator).toBe('Dana Reviewer');
    await ok('settings.update', { staleDays: 45 });
    expect(await lastEvent()).toMatchObject({ action: 'settings.update', actor: 'Dana Reviewer' });

    // The analysis takes its dormant threshold from the settings unless the run names one.
    await ok('settings.update', { dormantDays: 400 });
    const byDefault = await ok('analysis.run', {});
    expect(byDefault.parameters.dormantDays).toBe(400);
    const named = await ok('analysis.run', { dormantDays: 30 });
    expect(named.parameters.dormantDays).toBe(30);
    expect(named.counts.dormant ?? 0).toBeGreaterThanOrEqual(byDefault.counts.dormant ?? 0);
  });
});
