import { Button, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { callWithProgress, type Progress } from '../../api/client';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ProgressPanel } from '../ProgressPanel';

/**
 * Runs the analysis over the current picture (correlation and findings as of today), with its
 * steps as progress and Cancel (nothing is stored until the last step); the run is audited.
 */
export function RunAnalysisButton({ onDone }: { onDone: () => void }) {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  const run = async (): Promise<void> => {
    abort.current = new AbortController();
    setRunning(true);
    setProgress(null);
    const result = await callWithProgress('analysis.run', {}, { onProgress: setProgress, signal: abort.current.signal });
    setRunning(false);
    setError(result.ok ? null : result.error);
    if (result.ok) onDone();
  };
  return (
    <Stack gap="xs">
      {running ? (
        <ProgressPanel title="Running the analysis (steps)" progress={progress} onCancel={() => abort.current?.abort()} />
      ) : (
        <Button variant="default" onClick={() => void run()}>
          Run analysis
        </Button>
      )}
      <ApiErrorAlert error={error} title="The analysis did not run" />
    </Stack>
  );
}
