import type { OperationInput, OperationName, OperationOutput } from './contract.js';
import type { Progress, Result } from './result.js';

/**
 * The desktop bridge: what Electron's main process, its preload and the renderer agree on.
 * The sandboxed preload bundles this file, so it holds nothing but constants, types and small
 * checks; the renderer imports its types only.
 */
export const INVOKE_CHANNEL = 'attest:invoke';
/** main → window: `(callId, progress)` for a call started with an id. */
export const PROGRESS_CHANNEL = 'attest:progress';
/** window → main: `(callId)`, answered with whether such a call was running. */
export const CANCEL_CHANNEL = 'attest:cancel';
export const MENU_CHANNEL = 'attest:menu';
/** window → main: `(path)`, answered with whether the file was shown in its folder. */
export const SHOW_ITEM_CHANNEL = 'attest:show-item';
/** window → main: `()`, answered with the recent workspaces (File › Open Recent's list). */
export const RECENT_CHANNEL = 'attest:recent';
/** main → window: `(paths)` each time the recent workspaces change (an open, Clear Recent). */
export const RECENT_CHANGED_CHANNEL = 'attest:recent-changed';

export const MENU_COMMANDS = ['new', 'open', 'lock', 'forget', 'about'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
/**
 * What a native menu item asks the window to do. `open` may name a file (a recent workspace, or
 * one picked in the native dialog); `forget` locks and forgets the passphrase remembered for the
 * workspace.
 */
export type MenuCommand = { command: Exclude<MenuCommandName, 'open'> } | { command: 'open'; path?: string };

const MAX_PATH_CHARS = 4096;
const MAX_RECENT = 100;

/** A file path as a window or main may send it: a string of 1 to 4,096 characters without NUL. */
export function isFilePath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_CHARS && !value.includes('\0');
}

/** A list of file paths as main sends it (the recent workspaces): anything else is no list. */
export function isPathList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_RECENT && value.every(isFilePath);
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, path } = value as { command?: unknown; path?: unknown };
  if (typeof command !== 'string' || !(MENU_COMMANDS as readonly string[]).includes(command)) return false;
  if (path === undefined) return true;
  return command === 'open' && isFilePath(path);
}

/** A call id the window chooses for a call with progress: short, plain characters. */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value);
}

export function isProgress(value: unknown): value is Progress {
  if (typeof value !== 'object' || value === null) return false;
  const { phase, done, total } = value as Partial<Record<keyof Progress, unknown>>;
  return typeof phase === 'string' && typeof done === 'number' && typeof total === 'number' && Number.isFinite(done) && Number.isFinite(total);
}

/** `window.attest` in the desktop app: the API contract over IPC, and the native menu's commands. */
export interface AttestBridge {
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>>;
  /**
   * A long call whose progress arrives through `onProgress`; `cancel(callId)` asks it to stop.
   * The answer is always the true outcome (CANCELLED, or the result when the work finished first).
   */
  invokeWithProgress<K extends OperationName>(name: K, input: OperationInput<K>, callId: string, onProgress: (progress: Progress) => void): Promise<Result<OperationOutput<K>>>;
  /** Asks the running call `callId` to stop; resolves false when it was no longer running. */
  cancel(callId: string): Promise<boolean>;
  /** Calls `listener` for each menu command; returns the function that stops listening. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  // Host capabilities: the desktop app offers them; a page checks for each before using it.
  /** A dropped or chosen File's path on this computer (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile?(file: File): string;
  /** Shows a file in the system's file manager; resolves false when it is no existing regular file. */
  showItemInFolder?(path: string): Promise<boolean>;
  /** The recent workspaces, newest first: the same list as File › Open Recent. */
  recentWorkspaces?(): Promise<string[]>;
  /** Calls `listener` with the list each time it changes; returns the function that stops listening. */
  onRecentWorkspaces?(listener: (paths: string[]) => void): () => void;
}
