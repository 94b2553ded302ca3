import type { z } from 'zod';
import { AttestError, isAttestError } from '../errors.js';
import { contract, isOperationName, type OperationName, type OperationOutput } from './contract.js';
import { handlers, type CallContext } from './handlers.js';
import type { Result } from './result.js';

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`).join('; ');
}

/** Anything not an AttestError is a bug: report it without leaking internals such as SQL or keys. */
function toFailure(error: unknown): Result<never> {
  if (isAttestError(error)) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'INTERNAL', message: `Attest hit an internal error (${(error as Error)?.name ?? 'unknown'}). Nothing was changed by the failed step; please report it.` } };
}

/**
 * The single entry point every host uses: validates the input against the contract, runs the
 * handler, checks the output, and turns every outcome into a Result.
 */
export async function invoke<K extends OperationName>(name: K, rawInput: unknown, ctx: CallContext): Promise<Result<OperationOutput<K>>>;
export async function invoke(name: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
export async function invoke(name: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'USAGE', message: `There is no operation "${name}".` } };
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${name}: ${describeIssues(parsed.error)}.` } };
  }
  try {
    if (ctx.signal?.aborted) throw new AttestError('CANCELLED', 'The operation was cancelled before it started.');
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    return toFailure(error);
  }
}
