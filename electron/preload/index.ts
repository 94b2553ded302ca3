import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, MENU_CHANNEL, isMenuCommand, type AttestBridge } from '../../src/api/bridge.js';

// A sandboxed preload can require only 'electron', so the contract's operation names arrive as
// a build-time constant (see electron.vite.config.ts) rather than through zod.
const operationNames: ReadonlySet<string> = new Set(__ATTEST_OPERATION_NAMES__);

const bridge: AttestBridge = {
  invoke: (name, input) => {
    if (!operationNames.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'USAGE', message: `There is no operation "${String(name)}".` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
  },
  onMenu: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};

// Exactly the bridge: no ipcRenderer, no Node, nothing else reaches the page.
contextBridge.exposeInMainWorld('attest', bridge);
