import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CANCEL_CHANNEL, INVOKE_CHANNEL } from '../../src/api/bridge.js';
import type { Result } from '../../src/api/result.js';
import type { IpcCalls } from './ipc-calls.js';
import type { RendererLocation } from './renderer-location.js';

export const REFUSED = 'Refused: this call did not come from the Attest window.';

/** Whether an IPC message came from the renderer's own page, in its top frame. */
export function fromRendererTopFrame(event: IpcMainInvokeEvent, renderer: RendererLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && renderer.isRendererUrl(frame.url);
}

/**
 * The IPC channels: an operation of the contract (with progress when the window gives a call
 * id), and the cancel of such a call, each only from the renderer's own page. What they carry is
 * checked by IpcCalls and invoke(); a window that reloads or closes cancels its running calls.
 */
export function registerApiChannel(renderer: RendererLocation, calls: IpcCalls): void {
  const watched = new Set<number>();
  const watch = (event: IpcMainInvokeEvent): void => {
    const contents = event.sender;
    if (watched.has(contents.id)) return;
    watched.add(contents.id);
    const id = contents.id;
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) calls.abandon(id);
    });
    contents.once('destroyed', () => {
      calls.abandon(id);
      watched.delete(id);
    });
  };
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown, callId: unknown): Promise<Result<unknown>> => {
    if (!fromRendererTopFrame(event, renderer)) throw new Error(REFUSED);
    watch(event);
    return calls.call(event.sender, name, input, callId);
  });
  ipcMain.handle(CANCEL_CHANNEL, (event, callId: unknown): boolean => {
    if (!fromRendererTopFrame(event, renderer)) throw new Error(REFUSED);
    return calls.cancel(event.sender, callId);
  });
}
