import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ATTEST_BIN = fileURLToPath(new URL('../../bin/attest.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

/** Runs the real `attest` command in a child process, as a user or script would. */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    /** Sends SIGINT (Ctrl+C) once this says yes to what stderr has shown so far. */
    interruptWhen?: (stderr: string) => boolean;
  } = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, ATTEST_PASSPHRASE: undefined, ATTEST_WORKSPACE: undefined, ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ATTEST_BIN, ...args], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let interrupted = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!interrupted && options.interruptWhen?.(stderr)) interrupted = child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) as unknown }));
  });
}
