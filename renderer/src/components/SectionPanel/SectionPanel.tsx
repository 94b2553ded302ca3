import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionPanelProps {
  /** The section's heading, also its accessible name. */
  title: string;
  /** A short line under the heading (which run, as of when). */
  subtitle?: string;
  children: ReactNode;
}

/** A titled, bordered section of a screen. */
export function SectionPanel({ title, subtitle, children }: SectionPanelProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={subtitle ? 0 : 'sm'}>
        {title}
      </Title>
      {subtitle && (
        <Text size="xs" c="dimmed" mb="md">
          {subtitle}
        </Text>
      )}
      {children}
    </Paper>
  );
}
