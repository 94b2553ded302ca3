import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatDate } from '../../format';
import { CampaignProgress } from '../CampaignProgress';
import { EmptyState } from '../EmptyState';

type Campaign = OperationOutput<'campaigns.list'>['campaigns'][number];

/** The dashboard's campaigns: each launched one with its progress and due date. */
export function CampaignsCard({ campaigns, onNavigate }: { campaigns: Campaign[]; onNavigate: (...route: string[]) => void }) {
  const active = campaigns.filter((c) => c.state === 'launched').reverse();
  if (active.length === 0) return <EmptyState title="No active campaign">Create and launch one under Campaigns.</EmptyState>;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="sm">
      {active.slice(0, 6).map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" data-testid={`dashboard-campaign-${c.id}`}>
          <div style={{ minWidth: 0 }}>
            <Anchor component="button" type="button" fw={500} onClick={() => onNavigate('campaigns', String(c.id))}>
              {c.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              due {formatDate(c.dueOn)}
              {c.dueOn !== null && c.dueOn < today && c.decided < c.items && (
                <Badge ml={6} size="xs" color="red" variant="light">
                  Overdue
                </Badge>
              )}
            </Text>
          </div>
          <CampaignProgress decided={c.decided} items={c.items} label={`Progress of ${c.name}`} />
        </Group>
      ))}
      {active.length > 6 && (
        <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('campaigns')}>
          All {active.length} active campaigns
        </Anchor>
      )}
    </Stack>
  );
}
