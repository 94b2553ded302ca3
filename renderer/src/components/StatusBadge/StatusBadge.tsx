import { Badge } from '@mantine/core';

export interface StatusBadgeProps {
  /** An identity's (active, leave, terminated), an account's (enabled, disabled) or a violation's (open, mitigated, excepted) status, or a risk. */
  status: string;
}

const COLORS: Record<string, string> = {
  active: 'teal',
  enabled: 'teal',
  leave: 'yellow',
  terminated: 'red',
  disabled: 'gray',
  open: 'red',
  mitigated: 'teal',
  excepted: 'gray',
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray',
};

/** A status or risk word in its colour, the same everywhere. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" radius="sm">
      {status}
    </Badge>
  );
}
