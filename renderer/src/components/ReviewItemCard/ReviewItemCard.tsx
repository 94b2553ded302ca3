import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { CHANNEL_LABELS, OUTCOME_COLORS, OUTCOME_LABELS, type CampaignItemView } from '../../campaign-words';
import { formatDate } from '../../format';
import type { Verdict } from '../../hooks/useReviewQueue';
import { ContextBadges } from '../ContextBadges';
import { StagesTable } from '../StagesTable';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const outcome = verdict ?? 'pending';
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant={verdict ? 'filled' : 'light'} size="sm" w={74}>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

/** The reviewer's decision in force on the item: what, when, how, with its comment (and that y or x changes it). */
function YourDecision({ stage }: { stage: CampaignItemView['stages'][number] }) {
  return (
    <Alert
      color="gray"
      variant="light"
      p="sm"
      data-testid="review-decision"
      title={
        <Group gap="xs">
          <span>You decided:</span>
          <VerdictBadge verdict={stage.decision} />
        </Group>
      }
    >
      <Text size="sm">
        {formatDate(stage.decidedAt, true)} · {CHANNEL_LABELS[stage.channel ?? ''] ?? stage.channel}
        {stage.recordedBy ? `, recorded by ${stage.recordedBy}` : ''} · stage {stage.stage}
      </Text>
      <Text size="sm" fs={stage.comment ? undefined : 'italic'} c={stage.comment ? undefined : 'dimmed'}>
        {stage.comment ? `“${stage.comment}”` : 'No comment'}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Press y or x to change it while the campaign is open; u takes back your last decision.
      </Text>
    </Alert>
  );
}

/** One review item: the person, the access, its context badges, its stages and (once decided) the reviewer's decision. */
export const ReviewItemCard = memo(function ReviewItemCard({ item, reviewer, verdict }: { item: CampaignItemView; reviewer: string; verdict: Verdict }) {
  const who = reviewer.trim().toLowerCase();
  const mine = item.stages.find((s) => s.reviewer === who && s.decision !== null);
  return (
    <Paper withBorder p="lg" data-testid="review-item" data-item-id={item.id} aria-label={`Item ${item.id}`} component="section">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            {item.person?.name ?? item.account}
          </Title>
          <Text c="dimmed" size="sm">
            {item.person ? `${item.person.title ?? '—'} · ${item.person.department ?? '—'} · ${item.person.employeeId}${item.person.email ? ` · ${item.person.email}` : ''}` : 'No person in HR owns this account'}
          </Text>
        </div>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            Item {item.id}
          </Text>
          <VerdictBadge verdict={verdict} />
        </Group>
      </Group>
      <Stack gap="sm" mt="md">
        <ContextBadges item={item} />
        {mine && <YourDecision stage={mine} />}
        <Table verticalSpacing={4} withRowBorders={false} aria-label="Access under review">
          <Table.Tbody>
            {[
              ['System', item.system],
              ['Account', `${item.account} (${item.accountKey}) · ${item.accountStatus}`],
              ['Entitlement', item.entitlement],
              ['What it allows', item.entitlementDescription ?? '—'],
              ['Last login', formatDate(item.lastLogin)],
              ['Manager', item.person?.manager ?? '—'],
            ].map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td w={140} c="dimmed">
                  {label}
                </Table.Td>
                <Table.Td fw={label === 'Entitlement' ? 600 : undefined}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {item.stages.length > 1 && <StagesTable stages={item.stages} />}
        {item.stages.find((s) => s.note)?.note && <Text size="xs" c="dimmed">{item.stages.find((s) => s.note)?.note}</Text>}
      </Stack>
    </Paper>
  );
});
