const KEY = 'attest.recentWorkspaces';
const KEEP = 5;

/** The browser's own list (attest serve): workspace files opened lately in this browser, newest first (paths only: never a passphrase). */
function browserRecent(): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

/** The desktop app keeps one list, File › Open Recent's, in the main process; the page only reads it. */
function desktopList(): (() => Promise<string[]>) | null {
  const bridge = window.attest;
  return bridge?.recentWorkspaces ? () => bridge.recentWorkspaces!() : null;
}

/** Workspace files opened lately, newest first: the File menu's list in the desktop app, this browser's elsewhere. */
export function recentWorkspaces(): Promise<string[]> {
  const desktop = desktopList();
  return desktop ? desktop().catch(() => []) : Promise.resolve(browserRecent());
}

/** Calls `listener` with the list each time the desktop app's changes (an open, Clear Recent); the browser's changes only on this page. */
export function onRecentWorkspaces(listener: (paths: string[]) => void): () => void {
  return window.attest?.onRecentWorkspaces?.(listener) ?? (() => undefined);
}

/** A workspace was opened or created. The desktop app's main process learns of it from the call itself. */
export function rememberWorkspace(path: string): void {
  if (desktopList()) return;
  try {
    window.localStorage.setItem(KEY, JSON.stringify([path, ...browserRecent().filter((p) => p !== path)].slice(0, KEEP)));
  } catch {
    // Storage may be disabled; recent files are a convenience.
  }
}
