import type { OperationInput, OperationName, OperationOutput } from './contract.js';
import type { Result } from './result.js';

/**
 * The desktop bridge: what Electron's main process, its preload and the renderer agree on.
 * The sandboxed preload bundles this file, so it holds nothing but constants and types; the
 * renderer imports its types only.
 */
export const INVOKE_CHANNEL = 'attest:invoke';
export const MENU_CHANNEL = 'attest:menu';

export const MENU_COMMANDS = ['new', 'open', 'lock', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** `window.attest` in the desktop app: the API contract over IPC, and the native menu's commands. */
export interface AttestBridge {
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>>;
  /** Calls `listener` for each menu command; returns the function that stops listening. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
