import type { CallObserver } from './ipc-calls.js';
import { openedWorkspacePath } from './opened-workspace.js';
import type { RecentWorkspaces } from './recent-workspaces.js';

/**
 * One list of recent workspaces for the File menu and the welcome screen: each call that opens or
 * creates a workspace (from the screen, or a file the menu chose) puts it first; the list's
 * onChange then rebuilds the menu and tells the window. `addRecentDocument`: the OS's own list.
 */
export function followOpenedWorkspaces(recent: RecentWorkspaces, addRecentDocument: (path: string) => void = () => undefined): CallObserver {
  return (name, result) => {
    const opened = openedWorkspacePath(name, result);
    if (opened === null) return;
    recent.add(opened);
    addRecentDocument(opened);
  };
}
