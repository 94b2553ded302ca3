import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CANCEL_CHANNEL,
  INVOKE_CHANNEL,
  MENU_CHANNEL,
  PROGRESS_CHANNEL,
  RECENT_CHANGED_CHANNEL,
  RECENT_CHANNEL,
  SHOW_ITEM_CHANNEL,
  isCallId,
  isFilePath,
  isMenuCommand,
  isPathList,
  isProgress,
  type AttestBridge,
} from '../../src/api/bridge.js';
import type { Progress } from '../../src/api/result.js';

// A sandboxed preload can require only 'electron', so the contract's operation names arrive as
// a build-time constant (see electron.vite.config.ts) rather than through zod.
const operationNames: ReadonlySet<string> = new Set(__ATTEST_OPERATION_NAMES__);

const noSuchOperation = (name: unknown) => Promise.resolve({ ok: false as const, error: { code: 'USAGE' as const, message: `There is no operation "${String(name)}".` } });

/** Progress for one call: main sends `(callId, progress)`; only this call's well-formed reports pass. */
function listenForProgress(callId: string, onProgress: (progress: Progress) => void): () => void {
  const forward = (_event: IpcRendererEvent, id: unknown, progress: unknown): void => {
    if (id === callId && isProgress(progress)) onProgress({ phase: progress.phase, done: progress.done, total: progress.total });
  };
  ipcRenderer.on(PROGRESS_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
  };
}

/** Main's messages on `channel` that pass `accept` reach `listener`; returns the function that stops listening. */
function listenFor<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: AttestBridge = {
  invoke: (name, input) => (operationNames.has(name) ? ipcRenderer.invoke(INVOKE_CHANNEL, name, input) : noSuchOperation(name)),
  invokeWithProgress: (name, input, callId, onProgress) => {
    if (!operationNames.has(name)) return noSuchOperation(name);
    if (!isCallId(callId)) return Promise.resolve({ ok: false, error: { code: 'USAGE', message: 'A call id is 1 to 64 letters, digits, "-" or "_".' } });
    // Listening before the call is sent: no progress report can come before the listener.
    const stop = listenForProgress(callId, typeof onProgress === 'function' ? onProgress : () => undefined);
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input, callId).finally(stop);
  },
  cancel: (callId) => (isCallId(callId) ? (ipcRenderer.invoke(CANCEL_CHANNEL, callId) as Promise<boolean>) : Promise.resolve(false)),
  onMenu: (listener) => listenFor(MENU_CHANNEL, isMenuCommand, listener),
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      // Not a File: no path.
      return '';
    }
  },
  showItemInFolder: (path) => (isFilePath(path) ? (ipcRenderer.invoke(SHOW_ITEM_CHANNEL, path) as Promise<boolean>) : Promise.resolve(false)),
  recentWorkspaces: () => ipcRenderer.invoke(RECENT_CHANNEL).then((paths: unknown) => (isPathList(paths) ? paths : [])),
  onRecentWorkspaces: (listener) => listenFor(RECENT_CHANGED_CHANNEL, isPathList, listener),
};

// Exactly the bridge: no ipcRenderer, no Node, nothing else reaches the page.
contextBridge.exposeInMainWorld('attest', bridge);
