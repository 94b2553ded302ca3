import { AttestError } from '../errors.js';
import type { OperationInput, OperationName, OperationOutput } from '../api/contract.js';
import type { Terminal } from './terminal.js';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandArgs {
  positionals: string[];
  values: OptionValues;
  env: NodeJS.ProcessEnv;
  terminal: Terminal;
}

/** One CLI command: which operation it calls, how its words become the input, how its output reads. */
export interface CommandDef<K extends OperationName = OperationName> {
  words: readonly string[];
  operation: K;
  summary: string;
  usage: string;
  positionals: readonly string[];
  /** The last positional may repeat (FILE [FILE ...]). */
  variadic?: boolean;
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  /** Unlock the workspace named by -w / ATTEST_WORKSPACE before calling the operation. */
  workspace: boolean;
  input: (args: CommandArgs) => Promise<OperationInput<K>> | OperationInput<K>;
  human: (output: OperationOutput<K>) => string;
  /** The operation ran but its check failed: exit 1. */
  failed?: (output: OperationOutput<K>) => boolean;
}

export function define<K extends OperationName>(def: CommandDef<K>): CommandDef<K> {
  return def;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}


export function integerOption(values: OptionValues, name: string): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new AttestError('USAGE', `--${name} takes a whole number, not "${raw}".`);
  return Number(raw);
}

export function requiredOption(values: OptionValues, name: string, what: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value.trim() === '') throw new AttestError('USAGE', `Missing --${name} ${what}.`);
  return value;
}
