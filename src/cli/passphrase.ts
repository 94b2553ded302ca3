import { readFileSync } from 'node:fs';
import { AttestError } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface PassphraseSource {
  /** Environment variable that may hold it. */
  env: string;
  /** A file given on the command line whose first line is the passphrase. */
  file: string | undefined;
  /** The prompt shown on a terminal. */
  prompt: string;
  /** Ask twice on a terminal (a new passphrase). */
  confirm: boolean;
}

export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AttestError('USAGE', `Cannot read the passphrase file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
  return text.replace(/\r?\n$/, '');
}

/** Passphrases never come from a command-line argument: env, a file, or a prompt without echo. */
export async function resolvePassphrase(source: PassphraseSource, env: NodeJS.ProcessEnv, terminal: Terminal): Promise<string> {
  const fromEnv = env[source.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (source.file !== undefined) return readPassphraseFile(source.file);
  if (!terminal.interactive) {
    throw new AttestError('USAGE', `No passphrase given: set ${source.env}, pass a passphrase file, or run in a terminal to be asked.`);
  }
  const first = await terminal.askHidden(`${source.prompt}: `);
  if (source.confirm && (await terminal.askHidden('Repeat it: ')) !== first) {
    throw new AttestError('USAGE', 'The two passphrases differ. Run the command again.');
  }
  return first;
}
