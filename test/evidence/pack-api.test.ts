import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/api/result.js';
import { VERIFY_BYTES_LIMIT } from '../../src/api/evidence-contract.js';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { listAuditEvents } from '../../src/audit/audit-log.js';
import { generateEvidencePack } from '../../src/evidence/generate-pack-file.js';
import { readSigningIdentity } from '../../src/evidence/signing-identity.js';
import { verifyPackBytes } from '../../src/evidence/verify-pack.js';
import { failure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { campaignOver, syntheticGrants } from './helpers/campaign-fixture.js';
import { useDemoWorkspace } from './helpers/demo-workspace.js';

const demo = useDemoWorkspace();
const tempDir = useTempDirs();
const PHASES = ['audit', 'reading', 'attachments', 'layout', 'pages', 'signing'];

describe('evidence pack progress and cancellation', () => {
  it('reports each phase in order with done ≤ total, ending with every page and every signed byte', async () => {
    const dir = tempDir();
    const seen: Progress[] = [];
    const made = await generateEvidencePack(demo.ws(), { campaign: '1', campaignEvidence: campaignOver(syntheticGrants(4_000)), out: join(dir, 'pack.pdf'), operator: 'tester' }, { onProgress: (p) => seen.push(p) });
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(PHASES);
    expect(seen.every((p) => p.done >= 0 && p.done <= p.total)).toBe(true);
    const pages = seen.filter((p) => p.phase === 'pages');
    expect(pages.at(-1)).toEqual({ phase: 'pages', done: made.pages, total: made.pages });
    const signing = seen.filter((p) => p.phase === 'signing');
    expect(signing.at(-1)!.done).toBe(signing.at(-1)!.total);
    expect(verifyPackBytes(readFileSync(made.path)).ok).toBe(true);
    expect(readdirSync(dir)).toEqual(['pack.pdf']);
  });

  it.each(PHASES)('cancelled during %s: CANCELLED, no file (not even a partial one), nothing audited', async (phase) => {
    const dir = tempDir();
    const ws = demo.ws();
    const before = listAuditEvents(ws.db, { limit: 100_000 }).length;
    const abort = new AbortController();
    const cancelled = await failure(
      generateEvidencePack(ws, { campaign: '1', campaignEvidence: campaignOver(syntheticGrants(4_000)), out: join(dir, 'pack.pdf'), operator: 'tester' }, {
        signal: abort.signal,
        onProgress: (p) => p.phase === phase && abort.abort(),
      }),
    );
    expect(cancelled.code).toBe('CANCELLED');
    expect(readdirSync(dir)).toEqual([]);
    expect(listAuditEvents(ws.db, { limit: 100_000 })).toHaveLength(before);
  });

  it('a file that appears at the pack’s name while it is made is neither replaced nor left with a partial file beside it', async () => {
    const dir = tempDir();
    const out = join(dir, 'pack.pdf');
    const made = await failure(
      generateEvidencePack(demo.ws(), { campaign: '1', campaignEvidence: campaignOver(syntheticGrants(200)), out, operator: 'tester' }, {
        onProgress: (p) => p.phase === 'signing' && !existsSync(out) && writeFileSync(out, 'someone else’s file'),
      }),
    );
    expect(made.code).toBe('EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(dir)).toEqual(['pack.pdf']);
  });

  it('a failure after the PDF was written (the signing key is unusable) leaves no file behind', async () => {
    const dir = tempDir();
    const identity = readSigningIdentity(demo.ws())!;
    const { buildEvidencePack } = await import('../../src/evidence/build-pack.js');
    await expect(buildEvidencePack(demo.ws(), { operator: 'tester', out: join(dir, 'pack.pdf'), signWith: { keyPem: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n', certificatePems: identity.certificatePems } })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('evidence.generate over the API takes the call’s signal and progress, as import.run does', async () => {
    const dir = tempDir();
    const session = new ApiSession();
    session.attach(demo.ws(), 'tester');
    const abort = new AbortController();
    const phases: string[] = [];
    const result = await invoke('evidence.generate', { campaign: '1', out: join(dir, 'api.pdf') }, { session, signal: abort.signal, onProgress: (p) => { phases.push(p.phase); if (p.phase === 'pages') abort.abort(); } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(phases).toContain('attachments');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('evidence.verifyBytes verifies a pack sent as bytes as evidence.verify does its path, and refuses one over the limit', async () => {
    const dir = tempDir();
    const session = new ApiSession();
    const made = await generateEvidencePack(demo.ws(), { campaign: '1', campaignEvidence: campaignOver(syntheticGrants(50)), out: join(dir, 'pack.pdf'), operator: 'tester' });
    const bytes = readFileSync(made.path);
    const byPath = await invoke('evidence.verify', { path: made.path }, { session });
    const byBytes = await invoke('evidence.verifyBytes', { name: 'pack.pdf', base64: bytes.toString('base64') }, { session });
    expect(byBytes).toEqual(byPath);
    expect(byBytes).toMatchObject({ ok: true, value: { ok: true, signer: { fingerprintSha256: made.signerFingerprintSha256 } } });
    const tampered = Buffer.from(bytes);
    tampered[1500] = tampered[1500]! ^ 1;
    expect(await invoke('evidence.verifyBytes', { name: 'pack.pdf', base64: tampered.toString('base64') }, { session })).toMatchObject({ ok: true, value: { ok: false, signature: 'invalid' } });
    expect(await invoke('evidence.verifyBytes', { name: 'notes.txt', base64: Buffer.from('hello').toString('base64') }, { session })).toMatchObject({ ok: false, error: { code: 'NOT_A_PDF' } });
    const tooBig = await invoke('evidence.verifyBytes', { name: 'big.pdf', base64: 'A'.repeat(Math.ceil(VERIFY_BYTES_LIMIT / 3) * 4 + 4) }, { session });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('give its path instead') as unknown } });
  });
});
