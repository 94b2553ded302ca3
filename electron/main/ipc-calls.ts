import { PROGRESS_CHANNEL, isCallId } from '../../src/api/bridge.js';
import type { CallRunner } from '../../src/api/call-runner.js';
import { isOperationName } from '../../src/api/contract.js';
import type { Result } from '../../src/api/result.js';

/** The part of Electron's WebContents the dispatcher needs: who sent a call, and how to answer it. */
export interface IpcSender {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Told of every call's outcome (the recent-workspaces list learns of opened files this way). */
export type CallObserver = (name: string, result: Result<unknown>) => void;

function usage(message: string): Result<never> {
  return { ok: false, error: { code: 'USAGE', message } };
}

/**
 * The main process's side of the bridge, without Electron: checks what a window sends (an
 * operation of the contract, a well-formed call id; the input itself is validated by invoke()
 * against the contract's schema), runs calls one at a time on the app's session, sends a
 * call's progress to the window that started it, and cancels by (window, call id). A window
 * that goes away (closed, reloaded) cancels its running calls, as a closed connection does in
 * the serve host. The sender's origin is checked before anything reaches here (ipc.ts).
 */
export class IpcCalls {
  private readonly bySender = new Map<number, Set<string>>();

  constructor(
    private readonly runner: CallRunner,
    private readonly observe: CallObserver = () => undefined,
  ) {}

  async call(sender: IpcSender, name: unknown, input: unknown, callId?: unknown): Promise<Result<unknown>> {
    if (!isOperationName(name)) return usage(`There is no operation "${typeof name === 'string' ? name.slice(0, 80) : typeof name}".`);
    if (callId !== undefined && !isCallId(callId)) return usage('A call id is 1 to 64 letters, digits, "-" or "_".');
    const result = callId === undefined ? await this.runner.call(name, input) : await this.stream(sender, name, input, callId);
    this.observe(name, result);
    return result;
  }

  /** Asks the window's call `callId` to stop; false when it is not running (or the id is malformed). */
  cancel(sender: IpcSender, callId: unknown): boolean {
    return isCallId(callId) && this.runner.cancel(key(sender.id, callId), true);
  }

  /** The window went away: its running calls stop (each still settles with its true outcome). */
  abandon(senderId: number): void {
    for (const callId of this.bySender.get(senderId) ?? []) this.runner.cancel(key(senderId, callId));
  }

  /** Calls still running for a window (what abandon would cancel). */
  running(senderId: number): number {
    return this.bySender.get(senderId)?.size ?? 0;
  }

  private async stream(sender: IpcSender, name: string, input: unknown, callId: string): Promise<Result<unknown>> {
    const calls = this.bySender.get(sender.id) ?? new Set<string>();
    this.bySender.set(sender.id, calls);
    if (calls.has(callId)) return usage(`A call with id "${callId}" is still running; give each call its own id.`);
    calls.add(callId);
    try {
      return await this.runner.stream(key(sender.id, callId), name, input, (progress) => {
        if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, callId, progress);
      });
    } finally {
      calls.delete(callId);
      if (calls.size === 0) this.bySender.delete(sender.id);
    }
  }
}

function key(senderId: number, callId: string): string {
  return `${senderId}/${callId}`;
}
