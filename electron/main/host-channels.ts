import { ipcMain } from 'electron';
import { RECENT_CHANNEL, SHOW_ITEM_CHANNEL } from '../../src/api/bridge.js';
import { REFUSED, fromRendererTopFrame } from './ipc.js';
import type { RecentWorkspaces } from './recent-workspaces.js';
import type { RendererLocation } from './renderer-location.js';
import { revealableFile } from './reveal-file.js';

/**
 * The desktop app's own capabilities beyond the API contract, each only from the renderer's page:
 * show a file in its folder (only an existing regular file: reveal-file.ts), and read the recent
 * workspaces (the File menu's list, which the welcome screen shows too).
 */
export function registerHostChannels(renderer: RendererLocation, host: { showItemInFolder: (path: string) => void; recent: RecentWorkspaces }): void {
  ipcMain.handle(SHOW_ITEM_CHANNEL, (event, path: unknown): boolean => {
    if (!fromRendererTopFrame(event, renderer)) throw new Error(REFUSED);
    const file = revealableFile(path);
    if (file !== null) host.showItemInFolder(file);
    return file !== null;
  });
  ipcMain.handle(RECENT_CHANNEL, (event): string[] => {
    if (!fromRendererTopFrame(event, renderer)) throw new Error(REFUSED);
    return host.recent.list();
  });
}
