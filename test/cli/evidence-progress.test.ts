import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../src/demo/create-demo-workspace.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../helpers/cli.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const env = { ATTEST_PASSPHRASE: PASSPHRASE };
let dir = '';
let workspace = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attest-evidence-cli-'));
  const demo = await createDemoWorkspace(join(dir, 'demo'), PASSPHRASE, { operator: 'tester' });
  workspace = demo.workspace.path;
  demo.workspace.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attest evidence: progress on stderr, Ctrl+C cancels', () => {
  it('shows each phase on stderr and ends with every page drawn', async () => {
    const out = join(dir, 'pack.pdf');
    const run = await runCli(['evidence', '1', '-w', workspace, '--out', out, '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const { pages } = run.json() as { pages: number };
    expect(run.stderr).toContain(`pages: ${pages.toLocaleString('en-US')} / ${pages.toLocaleString('en-US')} (100%)`);
    for (const phase of ['reading', 'attachments', 'signing']) expect(run.stderr).toMatch(new RegExp(`^${phase}: `, 'm'));
  });

  it('Ctrl+C during generation exits 130 with CANCELLED and leaves no file, not even a partial one', async () => {
    const out = join(dir, 'interrupted.pdf');
    const run = await runCli(['evidence', '1', '-w', workspace, '--out', out, '--json'], { env, interruptWhen: (stderr) => stderr.includes('reading:') });
    expect(run.code, run.stderr).toBe(EXIT.cancelled);
    expect((run.json() as { error: { code: string } }).error.code).toBe('CANCELLED');
    expect(readdirSync(dir).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});
