import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/api/bridge.js';

/** The native menus. Items only tell the renderer what was chosen; the renderer acts through the API. */
export function buildApplicationMenu(send: (command: MenuCommand) => void, options: { isMac: boolean; isDev: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
        { type: 'separator' },
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
        ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    // Without the Edit roles, copy and paste do not work in inputs on macOS.
    { role: 'editMenu' },
    ...(options.isDev ? [{ role: 'viewMenu' } as const] : []),
    {
      role: 'help',
      submenu: [{ label: 'About Attest', click: () => send('about') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
