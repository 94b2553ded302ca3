import { Paper, Text } from '@mantine/core';
import { formatCount } from '../../format';

export interface StatCardProps {
  label: string;
  value: number;
  /** A short line under the number (e.g. "in 6 systems"). */
  hint?: string;
}

/** One headline number. */
export function StatCard({ label, value, hint }: StatCardProps) {
  return (
    <Paper withBorder p="md" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={600} mt={2} data-testid={`stat-${label}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
