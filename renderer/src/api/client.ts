import type { MenuCommand } from '../../../src/api/bridge';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Progress, Result } from '../../../src/api/result';
import { callWithProgressOverIpc, newCallId } from './ipc-progress';

export type { MenuCommand, Progress };

function transportFailure(message: string): Result<never> {
  return { ok: false, error: { code: 'HOST_UNAVAILABLE', message } };
}

function httpFailure(status: number): Result<never> {
  return status === 401
    ? transportFailure('This page is not signed in to this Attest launch. Open the URL that "attest serve" printed.')
    : transportFailure(`Attest answered ${status} without a result. Reload the page and try again.`);
}

async function callOverHttp(name: OperationName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input),
    });
  } catch {
    return transportFailure('Attest is not answering. Check that "attest serve" is still running, then reload this page.');
  }
  if (response.status === 401) return httpFailure(401);
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return httpFailure(response.status);
  }
}

/**
 * Calls one operation of the API contract: over IPC in the desktop app, over loopback HTTP in
 * the browser. Never throws; every outcome is a Result.
 */
export function call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>> {
  const bridge = window.attest;
  if (bridge) return bridge.invoke(name, input).catch(() => transportFailure('The Attest window lost its connection to the app. Restart Attest.'));
  return callOverHttp(name, input) as Promise<Result<OperationOutput<K>>>;
}

/** Listens to the native menu (desktop app only); returns the function that stops listening. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.attest?.onMenu(listener) ?? (() => undefined);
}

/**
 * Reads a streamed call (src/serve/server.ts): `{"call":id}` (the id the page gave it),
 * `{"progress":…}` lines, then the `{"result":…}` line.
 */
async function readStream(body: ReadableStream<Uint8Array>, onProgress: (progress: Progress) => void): Promise<Result<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return transportFailure('Attest stopped answering before the work finished. Check that "attest serve" is still running.');
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { progress?: Progress; result?: Result<unknown> };
      buffered = buffered.slice(newline + 1);
      if (line.result) return line.result;
      if (line.progress) onProgress(line.progress);
    }
  }
}

/**
 * Calls a long operation (an import, the demo company) with progress: over IPC in the desktop
 * app, streamed over loopback HTTP in the browser. `signal` asks the host to stop; the answer is
 * still the host's own: the CANCELLED error when the work stopped and nothing was saved, or the
 * result when it had finished first.
 */
export async function callWithProgress<K extends OperationName>(
  name: K,
  input: OperationInput<K>,
  options: { onProgress: (progress: Progress) => void; signal: AbortSignal },
): Promise<Result<OperationOutput<K>>> {
  if (window.attest) return callWithProgressOverIpc(window.attest, name, input, options);
  // The page names the call, so a cancel can go at once: the host remembers a cancel that
  // overtakes the call it names, and the call then starts cancelled.
  const callId = newCallId();
  const cancel = (): void => {
    void fetch('/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify({ call: callId }) }).catch(() => undefined);
  };
  if (options.signal.aborted) cancel();
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson', 'X-Attest-Call': callId },
      credentials: 'same-origin',
      body: JSON.stringify(input),
    });
    if (!response.ok || !response.body) return httpFailure(response.status);
    return (await readStream(response.body, options.onProgress)) as Result<OperationOutput<K>>;
  } catch {
    return transportFailure('Attest is not answering. Check that "attest serve" is still running, then reload this page.');
  } finally {
    options.signal.removeEventListener('abort', cancel);
  }
}
