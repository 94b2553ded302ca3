import { invoke } from './invoke.js';
import type { Progress, Result } from './result.js';
import type { ApiSession } from './session.js';

/** How often progress reaches a host's page at most (the last report, done = total, always passes). */
export const PROGRESS_INTERVAL_MS = 100;

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

  constructor(readonly session: ApiSession) {}

  /** A call without progress, after the calls before it. */
  call(name: string, input: unknown): Promise<Result<unknown>> {
    return this.enqueue(() => invoke(name, input, { session: this.session }));
  }

  /** A call with progress, cancellable by `id` (unique among the calls still running) until it settles. */
  async stream(id: string, name: string, input: unknown, onProgress: (progress: Progress) => void): Promise<Result<unknown>> {
    if (this.running.has(id)) return { ok: false, error: { code: 'USAGE', message: `A call with id "${id}" is still running; give each call its own id.` } };
    const abort = new AbortController();
    this.running.set(id, abort);
    try {
      return await this.enqueue(() => invoke(name, input, { session: this.session, onProgress: throttleProgress(onProgress), signal: abort.signal }));
    } finally {
      this.running.delete(id);
    }
  }

  /** Asks the running call `id` to stop; false when no such call is running (finished, or never was). */
  cancel(id: string): boolean {
    const target = this.running.get(id);
    target?.abort();
    return target !== undefined;
  }

  private enqueue(run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    const call = this.queue.then(run);
    this.queue = call.catch(() => undefined);
    return call;
  }
}
