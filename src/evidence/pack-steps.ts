import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Progress } from '../api/result.js';
import { AttestError } from '../errors.js';

export interface PackWork {
  onProgress?: ((progress: Progress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Progress and cancellation for a pack being made: long loops call `pause()` every so often,
 * which gives the event loop a turn (so a serve host can send progress and read a cancel) and
 * stops the work with CANCELLED once the signal has fired.
 */
export class PackSteps {
  constructor(private readonly work: PackWork = {}) {}

  report(phase: string, done: number, total: number): void {
    this.work.onProgress?.({ phase, done: Math.min(done, total), total });
  }

  check(): void {
    if (this.work.signal?.aborted) throw new AttestError('CANCELLED', 'The evidence pack was cancelled; no file was written.');
  }

  async pause(): Promise<void> {
    this.check();
    await nextTurn();
    this.check();
  }
}
