import { invoke } from './invoke.js';
import type { Progress, Result } from './result.js';
import type { ApiSession } from './session.js';

/** How often progress reaches a host's page at most (the last report, done = total, always passes). */
export const PROGRESS_INTERVAL_MS = 100;

/** How many cancels of calls not yet arrived a runner keeps (each page sends one per cancel). */
const EARLY_CANCELS_KEPT = 64;

/** Passes progress on at most every `intervalMs`, and always the report that completes a phase. */
export function throttleProgress(emit: (progress: Progress) => void, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = Date.now): (progress: Progress) => void {
  let lastSent = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const at = now();
    if (at - lastSent < intervalMs && progress.done < progress.total) return;
    lastSent = at;
    emit(progress);
  };
}

/**
 * What the long-lived hosts (loopback HTTP, Electron IPC) share: calls run one at a time against
 * one session, and a call started with an id reports its progress and can be cancelled by that
 * id until it settles. A cancel only asks: the call's own answer is the true outcome (CANCELLED
 * when the work stopped and was rolled back, or the result when it had finished first).
 */
export class CallRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly running = new Map<string, AbortController>();
  /** Ids cancelled before their call arrived (a page's cancel can overtake its own request). */
  private readonly cancelledEarly = new Set<string>();

  constructor(readonly session: ApiSession) {}

  /** A call without progress, after the calls before it. */
  call(name: string, input: unknown): Promise<Result<unknown>> {
    return this.enqueue(() => invoke(name, input, { session: this.session }));
  }

  /** A call with progress, cancellable by `id` (unique among the calls still running) until it settles. */
  async stream(id: string, name: string, input: unknown, onProgress: (progress: Progress) => void): Promise<Result<unknown>> {
    if (this.running.has(id)) return { ok: false, error: { code: 'USAGE', message: `A call with id "${id}" is still running; give each call its own id.` } };
    const abort = new AbortController();
    if (this.cancelledEarly.delete(id)) abort.abort();
    this.running.set(id, abort);
    try {
      return await this.enqueue(() => invoke(name, input, { session: this.session, onProgress: throttleProgress(onProgress), signal: abort.signal }));
    } finally {
      this.running.delete(id);
    }
  }

  /**
   * Asks the running call `id` to stop; false when no such call is running (finished, or not
   * yet arrived). With `beforeStart`, a call that has not arrived yet is remembered (the last
   * 64 such ids) and starts cancelled: a cancel sent on its own connection
   * can reach the host before the call it names.
   */
  cancel(id: string, beforeStart = false): boolean {
    const target = this.running.get(id);
    target?.abort();
    if (target === undefined && beforeStart) this.rememberEarlyCancel(id);
    return target !== undefined;
  }

  private rememberEarlyCancel(id: string): void {
    this.cancelledEarly.add(id);
    if (this.cancelledEarly.size > EARLY_CANCELS_KEPT) this.cancelledEarly.delete(this.cancelledEarly.values().next().value as string);
  }

  private enqueue(run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    const call = this.queue.then(run);
    this.queue = call.catch(() => undefined);
    return call;
  }
}
