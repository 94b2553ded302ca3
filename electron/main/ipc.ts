import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isOperationName } from '../../src/api/contract.js';
import { invoke } from '../../src/api/invoke.js';
import type { Result } from '../../src/api/result.js';
import type { ApiSession } from '../../src/api/session.js';
import { INVOKE_CHANNEL } from '../../src/api/bridge.js';
import type { RendererLocation } from './renderer-location.js';

function fromRendererTopFrame(event: IpcMainInvokeEvent, renderer: RendererLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && renderer.isRendererUrl(frame.url);
}

/**
 * The one IPC channel: an operation of the contract, called by the renderer's own page. The
 * input is validated by invoke() against the contract's schema. Calls run one at a time against
 * the app's single session, as in the loopback host.
 */
export function registerApiChannel(renderer: RendererLocation, session: ApiSession): void {
  let queue: Promise<unknown> = Promise.resolve();
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!fromRendererTopFrame(event, renderer)) throw new Error('Refused: this call did not come from the Attest window.');
    if (!isOperationName(name)) {
      const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
      return Promise.resolve({ ok: false, error: { code: 'USAGE', message: `There is no operation "${shown}".` } });
    }
    const call = queue.then(() => invoke(name, input, { session }));
    queue = call.catch(() => undefined);
    return call;
  });
}
