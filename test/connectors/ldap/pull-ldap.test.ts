import { createHash } from 'node:crypto';
import { Client, SizeLimitExceededError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../src/api/invoke.js';
import type { OperationInput, OperationOutput } from '../../../src/api/contract.js';
import type { Progress } from '../../../src/api/result.js';
import { ApiSession } from '../../../src/api/session.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { newWorkspace } from '../../helpers/workspace.js';
import {
  ANN, BOB_STONE, DIRECT_GRANTS, REJECTED_DN, DISABLED, DOMAIN_ADMINS, GROUP_DNS, GROUPS, INHERITED_GRANTS, PEOPLE, SEED_LDIF, USER_DNS, group, person,
} from './helpers/seed-directory.js';
import { READER_DN, READER_PASSWORD, READER_SIZE_LIMIT, SUFFIX, useSlapd } from './helpers/slapd.js';

const slapd = useSlapd(SEED_LDIF);
const tempDir = useTempDirs();

function session(): { session: ApiSession; ws: Workspace } {
  const ws = newWorkspace(tempDir());
  const s = new ApiSession();
  s.attach(ws, 'tester');
  return { session: s, ws };
}

type PullInput = OperationInput<'pull.ldap'>;

function readerInput(extra: Partial<PullInput> = {}): PullInput {
  return { url: slapd().url, bindDn: READER_DN, password: READER_PASSWORD, base: SUFFIX, ...extra };
}

async function pull(s: ApiSession, input: PullInput, ctx: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<OperationOutput<'pull.ldap'>> {
  const result = await invoke('pull.ldap', input, { session: s, ...ctx });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function pullFailure(s: ApiSession, input: PullInput, ctx: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<{ code: string; message: string }> {
  const result = await invoke('pull.ldap', input, { session: s, ...ctx });
  if (result.ok) throw new Error('expected the pull to fail');
  return result.error;
}

function expectFailure(error: { code: string; message: string }, code: string, message: RegExp): void {
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

function grantsOf(ws: Workspace, snapshotId: number): string[] {
  return (
    ws.db
      .prepare(`SELECT a.account_key AS account, e.entitlement_key AS entitlement, g.via FROM grants g JOIN accounts a ON a.id = g.account_id
        JOIN entitlements e ON e.id = g.entitlement_id WHERE g.snapshot_id = ?`)
      .all(snapshotId) as { account: string; entitlement: string; via: string | null }[]
  )
    .map((g) => `${g.account} → ${g.entitlement}${g.via ? ` (${g.via})` : ''}`)
    .sort();
}

const direct = DIRECT_GRANTS.map(([account, entitlement]) => `${account} → ${entitlement}`);
const inherited = INHERITED_GRANTS.map(([account, entitlement, via]) => `${account} → ${entitlement} (group:${via})`);

/** Everything in the workspace that a pull could leave behind. */
function contents(ws: Workspace): Record<string, number> {
  const count = (table: string): number => ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(['systems', 'snapshots', 'snapshot_sources', 'source_searches', 'accounts', 'entitlements', 'grants', 'rejected_rows', 'saved_connections', 'audit_events'].map((t) => [t, count(t)]));
}

describe('pull.ldap against a real slapd', () => {
  it('the reader cannot read the directory without paging: the server limit is real', async () => {
    const client = new Client({ url: slapd().url });
    try {
      await client.bind(READER_DN, READER_PASSWORD);
      await expect(client.search(PEOPLE, { scope: 'sub', filter: '(objectClass=inetOrgPerson)' })).rejects.toBeInstanceOf(SizeLimitExceededError);
    } finally {
      await client.unbind();
    }
    expect(USER_DNS.length).toBeGreaterThan(READER_SIZE_LIMIT * 2);
  });

  it('pulls every user and group a page at a time: accounts, disabled markers, memberships from both sides', async () => {
    const { session: s, ws } = session();
    const progress: Progress[] = [];
    const out = await pull(s, readerInput({ pageSize: 7, system: 'Example LDAP' }), { onProgress: (p) => progress.push(p) });

    const userPages = progress.filter((p) => p.phase === `Reading users from ${slapd().url}`).map((p) => p.done);
    expect(userPages).toEqual([7, 14, 21, 28, 35, 42, 44]);
    expect(progress.filter((p) => p.phase.startsWith('Reading groups')).map((p) => p.done)).toEqual([7, 9]);
    expect(progress.at(-1)).toEqual({ phase: `Landing the directory of ${slapd().url}`, done: 53, total: 53 });

    expect(out).toMatchObject({
      system: 'Example LDAP', profile: 'ldap-directory', dryRun: false, server: slapd().url, bindDn: READER_DN, nestedGroups: false,
      rowsRead: 53, rowsImported: 52, rowsRejected: 1, accounts: 43, entitlements: 9, grants: DIRECT_GRANTS.length, duplicateGrants: 1, savedConnection: null,
    });
    expect(out.rejected).toEqual([
      // Line: the entry's place in the users search's canonical (DN) order, after the two cn= and five uid= entries before it.
      { file: out.searches[0]?.url, line: 8, reason: `${REJECTED_DN}: displayName has a value 5,000 characters long; values over 4,096 characters are refused` },
    ]);
    expect(out.notes).toContain('5 memberships named members the directory searches do not describe (nested groups, computers); skipped.');
    expect(out.notes).toContain(`The password was sent to ${slapd().url} unencrypted: use ldaps:// or --starttls.`);

    const accounts = ws.db.prepare('SELECT account_key AS dn, login, status, privileged, email, last_login AS lastLogin, attributes FROM accounts WHERE snapshot_id = ?').all(out.snapshotId) as {
      dn: string; login: string; status: string; privileged: number; email: string | null; lastLogin: string | null; attributes: string | null;
    }[];
    expect(accounts.map((a) => a.dn).sort()).toEqual([...USER_DNS].sort());
    expect(accounts.filter((a) => a.status === 'disabled').map((a) => a.dn).sort()).toEqual([...DISABLED].sort());
    // Bob Stone is a Domain Admin through his primary group only (primaryGroupID 512).
    expect(accounts.filter((a) => a.privileged === 1).map((a) => a.dn).sort()).toEqual([ANN, BOB_STONE].sort());
    expect(out.notes).toContain('1 membership read from primaryGroupID (a primary group is in neither member nor memberOf).');
    const ann = accounts.find((a) => a.dn === ANN);
    expect(ann).toMatchObject({ login: 'alee', email: 'ann.lee@example.org', lastLogin: '2024-05-20T08:15:00Z' });
    expect(JSON.parse(ann?.attributes ?? '{}')).toEqual({
      userAccountControl: '512', userPrincipalName: 'alee@corp.example.org', ouPath: 'corp',
      objectSid: 'S-1-5-21-3569595041-3098015461-4074885321-500', objectGUID: '00112233-4455-6677-8899-aabbccddeeff',
    });
    expect(accounts.find((a) => a.dn === person('bob'))?.attributes).toContain('"pwdAccountLockedTime":"000001010000Z"');
    expect(accounts.find((a) => a.dn === BOB_STONE)).toMatchObject({ login: 'bstone', status: 'disabled' });

    const entitlements = ws.db.prepare('SELECT entitlement_key AS dn, name, privileged FROM entitlements WHERE snapshot_id = ? ORDER BY entitlement_key').all(out.snapshotId);
    expect((entitlements as { dn: string }[]).map((e) => e.dn)).toEqual([...GROUP_DNS].sort());
    expect(entitlements).toContainEqual({ dn: DOMAIN_ADMINS, name: 'Domain Admins', privileged: 1 });
    expect(entitlements).toContainEqual({ dn: group('ops'), name: 'ops', privileged: 0 });

    expect(grantsOf(ws, out.snapshotId)).toEqual([...direct].sort());
  });

  it('--nested adds what inner groups inherit from outer ones, via the member’s own group; cycles end', async () => {
    const { session: s, ws } = session();
    const out = await pull(s, readerInput({ nested: true }));
    expect(out).toMatchObject({ system: 'Active Directory', nestedGroups: true, grants: DIRECT_GRANTS.length + INHERITED_GRANTS.length });
    expect(grantsOf(ws, out.snapshotId)).toEqual([...direct, ...inherited].sort());
    expect(out.notes).toContain('5 grants inherited through nested groups (via: the member\'s own group).');
  });

  it('records the server, bases and filters as provenance, and hashes the content, not the order it came in', async () => {
    const { session: s, ws } = session();
    const first = await pull(s, readerInput({ userBase: PEOPLE, groupBase: GROUPS, base: undefined, pageSize: 5 }));
    const second = await pull(s, readerInput({ userBase: PEOPLE, groupBase: GROUPS, base: undefined, pageSize: 50 }));
    expect(second.sha256).toBe(first.sha256);
    expect(first.sha256).toBe(createHash('sha256').update(first.searches.map((q) => q.sha256).join('\n')).digest('hex'));
    const listed = await invoke('snapshots.list', {}, { session: s });
    if (!listed.ok) throw new Error(listed.error.message);
    const snapshot = listed.value.snapshots.find((x) => x.id === first.snapshotId);
    expect(snapshot).toMatchObject({ system: 'LDAP directory', profile: 'ldap-directory', fileName: slapd().url, sha256: first.sha256, rowsImported: 48 });
    const userFilter = '(&(|(objectClass=user)(objectClass=inetOrgPerson)(objectClass=posixAccount))(!(objectClass=computer)))';
    const groupFilter = '(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))';
    expect(snapshot?.sources).toEqual([
      {
        fileName: `${slapd().url}/${PEOPLE}??sub?${userFilter.replaceAll('|', '%7C')}`, sha256: first.searches[0]?.sha256, sizeBytes: first.searches[0]?.sizeBytes, profile: 'ldap-users', encoding: null, details: null,
        search: { server: slapd().url, bindDn: READER_DN, base: PEOPLE, scope: 'sub', filter: userFilter, pageSize: 5, entries: 42, nestedGroups: false },
      },
      {
        fileName: `${slapd().url}/${GROUPS}??sub?${groupFilter.replaceAll('|', '%7C')}`, sha256: first.searches[1]?.sha256, sizeBytes: first.searches[1]?.sizeBytes, profile: 'ldap-groups', encoding: null, details: null,
        search: { server: slapd().url, bindDn: READER_DN, base: GROUPS, scope: 'sub', filter: groupFilter, pageSize: 5, entries: 7, nestedGroups: false },
      },
    ]);
    const audit = ws.db.prepare("SELECT payload FROM audit_events WHERE action = 'snapshot.pulled' ORDER BY seq").pluck().all() as string[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0] ?? '{}')).toMatchObject({ snapshotId: first.snapshotId, server: slapd().url, bindDn: READER_DN, sha256: first.sha256 });
    expect(audit.join('')).not.toContain(READER_PASSWORD);
  });

  it('a custom filter narrows the pull', async () => {
    const { session: s } = session();
    const out = await pull(s, readerInput({ userFilter: '(uid=u0*)', groupFilter: '(cn=all-staff)' }));
    expect(out).toMatchObject({ accounts: 9, entitlements: 1, grants: 9 });
  });

  it('a dry run reports the pull and leaves nothing', async () => {
    const { session: s, ws } = session();
    const before = contents(ws);
    const out = await pull(s, readerInput({ dryRun: true, saveConnection: 'corp' }));
    expect(out).toMatchObject({ dryRun: true, accounts: 43, grants: DIRECT_GRANTS.length });
    expect(out.preview.accounts.length).toBeGreaterThan(0);
    expect(contents(ws)).toEqual(before);
  });

  it.each([
    ['while the directory is read', 'Reading'],
    ['while the snapshot lands', 'Landing'],
  ])('cancelled %s, it leaves nothing', async (_when, phase) => {
    const { session: s, ws } = session();
    const before = contents(ws);
    const abort = new AbortController();
    const error = await pullFailure(s, readerInput({ pageSize: 5 }), { signal: abort.signal, onProgress: (p) => p.phase.startsWith(phase) && abort.abort() });
    expect(error.code).toBe('CANCELLED');
    expect(contents(ws)).toEqual(before);
  });

  it('keeps no credentials unless asked; with saveConnection keeps them in the workspace and reuses them', async () => {
    const { session: s, ws } = session();
    await pull(s, readerInput());
    expect(contents(ws).saved_connections).toBe(0);
    const everything = (): string =>
      (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
        .map((t) => JSON.stringify(ws.db.prepare(`SELECT * FROM ${t}`).all()))
        .join('\n');
    expect(everything()).not.toContain(READER_PASSWORD);

    const saved = await pull(s, readerInput({ saveConnection: 'corp', nested: true, system: 'Example LDAP' }));
    expect(saved.savedConnection).toBe('corp');
    const row = ws.db.prepare('SELECT name, kind, settings, secret, saved_by AS savedBy FROM saved_connections').get() as { settings: string };
    expect(row).toMatchObject({ name: 'corp', kind: 'ldap', secret: READER_PASSWORD, savedBy: 'tester' });
    expect(JSON.parse(row.settings)).toMatchObject({ url: slapd().url, bindDn: READER_DN, userBase: SUFFIX, groupBase: SUFFIX, startTls: false, system: 'Example LDAP' });

    const reused = await pull(s, { connection: 'corp' });
    expect(reused).toMatchObject({ system: 'Example LDAP', server: slapd().url, bindDn: READER_DN, accounts: 43, grants: DIRECT_GRANTS.length });
    expect((await pullFailure(s, { connection: 'nope' })).message).toMatch(/no saved connection "nope".*saved: corp/);
  });

  it('refuses what cannot work before it connects', async () => {
    const { session: s } = session();
    expectFailure(await pullFailure(s, readerInput({ password: undefined })), 'USAGE', /No password for cn=reader/);
    expectFailure(await pullFailure(s, readerInput({ userFilter: '(uid=' })), 'USAGE', /--user-filter "\(uid=" is not an LDAP filter/);
    expect(await pullFailure(s, readerInput({ url: 'http://example.org' }))).toMatchObject({ code: 'USAGE' });
    expectFailure(await pullFailure(s, readerInput({ base: undefined })), 'USAGE', /--base/);
    expect(await pullFailure(s, readerInput({ url: slapd().ldapsUrl, startTls: true }))).toMatchObject({ code: 'USAGE' });
  });

  it('an anonymous bind may read nothing here, and a search that finds nothing lands nothing', async () => {
    const { session: s, ws } = session();
    expectFailure(await pullFailure(s, { url: slapd().url, base: SUFFIX }), 'SEARCH_FAILED', /no entry "dc=example,dc=org" that an anonymous bind may read/);
    expectFailure(await pullFailure(s, readerInput({ userFilter: '(uid=nobody)', groupFilter: '(cn=nothing)' })), 'NO_DATA_ROWS', /found no users or groups/);
    expect(contents(ws).snapshots).toBe(0);
  });
});
