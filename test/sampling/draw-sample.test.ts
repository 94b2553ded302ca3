import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { registerPopulation } from '../../src/sampling/population-registry.js';
import type { Workspace } from '../../src/store/workspace.js';
import { importCsv } from '../helpers/snapshots.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

const USERS = Array.from({ length: 40 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`);
const GRANT_ROWS = USERS.map((u, i) => `${u},${u}@acme.test,,${i % 3 === 0 ? 'AP Clerk;GL Viewer' : 'GL Viewer'},no,enabled,,human`);
const HR_ROWS = USERS.map((u, i) => `E${100 + i},${u},${u}@acme.test,,Finance,Clerk,active,`);

/** A workspace with ERP (40 accounts, 54 grants) and HR (40 people), open through the API. */
async function session(): Promise<{ session: ApiSession; ws: Workspace; dir: string }> {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-10-01', rows: GRANT_ROWS });
  await importCsv(ws, dir, { system: 'HR', profile: 'hr', asOf: '2026-10-01', rows: HR_ROWS });
  const path = ws.path;
  ws.close();
  const s = new ApiSession();
  const opened = await invoke('workspace.open', { path, passphrase: PASSPHRASE, operator: 'ana' }, { session: s });
  expect(opened.ok).toBe(true);
  return { session: s, ws: s.workspace, dir };
}

async function draw(s: ApiSession, input: Record<string, unknown>) {
  const result = await invoke('samples.draw', input, { session: s });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function drawError(s: ApiSession, input: Record<string, unknown>): Promise<string> {
  const result = await invoke('samples.draw', input, { session: s });
  return result.ok ? 'no error' : `${result.error.code}: ${result.error.message}`;
}

describe('audit samples', () => {
  it('the same seed over the same population selects the same members in two workspaces built the same way; another seed selects others', async () => {
    const one = await session();
    const two = await session();
    const request = { population: 'accounts', system: 'ERP', size: 8, seed: '20261101' };
    const a = await draw(one.session, request);
    const b = await draw(two.session, request);
    expect(a).toMatchObject({ population: 'accounts', parameters: { system: 'ERP' }, keyFields: ['account'], populationSize: 40, size: 8, method: 'simple-random', seed: '20261101', seedSource: 'given', createdBy: 'ana' });
    expect(a.items.map((i) => i.key)).toEqual(b.items.map((i) => i.key));
    expect(a.populationSha256).toBe(b.populationSha256);
    expect(new Set(a.items.map((i) => i.key[0])).size).toBe(8);
    expect(a.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const item of a.items) expect(item.key).toEqual([USERS[item.populationIndex]]);
    const other = await draw(one.session, { ...request, seed: '20261102' });
    expect(other.items.map((i) => i.key)).not.toEqual(a.items.map((i) => i.key));
    expect(other.populationSha256).toBe(a.populationSha256);
    one.session.close();
    two.session.close();
  });

  it('a generated seed is recorded, and drawing again with it reproduces the sample', async () => {
    const { session: s } = await session();
    const first = await draw(s, { population: 'grants', system: 'ERP', percent: 10 });
    expect(first).toMatchObject({ seedSource: 'generated', populationSize: 54, size: 6, requested: { percent: 10 }, keyFields: ['account', 'entitlement'] });
    expect(first.seed).toMatch(/^\d+$/);
    const again = await draw(s, { population: 'grants', system: 'ERP', percent: 10, seed: first.seed });
    expect(again.seedSource).toBe('given');
    expect(again.items).toEqual(first.items);
    s.close();
  });

  it('samples are stored, listed newest first, shown with their items, audited, and immutable', async () => {
    const { session: s, ws } = await session();
    const accounts = await draw(s, { population: 'accounts', system: 'ERP', size: 3, seed: '1' });
    const people = await draw(s, { population: 'identities', size: 4, seed: '2', method: 'systematic' });
    expect(people).toMatchObject({ parameters: { system: 'HR' }, keyFields: ['employeeId'], populationSize: 40, method: 'systematic' });
    // Systematic over 40 in 4: one member from each block of 10, in population order.
    expect(people.items.map((i) => Math.floor(i.populationIndex / 10))).toEqual([0, 1, 2, 3]);
    const listed = await invoke('samples.list', {}, { session: s });
    expect(listed.ok && listed.value.samples.map((x) => x.id)).toEqual([people.id, accounts.id]);
    expect(listed.ok && listed.value.samples[0]).not.toHaveProperty('items');
    expect(await invoke('samples.show', { id: accounts.id }, { session: s })).toEqual({ ok: true, value: accounts });
    expect(await invoke('samples.show', { id: 999 }, { session: s })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SAMPLE' } });
    const events = ws.db.prepare("SELECT actor, payload FROM audit_events WHERE action = 'sample.drawn' ORDER BY seq").all() as { actor: string; payload: string }[];
    expect(events.map((e) => e.actor)).toEqual(['ana', 'ana']);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({ sampleId: accounts.id, population: 'accounts', seed: '1', size: 3, populationSha256: accounts.populationSha256 });
    expect(() => ws.db.exec('DELETE FROM sample_items')).toThrowError(/immutable/);
    s.close();
  });

  it('the population hash is stable for the same members and changes when the population changes; --snapshot samples an older one', async () => {
    const { session: s, ws, dir } = await session();
    const before = await draw(s, { population: 'accounts', system: 'ERP', size: 1, seed: '3' });
    const older = before.parameters.snapshotId as number;
    await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-11-01', rows: [...GRANT_ROWS, 'zed,zed@acme.test,,GL Viewer,no,enabled,,human'] });
    const after = await draw(s, { population: 'accounts', system: 'ERP', size: 1, seed: '3' });
    expect(after.populationSize).toBe(41);
    expect(after.populationSha256).not.toBe(before.populationSha256);
    expect(after.parameters.snapshotId).not.toBe(older);
    const again = await draw(s, { population: 'accounts', snapshotId: older, size: 1, seed: '3' });
    expect(again).toMatchObject({ populationSha256: before.populationSha256, items: before.items, parameters: { system: 'ERP', snapshotId: older } });
    s.close();
  });

  it('refuses what cannot be drawn with coded errors, and stores nothing', async () => {
    const { session: s, ws } = await session();
    const hrSnapshot = ws.db.prepare("SELECT id FROM snapshots WHERE content = 'identities'").pluck().get() as number;
    expect(await drawError(s, { population: 'accounts', system: 'ERP', size: 41, seed: '1' })).toMatch(/^SAMPLE_TOO_LARGE: A sample of 41 cannot be drawn without replacement from 40 members \(the accounts of ERP snapshot #\d+\)/);
    expect(await drawError(s, { population: 'accounts', system: 'ERP', size: 2, seed: 'lucky' })).toMatch(/^INVALID_SEED: "lucky" is not a sampling seed/);
    expect(await drawError(s, { population: 'payroll-runs', size: 2 })).toMatch(/^UNKNOWN_POPULATION: There is no population "payroll-runs". Sample one of: accounts, grants, identities, findings, campaign-items/);
    expect(await drawError(s, { population: 'accounts', size: 2 })).toMatch(/^USAGE: Name the system/);
    expect(await drawError(s, { population: 'accounts', snapshotId: hrSnapshot, size: 2 })).toMatch(/^SNAPSHOT_MISMATCH/);
    expect(await drawError(s, { population: 'identities', system: 'ERP', size: 2 })).toMatch(/^EMPTY_POPULATION: ERP has no snapshot holding identities/);
    expect(await drawError(s, { population: 'accounts', system: 'ERP', size: 2, percent: 5 })).toMatch(/^INVALID_INPUT/);
    expect(await drawError(s, { population: 'accounts', system: 'ERP', percent: 0 })).toMatch(/^INVALID_INPUT/);
    expect(await drawError(s, { population: 'accounts', system: 'ERP', size: 0 })).toMatch(/^INVALID_INPUT/);
    expect(ws.db.prepare('SELECT count(*) FROM samples').pluck().get()).toBe(0);
    expect(ws.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'sample.drawn'").pluck().get()).toBe(0);
    s.close();
  });

  it('other modules can register a population (e.g. findings of a run) and sample it the same way', async () => {
    const { session: s } = await session();
    registerPopulation({
      name: 'test-letters',
      description: 'letters, for this test',
      keyFields: ['letter'],
      load: () => ({ parameters: { alphabet: 'latin' }, described: 'the letters', members: ['d', 'a', 'c', 'b', 'e'].map((l) => [l]) }),
    });
    expect(() => registerPopulation({ name: 'accounts', description: '', keyFields: [], load: () => ({ parameters: {}, described: '', members: [] }) })).toThrowError(/already registered/);
    const sample = await draw(s, { population: 'test-letters', size: 5, seed: '9' });
    expect(sample.items.map((i) => i.key[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sample).toMatchObject({ parameters: { alphabet: 'latin' }, keyFields: ['letter'], populationSize: 5 });
    s.close();
  });
  it('the findings of an analysis run are a population: the newest run, or one named, optionally one finding type', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const ghosts = ['ghost1', 'ghost2', 'ghost3', 'ghost4', 'ghost5'].map((g) => `${g},,,GL Viewer,no,enabled,,human`);
    await importCsv(ws, dir, { system: 'ERP', profile: 'grants', asOf: '2026-10-01', rows: [...GRANT_ROWS, ...ghosts] });
    await importCsv(ws, dir, { system: 'HR', profile: 'hr', asOf: '2026-10-01', rows: HR_ROWS });
    const path = ws.path;
    ws.close();
    const s = new ApiSession();
    expect((await invoke('workspace.open', { path, passphrase: PASSPHRASE, operator: 'ana' }, { session: s })).ok).toBe(true);
    expect(await drawError(s, { population: 'findings', size: 2 })).toMatch(/^EMPTY_POPULATION: No analysis has been run/);
    const run = await invoke('analysis.run', {}, { session: s });
    if (!run.ok) throw new Error(run.error.message);
    const orphans = await draw(s, { population: 'findings', findingType: 'orphan', size: 3, seed: '7' });
    expect(orphans).toMatchObject({ parameters: { runId: run.value.runId, findingType: 'orphan' }, keyFields: ['type', 'system', 'account'], populationSize: 5, size: 3 });
    for (const item of orphans.items) expect(item.key).toEqual(['orphan', 'ERP', `ghost${item.populationIndex + 1}`]);
    const all = await draw(s, { population: 'findings', size: 1, seed: '7' });
    expect(all.populationSize).toBe(run.value.findings.length);
    expect(await drawError(s, { population: 'findings', runId: 99, size: 1 })).toMatch(/^UNKNOWN_RUN: There is no analysis run #99/);
    s.close();
  });
});
