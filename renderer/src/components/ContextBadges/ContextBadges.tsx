import { Badge, Group, Tooltip } from '@mantine/core';
import { contextBadges, type CampaignItemView } from '../../campaign-words';

/** An item's context as badges (leaver, dormant, privileged, SoD, new, last campaign), each with its reason. */
export function ContextBadges({ item, size = 'sm' }: { item: CampaignItemView; size?: 'xs' | 'sm' }) {
  const badges = contextBadges(item);
  if (badges.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="context-badges">
      {badges.map((b) => (
        <Tooltip key={b.key} label={b.why} withArrow>
          <Badge size={size} color={b.color} variant="light" tt="none" data-badge={b.key}>
            {b.label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
