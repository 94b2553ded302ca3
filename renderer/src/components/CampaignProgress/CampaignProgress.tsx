import { Group, Progress, Text } from '@mantine/core';
import { formatCount } from '../../format';

export interface CampaignProgressProps {
  decided: number;
  items: number;
  /** Names the bar for screen readers ("Progress of Q4 review"). */
  label: string;
  /** `xs` fits a table cell, `md` fills its container. */
  size?: 'xs' | 'sm' | 'md';
}

const WIDTH = { xs: 72, sm: 140, md: undefined };

/** Decided of total, as a bar and in words. */
export function CampaignProgress({ decided, items, label, size = 'sm' }: CampaignProgressProps) {
  const percent = items > 0 ? (decided / items) * 100 : 0;
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress value={percent} size={size === 'md' ? 'lg' : 'md'} w={WIDTH[size]} style={size === 'md' ? { flex: 1 } : { flexShrink: 0 }} aria-label={label} color={decided === items && items > 0 ? 'teal' : 'blue'} />
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="campaign-progress">
        {formatCount(decided)} / {formatCount(items)}
      </Text>
    </Group>
  );
}
