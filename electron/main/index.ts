import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, safeStorage, shell } from 'electron';
import { CallRunner } from '../../src/api/call-runner.js';
import { ApiSession } from '../../src/api/session.js';
import { MENU_CHANNEL, RECENT_CHANGED_CHANNEL, type MenuCommand } from '../../src/api/bridge.js';
import { registerHostChannels } from './host-channels.js';
import { registerApiChannel } from './ipc.js';
import { IpcCalls } from './ipc-calls.js';
import { buildApplicationMenu } from './menu.js';
import { followOpenedWorkspaces } from './recent-feed.js';
import { RecentWorkspaces } from './recent-workspaces.js';
import { FileSecretStore, keychainCipher } from './remembered-secrets.js';
import { locateRenderer } from './renderer-location.js';
import { confineWebContents, lockDownSession } from './security.js';
import { useElectronSqliteBinding } from './sqlite-binding.js';
import { createMainWindow } from './window.js';

// The desktop host: a window, menus and the IPC channels over the same API as the CLI and the
// loopback host. Decisions belong to src/api, never here.

function runDesktopApp(): void {
  app.enableSandbox();
  useElectronSqliteBinding(app.isPackaged);
  const renderer = locateRenderer(app.isPackaged);
  const userData = app.getPath('userData');
  // Remember on this computer: passphrases encrypted by the OS keychain, in the user-data folder.
  const secrets = new FileSecretStore(join(userData, 'remembered-passphrases.json'), keychainCipher(safeStorage, process.platform));
  const runner = new CallRunner(new ApiSession({ secrets }));
  const session = runner.session;
  let mainWindow: BrowserWindow | null = null;

  const send = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_CHANNEL, command);
  const openDialog = (): void => {
    const options = { title: 'Open Workspace', properties: ['openFile' as const], filters: [{ name: 'Attest workspaces', extensions: ['attest'] }] };
    const picked = mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
    void picked.then(({ canceled, filePaths }) => {
      if (!canceled && filePaths[0]) send({ command: 'open', path: filePaths[0] });
    });
  };
  const showMenu = (recentPaths: readonly string[]): void => {
    const isMac = process.platform === 'darwin';
    Menu.setApplicationMenu(buildApplicationMenu(send, { isMac, isDev: !app.isPackaged, recent: recentPaths, openDialog, clearRecent: () => recent.clear() }));
  };
  // One list for File › Open Recent and the welcome screen: a change rebuilds the menu and tells the window.
  const recentChanged = (paths: readonly string[]): void => {
    showMenu(paths);
    mainWindow?.webContents.send(RECENT_CHANGED_CHANNEL, paths);
  };
  const recent = new RecentWorkspaces(join(userData, 'recent-workspaces.json'), { onChange: recentChanged, caseInsensitive: process.platform !== 'linux' });
  const calls = new IpcCalls(runner, followOpenedWorkspaces(recent, (path) => app.addRecentDocument(path)));

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
      registerApiChannel(renderer, calls);
      registerHostChannels(renderer, { showItemInFolder: (path) => shell.showItemInFolder(path), recent });
      showMenu(recent.list());
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
