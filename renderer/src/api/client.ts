import type { MenuCommand } from '../../../src/api/bridge';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Result } from '../../../src/api/result';

export type { MenuCommand };

function transportFailure(message: string): Result<never> {
  return { ok: false, error: { code: 'HOST_UNAVAILABLE', message } };
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
  if (response.status === 401) {
    return transportFailure('This page is not signed in to this Attest launch. Open the URL that "attest serve" printed.');
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return transportFailure(`Attest answered ${response.status} without a result. Reload the page and try again.`);
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
