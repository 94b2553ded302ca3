import { Button, Group, Paper, Progress as ProgressBar, Stack, Text } from '@mantine/core';
import type { Progress } from '../../api/client';
import { formatCount } from '../../format';

export interface ProgressPanelProps {
  /** What is running, e.g. "Importing erp-grants.csv". */
  title: string;
  /** The latest progress report; null until the first one arrives. */
  progress: Progress | null;
  onCancel: () => void;
}

/** A long job: its phase, count of total, a bar, and Cancel. */
export function ProgressPanel({ title, progress, onCancel }: ProgressPanelProps) {
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Paper withBorder p="lg" role="status" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{title}</Text>
          <Button variant="default" color="red" size="xs" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
        <ProgressBar value={percent} animated={!progress} striped={!progress} size="lg" aria-label="Progress" />
        <Text size="sm" c="dimmed" data-testid="progress-text" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {progress ? `${progress.phase}: ${formatCount(progress.done)} of ${formatCount(progress.total)} (${Math.floor(percent)}%)` : 'Starting…'}
        </Text>
      </Stack>
    </Paper>
  );
}
