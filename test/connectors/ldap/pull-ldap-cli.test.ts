import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../helpers/cli.js';
import { fileState } from '../../helpers/file-state.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../../helpers/workspace.js';
import { DIRECT_GRANTS, PEOPLE, SEED_LDIF } from './helpers/seed-directory.js';
import { READER_DN, READER_PASSWORD, SUFFIX, useSlapd } from './helpers/slapd.js';

const slapd = useSlapd(SEED_LDIF);
const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE, ATTEST_LDAP_PASSWORD: READER_PASSWORD };

function workspace(): string {
  const dir = tempDir();
  newWorkspace(dir).close();
  return join(dir, 'w.attest');
}

function pullArgs(ws: string, url: string, ...extra: string[]): string[] {
  return ['pull', 'ldap', '-w', ws, '--url', url, '--bind-dn', READER_DN, '--base', SUFFIX, '--json', ...extra];
}

/** The pull must fail with `code` (exit 4), one line on stderr, and leave the workspace byte-identical. */
async function expectRefused(args: (ws: string) => string[], code: string, message: RegExp, runEnv: Record<string, string | undefined> = env): Promise<void> {
  const ws = workspace();
  const before = fileState(ws);
  const run = await runCli(args(ws), { env: runEnv });
  expect(run.json()).toMatchObject({ error: { code } });
  expect((run.json() as { error: { message: string } }).error.message).toMatch(message);
  expect(run.code).toBe(code === 'USAGE' ? 2 : 4);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(fileState(ws)).toEqual(before);
}

function ok(run: CliRun): Record<string, unknown> {
  expect(run.code, run.stderr).toBe(0);
  return run.json() as Record<string, unknown>;
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('attest pull ldap', () => {
  it('pulls over ldap://, reports progress on stderr, and the snapshot shows its provenance in attest snapshots --json', async () => {
    const ws = workspace();
    const run = await runCli(pullArgs(ws, slapd().url, '--page-size', '10', '--system', 'Example LDAP'), { env });
    expect(ok(run)).toMatchObject({ system: 'Example LDAP', accounts: 43, entitlements: 9, grants: DIRECT_GRANTS.length, server: slapd().url });
    expect(run.stderr).toMatch(/Reading users from ldap:\/\/127\.0\.0\.1:\d+: \d+ so far/);
    expect(run.stderr).toMatch(/Landing the directory of ldap:\/\/127\.0\.0\.1:\d+: 53 \/ 53 \(100%\)/);
    const listed = ok(await runCli(['snapshots', '-w', ws, '--json'], { env })) as { snapshots: { fileName: string; profile: string; sources: { search: unknown }[] }[] };
    expect(listed.snapshots[0]).toMatchObject({ fileName: slapd().url, profile: 'ldap-directory' });
    expect(listed.snapshots[0]?.sources.map((s) => s.search)).toMatchObject([
      { server: slapd().url, bindDn: READER_DN, base: SUFFIX, scope: 'sub', pageSize: 10, entries: 44 },
      { server: slapd().url, bindDn: READER_DN, base: SUFFIX, scope: 'sub', pageSize: 10, entries: 9 },
    ]);
    const human = await runCli(['pull', 'ldap', '-w', ws, '--url', slapd().url, '--bind-dn', READER_DN, '--base', PEOPLE, '--nested'], { env });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Pulled snapshot #2 of LDAP directory as of \d{4}-\d{2}-\d{2} from ldap:\/\/127\.0\.0\.1:\d+ as cn=reader/);
    expect(human.stdout).toMatch(/Note: The password was sent to .* unencrypted/);
  });

  it('ldaps:// checks the certificate: refused (TLS_UNTRUSTED) without the CA, pulled with --ca-file', async () => {
    await expectRefused((ws) => pullArgs(ws, slapd().ldapsUrl), 'TLS_UNTRUSTED', /not trusted .*--ca-file/);
    const ws = workspace();
    expect(ok(await runCli(pullArgs(ws, slapd().ldapsUrl, '--ca-file', slapd().caFile), { env }))).toMatchObject({ accounts: 43, notes: expect.not.arrayContaining([expect.stringMatching(/unencrypted/)]) as unknown });
  });

  it('--starttls upgrades ldap:// with the same checks', async () => {
    await expectRefused((ws) => pullArgs(ws, slapd().url, '--starttls'), 'TLS_UNTRUSTED', /not trusted/);
    const ws = workspace();
    const out = ok(await runCli(pullArgs(ws, slapd().url, '--starttls', '--ca-file', slapd().caFile), { env })) as { notes: string[]; accounts: number };
    expect(out.accounts).toBe(43);
    expect(out.notes.join('\n')).not.toMatch(/unencrypted/);
  });

  it('a server that is down is CONNECTION_FAILED; a wrong password AUTH_FAILED; a missing base SEARCH_FAILED; the workspace unchanged', async () => {
    const port = await closedPort();
    await expectRefused((ws) => pullArgs(ws, `ldap://127.0.0.1:${port}`), 'CONNECTION_FAILED', /Cannot reach the LDAP server .*ECONNREFUSED/);
    await expectRefused((ws) => pullArgs(ws, slapd().url), 'AUTH_FAILED', /refused the bind DN or password for cn=reader/, { ...env, ATTEST_LDAP_PASSWORD: 'wrong' });
    await expectRefused((ws) => pullArgs(ws, slapd().url, '--user-base', `ou=nowhere,${SUFFIX}`), 'SEARCH_FAILED', /no entry "ou=nowhere,dc=example,dc=org"/);
    await expectRefused((ws) => pullArgs(ws, slapd().url), 'USAGE', /No password for cn=reader.*ATTEST_LDAP_PASSWORD/, { ATTEST_PASSPHRASE: PASSPHRASE });
    await expectRefused((ws) => pullArgs(ws, slapd().ldapsUrl, '--ca-file', join(tempDir(), 'missing.pem')), 'FILE_NOT_FOUND', /Cannot read the CA file/);
  });

  it('--dry-run reports and leaves the workspace byte-identical', async () => {
    const ws = workspace();
    const before = fileState(ws);
    const run = await runCli(pullArgs(ws, slapd().url, '--dry-run', '--save-connection', 'corp'), { env });
    expect(ok(run)).toMatchObject({ dryRun: true, accounts: 43 });
    expect(fileState(ws)).toEqual(before);
  });

  it('stores no credentials without --save-connection; with it, --connection NAME pulls again without a password', async () => {
    const ws = workspace();
    ok(await runCli(pullArgs(ws, slapd().url), { env }));
    let db = openRaw(ws);
    expect(db.prepare('SELECT count(*) FROM saved_connections').pluck().get()).toBe(0);
    db.close();

    ok(await runCli(pullArgs(ws, slapd().url, '--save-connection', 'corp', '--system', 'Corp'), { env }));
    db = openRaw(ws);
    expect(db.prepare('SELECT name, secret FROM saved_connections').all()).toEqual([{ name: 'corp', secret: READER_PASSWORD }]);
    db.close();

    const again = await runCli(['pull', 'ldap', '-w', ws, '--connection', 'corp', '--json'], { env: { ATTEST_PASSPHRASE: PASSPHRASE } });
    expect(ok(again)).toMatchObject({ system: 'Corp', bindDn: READER_DN, accounts: 43, savedConnection: null });
    await expectRefused((w) => ['pull', 'ldap', '-w', w, '--connection', 'corp', '--json'], 'UNKNOWN_CONNECTION', /no saved connection "corp"/, { ATTEST_PASSPHRASE: PASSPHRASE });
  });
});
