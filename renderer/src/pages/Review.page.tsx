import { Alert, Anchor, Button, Grid, Group, Kbd, Paper, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BulkDecisionModal } from '../components/BulkDecisionModal';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { ReviewHelpModal } from '../components/ReviewHelpModal';
import { ReviewItemCard } from '../components/ReviewItemCard';
import { ReviewQueueList, ReviewViewFilter, VIEW_LABELS } from '../components/ReviewQueueList';
import { OUTCOME_LABELS } from '../campaign-words';
import { formatCount } from '../format';
import { useOperation } from '../hooks/useOperation';
import { useReviewQueue, verdictOf, type ReviewQueue, type ReviewView, type UndoneView } from '../hooks/useReviewQueue';

export interface ReviewPageProps {
  campaignId: number;
  /** The reviewer acted as (from the route); null: choose one. */
  reviewer: string | null;
  /** The view from the route (`decided`, `all`); pending otherwise. */
  view?: string | null;
  onNavigate: (...route: string[]) => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

const VIEW_KEYS: Record<string, ReviewView> = { p: 'pending', d: 'decided', a: 'all' };
const KEYS = ['j', 'k', 'ArrowDown', 'ArrowUp', 'y', 'x', 'u', 'c', 'b', '?', ...Object.keys(VIEW_KEYS)];

function access(what: { account: string; system: string; entitlement: string }): string {
  return `${what.account} · ${what.system} · ${what.entitlement}`;
}

/** What an undo did, in words: whose access, and where the item stands now. */
function undoneNotice(undone: UndoneView): string {
  const now = undone.restored === null ? 'it is pending again' : `it is ${OUTCOME_LABELS[undone.restored]?.toLowerCase()} again (your earlier decision)`;
  return `Undone: your ${undone.decision} of ${access(undone)}; ${now}.`;
}

/** What u will take back, named (from the host: it holds after a reload). */
function UndoHint({ queue }: { queue: ReviewQueue }) {
  const last = queue.undoable;
  return (
    <Text size="xs" c="dimmed" data-testid="review-undoable">
      {last ? (
        <>
          <Kbd size="xs">u</Kbd> takes back your {last.decision} of {access(last)}
        </>
      ) : (
        'Nothing of yours to undo in this campaign.'
      )}
    </Text>
  );
}

function emptyText(view: ReviewView, reviewer: string): string {
  if (view === 'pending') return `No pending item waits for ${reviewer} in this campaign.`;
  if (view === 'decided') return `${reviewer} has decided nothing in this campaign yet.`;
  return `${reviewer} has no items in this campaign.`;
}

function Reviewing({ campaignId, reviewer, justify, systems, view, setView }: { campaignId: number; reviewer: string; justify: string[]; systems: string[]; view: ReviewView; setView: (view: ReviewView) => void }) {
  const queue = useReviewQueue(campaignId, reviewer, view);
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
      const decision = key === 'y' ? 'keep' : 'revoke';
      void queue.decide(decision, comment, Math.round((Date.now() - shownAt.current) / 1000)).then((saved) => {
        if (saved === 'failed') return commentBox.current?.focus();
        setComment('');
        setNotice(saved === 'unchanged' ? `Already ${OUTCOME_LABELS[decision]?.toLowerCase()}: nothing recorded.` : null);
      });
    } else if (key === 'u') void queue.undo().then((undone) => undone && setNotice(undoneNotice(undone)));
    else if (key === 'c') commentBox.current?.focus();
    else if (key === 'b') setBulk(true);
    else if (key === '?') setHelp(true);
    else if (VIEW_KEYS[key]) setView(VIEW_KEYS[key]);
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && typing(event.target)) return (event.target as HTMLElement).blur();
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey || help || bulk) return;
      if (!KEYS.includes(event.key)) return;
      event.preventDefault();
      act.current(event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, bulk]);

  if (!queue.loaded && queue.error) return <ApiErrorAlert error={queue.error} title="Your items could not be read" />;
  const needs = (d: string): boolean => justify.includes(d);
  const verdict = item ? verdictOf(item, reviewer) : null;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs" px={4}>
            <Text size="sm" fw={600} data-testid="review-pending">
              {queue.counts === null ? '…' : formatCount(queue.counts.pending)} pending
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => setHelp(true)}>
              Keys: <Kbd size="xs">?</Kbd>
            </Anchor>
          </Group>
          <ReviewViewFilter view={view} counts={queue.counts} onChange={setView} />
          <Stack mt="xs" gap={0}>
            {!queue.loaded ? <Skeleton h={300} /> : queue.items.length === 0 ? <Text size="sm" c="dimmed" p="sm">{emptyText(view, reviewer)}</Text> : <ReviewQueueList queue={queue} reviewer={reviewer} />}
          </Stack>
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
          {view === 'pending' && queue.counts?.pending === 0 && (
            <Alert color="teal" variant="light" title="All done" data-testid="review-done">
              Every item waiting for {reviewer} is decided. Decided (d) shows them; a decision can still be changed or undone (u) while the campaign is open.
            </Alert>
          )}
          {!queue.loaded ? <Skeleton h={400} /> : item ? <ReviewItemCard item={item} reviewer={reviewer} verdict={verdict} /> : <EmptyState title={`Nothing ${VIEW_LABELS[view].toLowerCase()}`}>{emptyText(view, reviewer)}</EmptyState>}
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
              {verdict === 'revoke' ? 'Change to keep' : 'Keep'}
            </Button>
            <Button color="red" onClick={() => act.current('x')} disabled={!item || queue.busy} rightSection={<Kbd size="xs">x</Kbd>}>
              {verdict === 'keep' ? 'Change to revoke' : 'Revoke'}
            </Button>
            <Button variant="default" onClick={() => act.current('u')} disabled={!queue.undoable || queue.busy} rightSection={<Kbd size="xs">u</Kbd>}>
              Undo
            </Button>
            <Button variant="default" onClick={() => setBulk(true)} rightSection={<Kbd size="xs">b</Kbd>}>
              Bulk decision…
            </Button>
          </Group>
          <UndoHint queue={queue} />
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

/** The view named in the route (`…/review/EMAIL/decided`); pending when none or another word. */
function viewOf(word: string | null | undefined): ReviewView {
  return word === 'decided' || word === 'all' ? word : 'pending';
}

/**
 * `#/campaigns/ID/review/EMAIL[/decided|/all]`: the keyboard-first review screen, acting as one
 * reviewer; the view is kept in the route, so a reload or the back button keeps it.
 */
export function ReviewPage({ campaignId, reviewer, view: routeView, onNavigate }: ReviewPageProps) {
  const { data: status, error } = useOperation('campaigns.status', { campaignId });
  const view = viewOf(routeView);
  const showAs = (who: string, next: ReviewView = view): void => onNavigate('campaigns', String(campaignId), 'review', who, ...(next === 'pending' ? [] : [next]));
  if (error) return <ApiErrorAlert error={error} title="The campaign could not be read" />;
  // Who owes decisions first, then who has decided everything (they can still change or undo while the campaign is open).
  const reviewers = [...(status?.byReviewer ?? [])].sort((a, b) => Number(b.pending > 0) - Number(a.pending > 0)).map((r) => r.reviewer);
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
        actions={<Select aria-label="Reviewer to act as" placeholder="Choose a reviewer" data={reviewer && !reviewers.includes(reviewer) ? [reviewer, ...reviewers] : reviewers} value={reviewer} onChange={(who) => who && showAs(who)} searchable w={280} />}
      />
      {status && status.state !== 'launched' ? (
        <EmptyState title={`This campaign is ${status.state}`}>Decisions are recorded while a campaign is launched.</EmptyState>
      ) : reviewer ? (
        // The queue does not wait for the campaign's status (a full count over a large campaign): it needs only the reviewer.
        <Reviewing
          key={reviewer}
          campaignId={campaignId}
          reviewer={reviewer}
          justify={status?.options.justify ?? []}
          systems={status?.bySystem.map((s) => s.system) ?? []}
          view={view}
          setView={(next) => showAs(reviewer, next)}
        />
      ) : (
        <EmptyState title="Choose whom to act as">Pick a reviewer (top right; those with pending items first); their items are shown one at a time.</EmptyState>
      )}
    </>
  );
}
