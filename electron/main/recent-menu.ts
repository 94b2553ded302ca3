import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/api/bridge.js';

export interface RecentMenuOptions {
  /** Recent workspace files, newest first. */
  recent: readonly string[];
  clearRecent: () => void;
}

/** File › Open Recent: each file by name (its full path as the tooltip), then Clear. */
export function recentSubmenu(send: (command: MenuCommand) => void, options: RecentMenuOptions): MenuItemConstructorOptions[] {
  if (options.recent.length === 0) return [{ label: 'No Recent Workspaces', enabled: false }];
  return [
    ...options.recent.map((path): MenuItemConstructorOptions => ({
      // Menu labels treat & as a mnemonic marker: doubled, it shows as itself.
      label: basename(path).replaceAll('&', '&&'),
      toolTip: path,
      click: () => send({ command: 'open', path }),
    })),
    { type: 'separator' },
    { label: 'Clear Recent', click: options.clearRecent },
  ];
}

