import type { z } from 'zod';

/**
 * One operation of the contract. `scope` says what it needs: 'none' runs without a workspace,
 * 'workspace' runs against the workspace the session has unlocked.
 */
export interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  summary: string;
  scope: 'none' | 'workspace';
  input: I;
  output: O;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}
