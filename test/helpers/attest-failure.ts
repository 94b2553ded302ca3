import { isAttestError } from '../../src/errors.js';

/** The AttestError a promise rejects with (the test fails if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAttestError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AttestError');
}

/** The AttestError a call throws (the test fails if it returns or throws something else). */
export function attestFailure(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (isAttestError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AttestError');
}
