import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What to do to fill this place. */
  children?: ReactNode;
}

/** What a screen shows when there is nothing yet, and how to get something. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
      <Stack gap={4} align="center">
        <Text fw={600}>{title}</Text>
        {children && (
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {children}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
