import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const env = { ATTEST_PASSPHRASE: PASSPHRASE };

interface DemoOutput {
  workspace: string;
  manifest: string;
  files: { name: string; path: string; sha256: string; rows: number }[];
  planted: Record<string, number>;
  analysis: { counts: Record<string, number> };
  sod: { rules: number; counts: Record<string, number> };
  evidence: { path: string; signerFingerprintSha256: string };
}

describe('attest demo DIR', () => {
  it('writes the six systems and the HR roster, the planted manifest, and a workspace with each imported', async () => {
    const dir = join(tempDir(), 'northwind');
    const run = await runCli(['demo', dir, '--json'], { env });
    expect(run.code).toBe(0);
    const out = run.json() as DemoOutput;
    expect(out.files.map((f) => f.name).sort()).toEqual(
      ['active-directory.ldif', 'aws-authorization-details.json', 'aws-credential-report.csv', 'bank-portal-users.csv', 'entra-users.csv', 'erp-grants.csv', 'google-workspace-users.csv', 'hr-roster.csv'].sort(),
    );
    for (const f of out.files) expect(createHash('sha256').update(readFileSync(f.path)).digest('hex')).toBe(f.sha256);
    const manifest = JSON.parse(readFileSync(out.manifest, 'utf8')) as { counts: Record<string, number> };
    expect(out.planted).toEqual(manifest.counts);
    expect(out.planted.leaver).toBeGreaterThan(0);
    expect(out.planted.sodConflict).toBeGreaterThan(0);
    // The walk-through: its analysis finds the planted leavers; its SoD run the planted conflicts.
    expect(out.analysis.counts.leaver).toBe(out.planted.leaver);
    expect(out.sod).toMatchObject({ rules: 9, counts: { violations: out.planted.sodConflict, open: out.planted.sodConflict } });

    const log = await runCli(['audit', 'log', '-w', out.workspace, '--json'], { env });
    const events = (log.json() as { events: { action: string; payload: { files?: { sha256: string }[] } }[] }).events;
    expect(events.map((e) => e.action)).toEqual(['workspace.created', 'demo.created', ...Array<string>(7).fill('snapshot.imported'), 'account.shared', 'account.shared', 'analysis.run', 'sod.rules.imported', 'sod.run', 'campaign.created', 'campaign.launched', 'signer.created', 'evidence.generated']);
    expect(events[1]?.payload.files?.map((f) => f.sha256).sort()).toEqual(out.files.map((f) => f.sha256).sort());
    const info = await runCli(['info', '-w', out.workspace, '--json'], { env });
    expect(info.json()).toMatchObject({ org: 'Northwind Demo Ltd', signer: { fingerprintSha256: out.evidence.signerFingerprintSha256 } });
    // The walk-through ends with the campaign's signed pack, which verifies without the workspace.
    const verified = await runCli(['verify', out.evidence.path, '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, signature: 'valid', signer: { fingerprintSha256: out.evidence.signerFingerprintSha256 }, manifestOk: true });
  });

  it('is deterministic for a seed, and refuses a folder that already holds a demo (exit 4, nothing touched)', async () => {
    const a = (await runCli(['demo', join(tempDir(), 'a'), '--seed', '7', '--json'], { env })).json() as DemoOutput;
    const bDir = join(tempDir(), 'b');
    const b = (await runCli(['demo', bDir, '--seed', '7', '--json'], { env })).json() as DemoOutput;
    expect(b.files.map((f) => f.sha256)).toEqual(a.files.map((f) => f.sha256));
    const before = fileState(b.workspace);
    const again = await runCli(['demo', bDir, '--json'], { env });
    expect(again.code).toBe(4);
    expect(again.json()).toMatchObject({ error: { code: 'EXISTS' } });
    expect(fileState(b.workspace)).toEqual(before);
  });
});
