import type { AttestBridge } from '../../../src/api/bridge';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Progress, Result } from '../../../src/api/result';

/** A fresh id for a long call (what its progress events and its cancel name). */
export function newCallId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The desktop app's long call: progress arrives over IPC, and `signal` sends the cancel. The
 * answer is the main process's own (CANCELLED, or the result when the work finished first).
 */
export async function callWithProgressOverIpc<K extends OperationName>(
  bridge: AttestBridge,
  name: K,
  input: OperationInput<K>,
  options: { onProgress: (progress: Progress) => void; signal: AbortSignal },
): Promise<Result<OperationOutput<K>>> {
  const callId = newCallId();
  const cancel = (): void => void bridge.cancel(callId).catch(() => undefined);
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    const answer = bridge.invokeWithProgress(name, input, callId, options.onProgress);
    // Aborted before the call was sent: main has registered it by now, so the cancel finds it.
    if (options.signal.aborted) cancel();
    return await answer;
  } catch {
    return { ok: false, error: { code: 'HOST_UNAVAILABLE', message: 'The Attest window lost its connection to the app. Restart Attest.' } };
  } finally {
    options.signal.removeEventListener('abort', cancel);
  }
}
