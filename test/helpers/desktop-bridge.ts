import type { Page } from 'playwright-core';

/** What the stand-in bridge recorded, and the main-process state it answers from. */
export interface DesktopBridgeState {
  /** The path pathForFile gives a File of each name (Electron knows a dropped file's path). */
  paths: Record<string, string>;
  /** The main process's recent workspaces (File › Open Recent). */
  recent: string[];
  /** Every path the page asked main to show in its folder. */
  shown: string[];
}

/**
 * The desktop app's `window.attest` for a page served by `attest serve`, where no Electron can
 * run: the API calls go to the same host over HTTP (no progress events), and the host
 * capabilities (pathForFile, showItemInFolder, the recent workspaces) answer from
 * `window.desktopBridge` and record what the page asked. Their main-process side is tested
 * without Electron in test/electron; this checks what the renderer does when a bridge offers them.
 */
export async function useDesktopBridge(page: Page, state: Omit<DesktopBridgeState, 'shown'>): Promise<void> {
  await page.addInitScript(`(() => {
    const state = (window.desktopBridge = { ...${JSON.stringify(state)}, shown: [], recentListeners: [] });
    const invoke = (name, input) =>
      fetch('/api/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify(input) }).then((r) => r.json());
    window.attest = Object.freeze({
      invoke,
      invokeWithProgress: (name, input) => invoke(name, input),
      cancel: () => Promise.resolve(false),
      onMenu: () => () => undefined,
      pathForFile: (file) => state.paths[file.name] ?? '',
      showItemInFolder: (path) => { state.shown.push(path); return Promise.resolve(true); },
      recentWorkspaces: () => Promise.resolve([...state.recent]),
      onRecentWorkspaces: (listener) => { state.recentListeners.push(listener); return () => undefined; },
    });
  })()`);
  await page.reload();
}

/** Main's recent list changed (an open, Clear Recent): the bridge tells the page. */
export async function changeDesktopRecent(page: Page, recent: string[]): Promise<void> {
  await page.evaluate(`(() => {
    window.desktopBridge.recent = ${JSON.stringify(recent)};
    for (const listener of window.desktopBridge.recentListeners) listener(${JSON.stringify(recent)});
  })()`);
}

export function desktopBridgeState(page: Page): Promise<DesktopBridgeState> {
  return page.evaluate<DesktopBridgeState>('window.desktopBridge');
}
