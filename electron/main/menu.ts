import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/api/bridge.js';
import { recentSubmenu, type RecentMenuOptions } from './recent-menu.js';

export interface MenuOptions extends RecentMenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** File › Open Workspace…: the native file dialog (index.ts), which then sends `open` with the file. */
  openDialog: () => void;
}

/** The native menus. Items only tell the renderer what was chosen; the renderer acts through the API. */
export function buildApplicationMenu(send: (command: MenuCommand) => void, options: MenuOptions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'new' }) },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: options.openDialog },
        { label: 'Open Recent', submenu: recentSubmenu(send, options) },
        { type: 'separator' },
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => send({ command: 'lock' }) },
        { label: 'Lock and Forget Passphrase', click: () => send({ command: 'forget' }) },
        ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    // Without the Edit roles, copy and paste do not work in inputs on macOS.
    { role: 'editMenu' },
    ...(options.isDev ? [{ role: 'viewMenu' } as const] : []),
    {
      role: 'help',
      submenu: [{ label: 'About Attest', click: () => send({ command: 'about' }) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
