import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { listAuditEvents } from '../../src/audit/audit-log.js';
import { readSigningIdentity } from '../../src/evidence/signing-identity.js';
import { verifyPackBytes } from '../../src/evidence/verify-pack.js';
import { failure } from '../helpers/attest-failure.js';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';
import { opensslP12 } from './helpers/p12-file.js';
import { packInto } from './helpers/pack-file.js';
import { importSignerFile } from '../../src/evidence/signer-file.js';

const tempDir = useTempDirs();

describe('signing identity', () => {
  it('a workspace created through the API gets an RSA-3072 self-signed certificate naming its organisation and id, shown by info', async () => {
    const session = new ApiSession();
    const path = join(tempDir(), 'w.attest');
    const created = await invoke('workspace.create', { path, passphrase: PASSPHRASE, org: 'Acme Ünited', operator: 'ana' }, { session });
    expect(created.ok).toBe(true);
    const info = await invoke('workspace.info', {}, { session });
    if (!info.ok) throw new Error(info.error.message);
    const identity = readSigningIdentity(session.workspace);
    if (!identity) throw new Error('expected a signing identity');
    expect(info.value.signer.fingerprintSha256).toBe(identity.fingerprintSha256);
    expect(identity.subject).toContain('O=Acme Ünited');
    expect(identity.subject).toContain(`workspace ${info.value.workspaceId}`);
    expect(identity.selfSigned).toBe(true);
    expect(identity.source).toBe('workspace');
    const { createPrivateKey } = await import('node:crypto');
    expect(createPrivateKey(identity.keyPem).asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(listAuditEvents(session.workspace.db).map((e) => e.action)).toEqual(['workspace.created', 'signer.created']);
    session.close();
  });

  it('a workspace without one gets it on first use, once, in the audit trail', async () => {
    const ws = newWorkspace(tempDir());
    expect(readSigningIdentity(ws)).toBeNull();
    const first = await packInto(ws, tempDir(), { operator: 'tester' });
    const second = await packInto(ws, tempDir(), { operator: 'tester' });
    expect(second.signerFingerprintSha256).toBe(first.signerFingerprintSha256);
    expect(ws.getMeta('signer_fingerprint_sha256')).toBe(first.signerFingerprintSha256);
    expect(listAuditEvents(ws.db).filter((e) => e.action === 'signer.created')).toHaveLength(1);
    ws.close();
  });

  it("an organisation's PKCS#12 (openssl, AES-256) replaces it; packs are then signed by it; the change is audited", async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const own = await packInto(ws, tempDir(), { operator: 'tester' });
    const imported = importSignerFile(ws, opensslP12(dir, { key: 'rsa', passphrase: 'org secret' }), 'org secret', 'tester');
    expect(imported).toMatchObject({ source: 'imported', selfSigned: true, subject: 'CN=Acme Audit Signing, O=Acme Audit Ltd' });
    const pack = await packInto(ws, tempDir(), { operator: 'tester' });
    expect(pack.signerFingerprintSha256).toBe(imported.fingerprintSha256);
    expect(pack.signerFingerprintSha256).not.toBe(own.signerFingerprintSha256);
    expect(verifyPackBytes(pack.pdf)).toMatchObject({ ok: true, signer: { fingerprintSha256: imported.fingerprintSha256, subject: 'CN=Acme Audit Signing, O=Acme Audit Ltd' } });
    const event = listAuditEvents(ws.db).find((e) => e.action === 'signer.imported');
    expect(event?.payload).toMatchObject({ fingerprintSha256: imported.fingerprintSha256, replaced: own.signerFingerprintSha256 });
    ws.close();
  });

  it('refuses a wrong passphrase, an EC key and a file that is no PKCS#12, each with its code, and keeps the identity', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const before = (await packInto(ws, tempDir(), { operator: 'tester' })).signerFingerprintSha256;
    const rsa = opensslP12(dir, { key: 'rsa', passphrase: 'right' });
    expect((await failure(Promise.resolve().then(() => importSignerFile(ws, rsa, 'wrong', 'tester')))).code).toBe('P12_WRONG_PASSPHRASE');
    expect((await failure(Promise.resolve().then(() => importSignerFile(ws, opensslP12(dir, { key: 'ec', passphrase: 'pw' }), 'pw', 'tester')))).code).toBe('P12_NOT_RSA');
    const notP12 = join(dir, 'w.attest');
    expect((await failure(Promise.resolve().then(() => importSignerFile(ws, notP12, 'x', 'tester')))).code).toBe('P12_INVALID');
    expect((await failure(Promise.resolve().then(() => importSignerFile(ws, join(dir, 'missing.p12'), 'x', 'tester')))).code).toBe('FILE_NOT_FOUND');
    expect(ws.getMeta('signer_fingerprint_sha256')).toBe(before);
    ws.close();
  });

  it('attest init, info and signer import work from the command line (passphrase from a file, never an argument)', async () => {
    const dir = tempDir();
    const env = { ATTEST_PASSPHRASE: PASSPHRASE };
    const ws = join(dir, 'cli.attest');
    expect((await runCli(['init', ws, '--org', 'Acme'], { env })).code).toBe(0);
    const info = (await runCli(['info', '-w', ws, '--json'], { env })).json() as { signer: { fingerprintSha256: string } };
    expect(info.signer.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    const shown = await runCli(['signer', '-w', ws, '--json'], { env });
    expect((shown.json() as { fingerprintSha256: string; certificatePem: string }).fingerprintSha256).toBe(info.signer.fingerprintSha256);
    const p12 = opensslP12(dir, { key: 'rsa', passphrase: 'org secret' });
    const passFile = join(dir, 'p12.pass');
    (await import('node:fs')).writeFileSync(passFile, 'org secret\n');
    const imported = await runCli(['signer', 'import', p12, '-w', ws, '--p12-passphrase-file', passFile, '--json'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    const after = (await runCli(['info', '-w', ws, '--json'], { env })).json() as { signer: { fingerprintSha256: string } };
    expect(after.signer.fingerprintSha256).toBe((imported.json() as { fingerprintSha256: string }).fingerprintSha256);
    expect(after.signer.fingerprintSha256).not.toBe(info.signer.fingerprintSha256);
    const wrong = await runCli(['signer', 'import', p12, '-w', ws, '--json'], { env: { ...env, ATTEST_P12_PASSPHRASE: 'nope' } });
    expect(wrong.code).toBe(4);
    expect((wrong.json() as { error: { code: string } }).error.code).toBe('P12_WRONG_PASSPHRASE');
    expect(readFileSync(p12).length).toBeGreaterThan(0);
  });
});
