import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/workspace.js';
import { ATTEST_BIN } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/**
 * Runs `attest` on a real pseudo-terminal (util-linux `script`), answering each prompt that
 * appears with the next answer. Returns everything the terminal showed, and the exit code.
 */
function onTerminal(args: string[], answers: string[]): Promise<{ screen: string; code: number | null }> {
  const command = [process.execPath, ATTEST_BIN, ...args].map((a) => `'${a}'`).join(' ');
  const env = { ...process.env, ATTEST_PASSPHRASE: '' };
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let answered = 0;
  const onOutput = (d: Buffer): void => {
    screen += d.toString();
    const prompts = screen.match(/(?:passphrase|Repeat it): /g)?.length ?? 0;
    if (prompts > answered && answered < answers.length) child.stdin.write(`${answers[answered++]}\r`);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve) => child.on('close', (code) => resolve({ screen, code })));
}

describe('passphrase prompt on a terminal', () => {
  it('asks twice for a new passphrase without echoing it, and creates the workspace with it', async () => {
    const path = join(tempDir(), 'tty.attest');
    const secret = 'typed at the prompt';
    const { screen, code } = await onTerminal(['init', path], [secret, secret]);
    expect(screen).toMatch(/New workspace passphrase: /);
    expect(screen).toMatch(/Repeat it: /);
    expect(screen).not.toContain(secret);
    expect(code).toBe(0);
    openWorkspace(path, secret).close();
  });

  it('refuses when the two entries differ (exit 2) and creates nothing', async () => {
    const path = join(tempDir(), 'tty.attest');
    const { screen, code } = await onTerminal(['init', path], ['first passphrase', 'second passphrase']);
    expect(code).toBe(2);
    expect(screen).toMatch(/differ/);
    expect(() => openWorkspace(path, 'first passphrase')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });
});
