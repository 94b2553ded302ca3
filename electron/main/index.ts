import { BrowserWindow, Menu, app } from 'electron';
import { ApiSession } from '../../src/api/session.js';
import { MENU_CHANNEL, type MenuCommand } from '../../src/api/bridge.js';
import { registerApiChannel } from './ipc.js';
import { buildApplicationMenu } from './menu.js';
import { locateRenderer } from './renderer-location.js';
import { confineWebContents, lockDownSession } from './security.js';
import { useElectronSqliteBinding } from './sqlite-binding.js';
import { createMainWindow } from './window.js';

// The desktop host: a window, menus and one IPC channel over the same API as the CLI and the
// loopback host. Decisions belong to src/api, never here.

function runDesktopApp(): void {
  app.enableSandbox();
  useElectronSqliteBinding(app.isPackaged);
  const renderer = locateRenderer(app.isPackaged);
  const session = new ApiSession();
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    const window = createMainWindow(renderer);
    // Closing the window locks the workspace, even where the app stays running (macOS).
    window.on('closed', () => {
      session.close();
      mainWindow = null;
    });
    mainWindow = window;
  };

  confineWebContents(renderer);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('before-quit', () => session.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      lockDownSession(renderer);
      registerApiChannel(renderer, session);
      const send = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_CHANNEL, command);
      Menu.setApplicationMenu(buildApplicationMenu(send, { isMac: process.platform === 'darwin', isDev: !app.isPackaged }));
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch(() => app.quit());
}

// One instance per user: a second launch focuses the first window instead of opening the workspace twice.
if (app.requestSingleInstanceLock()) runDesktopApp();
else app.quit();
