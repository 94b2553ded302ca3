import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { ApiErrorAlert } from '../ApiErrorAlert';

/** Runs the analysis over the current picture (correlation and findings as of today); the run is stored and audited. */
export function RunAnalysisButton({ onDone }: { onDone: () => void }) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (): Promise<void> => {
    setRunning(true);
    const result = await call('analysis.run', {});
    setRunning(false);
    setError(result.ok ? null : result.error);
    if (result.ok) onDone();
  };
  return (
    <Stack gap="xs">
      <Button variant="default" loading={running} onClick={() => void run()}>
        Run analysis
      </Button>
      <ApiErrorAlert error={error} title="The analysis did not run" />
    </Stack>
  );
}
