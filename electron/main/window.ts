import { join } from 'node:path';
import { BrowserWindow, app, dialog } from 'electron';
import type { RendererLocation } from './renderer-location.js';
import { rememberWindowState, savedWindowState } from './window-state.js';

/** The workstation window: sandboxed, isolated, and talking to main only through the preload's bridge. */
export function createMainWindow(renderer: RendererLocation): BrowserWindow {
  const saved = savedWindowState();
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    ...saved?.bounds,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Attest',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window (navigation is denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  rememberWindowState(window);
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.loadURL(renderer.url).catch((error: unknown) => {
    dialog.showErrorBox('Attest cannot start', `The workstation page did not load (${(error as Error).message}). Rebuild with "npm run build".`);
    app.quit();
  });
  return window;
}
