import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };
const INFO_KEYS = ['path', 'schemaVersion', 'org', 'systems', 'snapshots', 'identities', 'accounts', 'entitlements', 'grants', 'campaigns', 'auditEvents', 'signer'];

async function initWorkspace(): Promise<string> {
  const path = join(tempDir(), 'w.attest');
  const init = await runCli(['init', path, '--org', 'Acme Audit', '--operator', 'Ana Auditor', '--json'], { env });
  expect(init.code).toBe(0);
  expect(init.json()).toEqual({ path });
  return path;
}

describe('attest CLI (CLI.md contract)', () => {
  it('init then info --json prints every contract key, with -w or ATTEST_WORKSPACE', async () => {
    const path = await initWorkspace();
    const info = await runCli(['info', '-w', path, '--json'], { env });
    expect(info.code).toBe(0);
    expect(info.stderr).toBe('');
    const value = info.json() as Record<string, unknown>;
    for (const key of INFO_KEYS) expect(value).toHaveProperty(key);
    expect(value).toMatchObject({ path, org: 'Acme Audit', operator: 'Ana Auditor', systems: 0, auditEvents: 2, signer: { fingerprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } });
    const viaEnv = await runCli(['info', '--json'], { env: { ...env, ATTEST_WORKSPACE: path } });
    expect(viaEnv.json()).toMatchObject({ path });
    const human = await runCli(['info', '-w', path], { env });
    expect(human.stdout).toMatch(/Organisation\s+Acme Audit/);
  });

  it('reads the passphrase from --passphrase-file (one trailing newline dropped)', async () => {
    const path = await initWorkspace();
    const file = join(tempDir(), 'pass.txt');
    writeFileSync(file, `${PASSPHRASE}\n`);
    expect((await runCli(['info', '-w', path, '--passphrase-file', file, '--json'])).code).toBe(0);
  });

  it('a wrong passphrase exits 3 with a coded JSON error, one stderr line, and the file unchanged', async () => {
    const path = await initWorkspace();
    const before = fileState(path);
    const run = await runCli(['info', '-w', path, '--json'], { env: { ATTEST_PASSPHRASE: 'this is not it' } });
    expect(run.code).toBe(3);
    expect(run.json()).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/passphrase does not unlock/);
    expect(fileState(path)).toEqual(before);
  });

  it('init over an existing file exits 4 (EXISTS) and leaves it alone', async () => {
    const path = await initWorkspace();
    const before = fileState(path);
    const again = await runCli(['init', path, '--json'], { env });
    expect(again.code).toBe(4);
    expect(again.json()).toMatchObject({ error: { code: 'EXISTS' } });
    expect(fileState(path)).toEqual(before);
  });

  it('usage errors exit 2: unknown command, unknown option, missing workspace, no passphrase source', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['info', '--bogus'], { env })).code).toBe(2);
    const noWorkspace = await runCli(['info', '--json'], { env });
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.json()).toMatchObject({ error: { code: 'USAGE' } });
    const noPassphrase = await runCli(['init', join(tempDir(), 'x.attest')]);
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toMatch(/ATTEST_PASSPHRASE/);
    expect((await runCli(['init'], { env })).code).toBe(2);
  });

  it('opening errors exit 3: not a workspace, missing file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const notWs = await runCli(['info', '-w', join(dir, 'notes.txt'), '--json'], { env });
    expect(notWs.code).toBe(3);
    expect(notWs.json()).toMatchObject({ error: { code: 'NOT_A_WORKSPACE' } });
    expect((await runCli(['info', '-w', join(dir, 'missing.attest')], { env })).code).toBe(3);
  });

  it('passwd changes the passphrase: the old one then exits 3, the new one opens', async () => {
    const path = await initWorkspace();
    const newPassphrase = 'a completely new passphrase';
    const weak = await runCli(['passwd', '-w', path, '--json'], { env: { ...env, ATTEST_NEW_PASSPHRASE: 'short' } });
    expect(weak.code).toBe(4);
    expect(weak.json()).toMatchObject({ error: { code: 'WEAK_PASSPHRASE' } });
    const changed = await runCli(['passwd', '-w', path, '--json'], { env: { ...env, ATTEST_NEW_PASSPHRASE: newPassphrase } });
    expect(changed.code).toBe(0);
    expect((await runCli(['info', '-w', path], { env })).code).toBe(3);
    const log = await runCli(['audit', 'log', '-w', path, '--json'], { env: { ATTEST_PASSPHRASE: newPassphrase } });
    expect((log.json() as { events: { action: string }[] }).events.map((e) => e.action)).toEqual(['workspace.created', 'signer.created', 'workspace.passphrase-changed']);
  });

  it('--help lists the commands and exits 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'info', 'passwd', 'audit verify', 'demo', 'serve']) expect(help.stdout).toContain(`attest ${command}`);
  });
});
