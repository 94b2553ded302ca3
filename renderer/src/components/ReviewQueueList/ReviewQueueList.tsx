import { Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { CampaignItemView } from '../../campaign-words';
import { formatCount } from '../../format';
import { verdictOf, type ReviewQueue, type ReviewView, type Verdict } from '../../hooks/useReviewQueue';
import { VerdictBadge } from '../ReviewItemCard';

const QueueRow = memo(function QueueRow({ item, index, verdict, current, onPick }: { item: CampaignItemView; index: number; verdict: Verdict; current: boolean; onPick: (index: number) => void }) {
  return (
    <UnstyledButton
      role="listitem"
      aria-current={current ? 'true' : undefined}
      onClick={() => onPick(index)}
      tabIndex={-1}
      px="sm"
      py={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)', background: current ? 'var(--mantine-primary-color-light)' : undefined, outline: current ? '2px solid var(--mantine-primary-color-filled)' : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={current ? 600 : 400} truncate>
            {item.person?.name ?? item.account}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {item.system} · {item.entitlement}
          </Text>
        </div>
        <VerdictBadge verdict={verdict} />
      </Group>
    </UnstyledButton>
  );
});

/** The queue around the cursor (a fixed window, so a long queue costs nothing to draw). */
export function ReviewQueueList({ queue, reviewer }: { queue: ReviewQueue; reviewer: string }) {
  const from = Math.max(0, queue.cursor - 6);
  const shown = queue.items.slice(from, from + 16);
  return (
    <Stack gap={2} role="list" aria-label="Your items">
      {shown.map((item, n) => (
        <QueueRow key={item.id} item={item} verdict={verdictOf(item, reviewer)} index={from + n} current={from + n === queue.cursor} onPick={queue.moveTo} />
      ))}
    </Stack>
  );
}

export const VIEW_LABELS: Record<ReviewView, string> = { pending: 'Pending', decided: 'Decided', all: 'All' };

/** Pending / Decided / All, each with the reviewer's count (p, d, a). */
export function ReviewViewFilter({ view, counts, onChange }: { view: ReviewView; counts: ReviewQueue['counts']; onChange: (view: ReviewView) => void }) {
  const count = (v: ReviewView): string => (counts === null ? '…' : formatCount(v === 'all' ? counts.pending + counts.decided : counts[v]));
  return (
    <SegmentedControl
      aria-label="Show"
      data-testid="review-view"
      fullWidth
      size="xs"
      value={view}
      onChange={(v) => onChange(v)}
      data={(['pending', 'decided', 'all'] as const).map((v) => ({ value: v, label: `${VIEW_LABELS[v]} ${count(v)}` }))}
    />
  );
}
