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

export const MENU_COMMANDS = ['new', 'open', 'lock', 'forget', 'about'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
/**
 * What a native menu item asks the window to do. `open` may name a file (a recent workspace, or
 * one picked in the native dialog); `forget` locks and forgets the passphrase remembered for the
 * workspace.
 */
export type MenuCommand = { command: Exclude<MenuCommandName, 'open'> } | { command: 'open'; path?: string };

const MAX_PATH_CHARS = 4096;

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, path } = value as { command?: unknown; path?: unknown };
  if (typeof command !== 'string' || !(MENU_COMMANDS as readonly string[]).includes(command)) return false;
  if (path === undefined) return true;
  return command === 'open' && typeof path === 'string' && path.length > 0 && path.length <= MAX_PATH_CHARS;
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
}
