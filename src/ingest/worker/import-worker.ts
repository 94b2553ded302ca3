// The mapping half of a large import, off the thread that writes SQL: reads and maps the files,
// and posts identities, grant batches (typed arrays, transferred) and rejections as they come.
import { parentPort } from 'node:worker_threads';
import { isAttestError } from '../../errors.js';
import { runMapJob, type MapJob } from '../map-files.js';
import type { GrantBatch, SnapshotOutput } from '../snapshot-output.js';
import type { WorkerMessage } from './messages.js';

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

const output: SnapshotOutput = {
  identity: (record) => post({ type: 'identity', record }),
  grants: (batch: GrantBatch) => post({ type: 'grants', batch }, [batch.accounts, batch.entitlements, batch.rows, batch.verdicts].map((array) => array.buffer as ArrayBuffer)),
  rejection: (source, line, reason) => post({ type: 'rejection', source, line, reason }),
};

// Started early by the importing thread; the job arrives once the files are known.
port.once('message', (job: MapJob) => {
  let lastProgress = 0;
  const onProgress = (file: string, done: number, total: number): void => {
    const now = Date.now();
    if (done < total && now - lastProgress < 100) return;
    lastProgress = now;
    post({ type: 'progress', file, done, total });
  };
  runMapJob(job, output, { onProgress })
    .then((resolved) => post({ type: 'done', resolved }))
    .catch((error: unknown) => {
      post(isAttestError(error) ? { type: 'error', code: error.code, message: error.message } : { type: 'error', code: 'INTERNAL', message: (error as Error)?.message ?? String(error) });
    });
});
