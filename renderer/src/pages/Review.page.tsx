import { Alert, Anchor, Badge, Button, Grid, Group, Kbd, Paper, Select, Skeleton, Stack, Table, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BulkDecisionModal } from '../components/BulkDecisionModal';
import { ContextBadges } from '../components/ContextBadges';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { ReviewHelpModal } from '../components/ReviewHelpModal';
import { StagesTable } from '../components/StagesTable';
import { OUTCOME_COLORS, OUTCOME_LABELS, type CampaignItemView } from '../campaign-words';
import { formatCount, formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';
import { useReviewQueue, type ReviewQueue, type Verdict } from '../hooks/useReviewQueue';

export interface ReviewPageProps {
  campaignId: number;
  /** The reviewer acted as (from the route); null: choose one. */
  reviewer: string | null;
  onNavigate: (...route: string[]) => void;
}

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const outcome = verdict ?? 'pending';
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant={verdict ? 'filled' : 'light'} size="sm" w={74}>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

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
function QueueList({ queue }: { queue: ReviewQueue }) {
  const from = Math.max(0, queue.cursor - 6);
  const shown = queue.items.slice(from, from + 16);
  return (
    <Stack gap={2} role="list" aria-label="Your items">
      {shown.map((item, n) => (
        <QueueRow key={item.id} item={item} verdict={queue.verdicts.get(item.id) ?? null} index={from + n} current={from + n === queue.cursor} onPick={queue.moveTo} />
      ))}
    </Stack>
  );
}

const ItemCard = memo(function ItemCard({ item, verdict }: { item: CampaignItemView; verdict: Verdict }) {
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
        {item.stages.length > 1 && (
          <StagesTable stages={item.stages} />
        )}
        {item.stages.find((s) => s.note)?.note && <Text size="xs" c="dimmed">{item.stages.find((s) => s.note)?.note}</Text>}
      </Stack>
    </Paper>
  );
});

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function Reviewing({ campaignId, reviewer, justify, systems }: { campaignId: number; reviewer: string; justify: string[]; systems: string[] }) {
  const queue = useReviewQueue(campaignId, reviewer);
  const [comment, setComment] = useState('');
  const [help, setHelp] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const shownAt = useRef(Date.now());
  const item = queue.items[queue.cursor];
  useEffect(() => {
    shownAt.current = Date.now();
  }, [item?.id]);

  const act = useRef<(key: string) => void>(() => undefined);
  act.current = (key: string) => {
    if (key === 'j' || key === 'ArrowDown') queue.move(1);
    else if (key === 'k' || key === 'ArrowUp') queue.move(-1);
    else if (key === 'y' || key === 'x') {
      void queue.decide(key === 'y' ? 'keep' : 'revoke', comment, Math.round((Date.now() - shownAt.current) / 1000)).then((saved) => {
        if (saved) setComment('');
        else commentBox.current?.focus();
      });
    } else if (key === 'u') void queue.undo();
    else if (key === 'c') commentBox.current?.focus();
    else if (key === 'b') setBulk(true);
    else if (key === '?') setHelp(true);
    else return;
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && typing(event.target)) return (event.target as HTMLElement).blur();
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey || help || bulk) return;
      if (!['j', 'k', 'ArrowDown', 'ArrowUp', 'y', 'x', 'u', 'c', 'b', '?'].includes(event.key)) return;
      event.preventDefault();
      act.current(event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, bulk]);

  if (!queue.loaded) return queue.error ? <ApiErrorAlert error={queue.error} title="Your items could not be read" /> : <Skeleton h={400} />;
  const needs = (d: string): boolean => justify.includes(d);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs" px={4}>
            <Text size="sm" fw={600} data-testid="review-pending">
              {formatCount(queue.pending ?? 0)} pending
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => setHelp(true)}>
              Keys: <Kbd size="xs">?</Kbd>
            </Anchor>
          </Group>
          {queue.items.length === 0 ? <Text size="sm" c="dimmed" p="sm">Nothing waits for {reviewer}.</Text> : <QueueList queue={queue} />}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          {notice && (
            <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
              {notice}
            </Alert>
          )}
          <ApiErrorAlert error={queue.error} title="Not saved" />
          {queue.pending === 0 && <Alert color="teal" variant="light" title="All done" data-testid="review-done">Every item waiting for {reviewer} is decided. Undo (u) still takes back your last decision.</Alert>}
          {item ? <ItemCard item={item} verdict={queue.verdicts.get(item.id) ?? null} /> : <EmptyState title="Nothing to review">No pending item waits for {reviewer} in this campaign.</EmptyState>}
          <Textarea
            ref={commentBox}
            label="Comment"
            description={`Sent with your next decision${justify.length ? `; required to ${justify.join(' and ')}` : ''}. Esc returns to the keys.`}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            rows={2}
            maxLength={4000}
          />
          <Group>
            <Button color="teal" onClick={() => act.current('y')} disabled={!item || queue.busy} rightSection={<Kbd size="xs">y</Kbd>} title={needs('keep') ? 'A comment is required' : undefined}>
              Keep
            </Button>
            <Button color="red" onClick={() => act.current('x')} disabled={!item || queue.busy} rightSection={<Kbd size="xs">x</Kbd>}>
              Revoke
            </Button>
            <Button variant="default" onClick={() => act.current('u')} disabled={!queue.canUndo || queue.busy} rightSection={<Kbd size="xs">u</Kbd>}>
              Undo
            </Button>
            <Button variant="default" onClick={() => setBulk(true)} rightSection={<Kbd size="xs">b</Kbd>}>
              Bulk decision…
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <ReviewHelpModal opened={help} onClose={() => setHelp(false)} />
      <BulkDecisionModal
        campaignId={campaignId}
        reviewer={reviewer}
        systems={systems}
        opened={bulk}
        onClose={() => setBulk(false)}
        onApplied={(applied) => {
          setBulk(false);
          setNotice(`${formatCount(applied)} items decided in bulk.`);
          queue.reload();
        }}
      />
    </Grid>
  );
}

/** `#/campaigns/ID/review/EMAIL`: the keyboard-first review screen, acting as one reviewer. */
export function ReviewPage({ campaignId, reviewer, onNavigate }: ReviewPageProps) {
  const { data: status, error } = useOperation('campaigns.status', { campaignId });
  if (error) return <ApiErrorAlert error={error} title="The campaign could not be read" />;
  const owing = status?.byReviewer.filter((r) => r.pending > 0).map((r) => r.reviewer) ?? [];
  return (
    <>
      <PageHeader
        title={reviewer ? `Review as ${reviewer}` : 'Review'}
        description={
          <>
            <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('campaigns', String(campaignId))}>
              {status?.name ?? `Campaign ${campaignId}`}
            </Anchor>{' '}
            · keep or revoke each item; <Kbd size="xs">?</Kbd> shows the keys
          </>
        }
        actions={<Select aria-label="Reviewer to act as" placeholder="Choose a reviewer" data={reviewer && !owing.includes(reviewer) ? [reviewer, ...owing] : owing} value={reviewer} onChange={(who) => who && onNavigate('campaigns', String(campaignId), 'review', who)} searchable w={280} />}
      />
      {status && status.state !== 'launched' ? (
        <EmptyState title={`This campaign is ${status.state}`}>Decisions are recorded while a campaign is launched.</EmptyState>
      ) : reviewer ? (
        // The queue does not wait for the campaign's status (a full count over a large campaign): it needs only the reviewer.
        <Reviewing key={reviewer} campaignId={campaignId} reviewer={reviewer} justify={status?.options.justify ?? []} systems={status?.bySystem.map((s) => s.system) ?? []} />
      ) : (
        <EmptyState title="Choose whom to act as">Pick a reviewer with pending items (top right); their items are shown one at a time.</EmptyState>
      )}
    </>
  );
}
