import { Worker } from 'node:worker_threads';
import { AttestError } from '../../errors.js';
import type { MapJob } from '../map-files.js';
import type { ResolvedRecords, SnapshotOutput } from '../snapshot-output.js';
import type { WorkerMessage } from './messages.js';
import { importWorkerUrl } from './worker-entry.js';

export interface MapWorker {
  /** Runs the job in the worker while this thread writes what it posts into `output`. Once. */
  run: (
    job: MapJob,
    output: SnapshotOutput,
    hooks: { signal?: AbortSignal | undefined; onProgress?: ((file: string, done: number, total: number) => void) | undefined },
  ) => Promise<ResolvedRecords>;
  /** Ends the worker (after run, or instead of it); resolves once it has stopped. */
  stop: () => Promise<void>;
}

/**
 * Starts a worker thread that will map an import's files: the two halves of an import (mapping
 * there, SQL here) overlap on two cores. It is started early, so that its start-up (a fresh
 * isolate loading the core) overlaps with hashing and detecting the files; the job follows.
 */
export function startMapWorker(): MapWorker {
  // A capped heap: the worker streams and needs little, and an uncapped second heap pushed a
  // 1M-row import past 300 MB of RSS (measured: ~320 MB uncapped, ~265 MB capped).
  const worker = new Worker(importWorkerUrl(), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
  const stop = async (): Promise<void> => {
    await worker.terminate();
  };
  const run: MapWorker['run'] = (job, output, hooks) =>
    new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, value?: ResolvedRecords): void => {
        if (settled) return;
        settled = true;
        hooks.signal?.removeEventListener('abort', onAbort);
        void stop();
        if (error) reject(error);
        else resolve(value as ResolvedRecords);
      };
      const onAbort = (): void => finish(new AttestError('CANCELLED', 'The import was cancelled; nothing was imported.'));
      if (hooks.signal?.aborted) return onAbort();
      hooks.signal?.addEventListener('abort', onAbort);
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        try {
          switch (message.type) {
            case 'identity':
              return output.identity(message.record);
            case 'grants':
              return output.grants(message.batch);
            case 'rejection':
              return output.rejection(message.source, message.line, message.reason);
            case 'progress':
              return hooks.onProgress?.(message.file, message.done, message.total);
            case 'done':
              return finish(null, message.resolved);
            case 'error':
              return finish(new AttestError(message.code, message.message));
          }
        } catch (error) {
          finish(error as Error);
        }
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(new Error(`the import worker stopped (exit ${code})`)));
      worker.postMessage(job);
    });
  return { run, stop };
}
