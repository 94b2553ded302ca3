import type { Progress } from './api/result.js';
import { AttestError } from './errors.js';

/**
 * Long work written once for both kinds of caller: a generator whose every `yield` is a
 * checkpoint (the progress so far) where the work may stop. `finishSteps` runs it straight
 * through; `watchSteps` reports each checkpoint, lets the event loop run (so that a cancel from
 * the serve host or Ctrl+C can arrive) and stops with CANCELLED when asked. Only read-only work
 * belongs between checkpoints: what it writes must come after the last one, in one transaction.
 */
export type Steps<T> = Generator<Progress, T, void>;

export interface Watch {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export function finishSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** `cancelled` is the CANCELLED message: what stopped, and that nothing was changed. */
export async function watchSteps<T>(steps: Steps<T>, watch: Watch, cancelled: string): Promise<T> {
  for (;;) {
    if (watch.signal?.aborted) throw new AttestError('CANCELLED', cancelled);
    const step = steps.next();
    if (step.done === true) return step.value;
    watch.onProgress?.(step.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
