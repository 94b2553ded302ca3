import { parseArgs } from 'node:util';
import { invoke } from '../api/invoke.js';
import type { Result } from '../api/result.js';
import { ApiSession } from '../api/session.js';
import { AttestError, isAttestError } from '../errors.js';
import { COMMANDS, passphraseFor, type AnyCommand, type CommandArgs } from './commands.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { progressReporter } from './progress.js';
import { runServe } from './serve-command.js';
import { processTerminal, type Terminal } from './terminal.js';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  workspace: { type: 'string', short: 'w' },
  'passphrase-file': { type: 'string' },
  operator: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return [
    'Usage: attest COMMAND [options]',
    '',
    ...lines,
    `  ${'attest serve [--port N]'.padEnd(58)} Serve the workstation UI on 127.0.0.1 and print its URL.`,
    '',
    'Common options: --json (one JSON document on stdout), -w/--workspace FILE (or ATTEST_WORKSPACE),',
    '--passphrase-file FILE (or ATTEST_PASSPHRASE, or a prompt on a terminal), --operator NAME (or ATTEST_OPERATOR).',
    'Exit codes: 0 done, 1 check failed, 2 usage, 3 workspace cannot be opened, 4 input rejected.',
  ].join('\n');
}

function findCommand(argv: readonly string[]): { command: AnyCommand; rest: string[] } | undefined {
  const words = argv.slice(0, 2);
  const byLength = [...COMMANDS].sort((a, b) => b.words.length - a.words.length);
  const command = byLength.find((c) => c.words.every((w, i) => words[i] === w));
  return command ? { command, rest: argv.slice(command.words.length) } : undefined;
}

function parse(command: AnyCommand, rest: string[], env: NodeJS.ProcessEnv, terminal: Terminal): CommandArgs {
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (!command.variadic && positionals.length > command.positionals.length) {
      throw new AttestError('USAGE', `Unexpected argument "${positionals[command.positionals.length] ?? ''}". Usage: ${command.usage}`);
    }
    return { positionals, values, env, terminal };
  } catch (error) {
    if (isAttestError(error)) throw error;
    throw new AttestError('USAGE', `${(error as Error).message}. Usage: ${command.usage}`);
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AttestError(result.error.code, result.error.message);
  return result.value;
}

async function runCommand(command: AnyCommand, args: CommandArgs, session: ApiSession, signal: AbortSignal): Promise<{ output: unknown; failed: boolean }> {
  const onProgress = progressReporter(args.terminal);
  if (command.workspace) {
    const path = (args.values.workspace as string | undefined) ?? (args.env.ATTEST_WORKSPACE || undefined);
    if (path === undefined) throw new AttestError('USAGE', `Name the workspace with -w FILE or ATTEST_WORKSPACE. Usage: ${command.usage}`);
    const passphrase = await passphraseFor(args, `Passphrase for ${path}`);
    const operator = (args.values.operator as string | undefined) ?? (args.env.ATTEST_OPERATOR || undefined);
    unwrap(await invoke('workspace.open', { path, passphrase, operator }, { session }));
  }
  const input = await (command.input as (a: CommandArgs) => unknown)(args);
  const output = unwrap(await invoke(command.operation, input, { session, onProgress, signal }));
  const failed = (command.failed as ((o: unknown) => boolean) | undefined)?.(output) ?? false;
  return { output, failed };
}

/** Runs one `attest` command line and returns its exit code. Nothing here decides anything: the API does. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, terminal: Terminal = processTerminal()): Promise<number> {
  const json = argv.includes('--json');
  const fail = (code: AttestError['code'], message: string): number => {
    if (json) terminal.stdout(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
    terminal.stderr(`attest: ${message}\n`);
    return exitCodeFor(code);
  };
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    terminal.stdout(`${usage()}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === 'serve') return runServe(argv.slice(1), env, terminal);
  const found = findCommand(argv);
  if (!found) return fail('USAGE', `Unknown command "${argv.slice(0, 2).join(' ')}". Run "attest --help" for the list.`);
  const session = new ApiSession();
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    const args = parse(found.command, found.rest, env, terminal);
    if (args.values.help) {
      terminal.stdout(`${found.command.usage}\n${found.command.summary}\n`);
      return EXIT.ok;
    }
    const { output, failed } = await runCommand(found.command, args, session, abort.signal);
    if (json) terminal.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else terminal.stdout(`${(found.command.human as (o: unknown) => string)(output)}\n`);
    return failed ? EXIT.checkFailed : EXIT.ok;
  } catch (error) {
    if (isAttestError(error)) return fail(error.code, error.message);
    return fail('INTERNAL', `internal error: ${(error as Error).message}`);
  } finally {
    process.off('SIGINT', onSigint);
    session.close();
  }
}
