const KEY = 'attest.recentWorkspaces';
const KEEP = 5;

/** Workspace files opened lately, newest first (paths only: never a passphrase). */
export function recentWorkspaces(): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

export function rememberWorkspace(path: string): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify([path, ...recentWorkspaces().filter((p) => p !== path)].slice(0, KEEP)));
  } catch {
    // Storage may be disabled; recent files are a convenience.
  }
}
