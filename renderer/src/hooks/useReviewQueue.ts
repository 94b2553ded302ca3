import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';
import type { CampaignItemView } from '../campaign-words';

const PAGE = 100;
/** Fetch the next page when the cursor comes this close to the end of what is loaded. */
const AHEAD = 20;

export type Verdict = 'keep' | 'revoke' | null;
/** Which of the reviewer's items the queue holds: waiting for them, decided by them, or both. */
export type ReviewView = 'pending' | 'decided' | 'all';
export type Undoable = NonNullable<OperationOutput<'campaigns.undoable'>['undoable']>;
export type UndoneView = OperationOutput<'campaigns.undo'>;

export interface ReviewQueue {
  view: ReviewView;
  items: CampaignItemView[];
  cursor: number;
  /** The reviewer's items in each state now (the host's count at the last page, kept up to date locally). */
  counts: { pending: number; decided: number } | null;
  error: ApiError | null;
  busy: boolean;
  loaded: boolean;
  /** What `u` takes back: the reviewer's most recent decision that can still be undone (from the host, so it survives a reload). */
  undoable: Pick<Undoable, 'itemId' | 'decision' | 'account' | 'system' | 'entitlement'> | null;
  move: (by: number) => void;
  moveTo: (index: number) => void;
  decide: (decision: 'keep' | 'revoke', comment: string, secondsSpent: number) => Promise<'saved' | 'unchanged' | 'failed'>;
  undo: () => Promise<UndoneView | null>;
  /** Starts again from the host (after a bulk decision). */
  reload: () => void;
}

/** The reviewer's stage of an item and its decision in force (null: waiting). */
export function verdictOf(item: CampaignItemView, reviewer: string): Verdict {
  const who = reviewer.trim().toLowerCase();
  return item.stages.find((s) => s.reviewer === who && s.decision !== null)?.decision ?? null;
}

function belongs(view: ReviewView, verdict: Verdict): boolean {
  return view === 'all' || (view === 'pending') === (verdict === null);
}

/** The item as it stands after the reviewer's decision at a stage (what the host recorded, without asking it again). */
function decided(item: CampaignItemView, stage: number, decision: 'keep' | 'revoke', comment: string | null, operator: string | null): CampaignItemView {
  return { ...item, stages: item.stages.map((s) => (s.stage === stage ? { ...s, decision, comment, decidedAt: new Date().toISOString(), channel: 'app' as const, recordedBy: operator } : s)) };
}

/**
 * The reviewer's queue: their items in one state a page at a time (never the whole campaign), the
 * cursor, each decision saved before the next item is shown. Undo asks the host for the reviewer's
 * most recent decision that can still be taken back, so it works after a reload too.
 */
export function useReviewQueue(campaignId: number, reviewer: string, view: ReviewView): ReviewQueue {
  const [items, setItems] = useState<CampaignItemView[]>([]);
  const [cursor, setCursor] = useState(0);
  const [counts, setCounts] = useState<ReviewQueue['counts']>(null);
  const [undoable, setUndoable] = useState<ReviewQueue['undoable']>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [generation, setGeneration] = useState(0);
  const more = useRef(true);
  const fetching = useRef(false);
  /** The highest ordinal the pages have reached (an item put back by an undo may lie beyond it). */
  const frontier = useRef(0);
  /** Who records the decisions (the session's operator), shown with a decision made here. */
  const operator = useRef<string | null>(null);
  const state = useRef({ items, cursor });
  state.current = { items, cursor };

  const fetchMore = useCallback(async (reset: boolean) => {
    if (fetching.current || (!reset && !more.current)) return;
    fetching.current = true;
    // Loaded items that still belong to the view are the head of the host's list: the next page starts after them.
    const offset = reset ? 0 : state.current.items.filter((i) => i.ordinal <= frontier.current && belongs(view, verdictOf(i, reviewer))).length;
    const result = await call('campaigns.itemsPage', { campaignId, reviewer, state: view, offset, limit: PAGE });
    fetching.current = false;
    if (!result.ok) return setError(result.error);
    const { rows, total } = result.value;
    more.current = total > offset + rows.length;
    frontier.current = Math.max(reset ? 0 : frontier.current, rows.at(-1)?.ordinal ?? 0);
    setCounts(result.value.counts);
    setItems((now) => {
      const base = reset ? [] : now;
      const known = new Set(base.map((i) => i.id));
      return [...base, ...rows.filter((r) => !known.has(r.id))];
    });
    setLoaded(true);
  }, [campaignId, reviewer, view]);

  useEffect(() => {
    void call('workspace.info', {}).then((info) => {
      if (info.ok) operator.current = info.value.operator;
    });
  }, []);

  const fetchUndoable = useCallback(async () => {
    const result = await call('campaigns.undoable', { campaignId, reviewer });
    if (result.ok) setUndoable(result.value.undoable);
  }, [campaignId, reviewer]);

  useEffect(() => {
    more.current = true;
    frontier.current = 0;
    setItems([]);
    setCursor(0);
    setLoaded(false);
    setCounts(null);
    void fetchMore(true);
    void fetchUndoable();
  }, [fetchMore, fetchUndoable, generation]);

  useEffect(() => {
    if (loaded && cursor >= items.length - AHEAD) void fetchMore(false);
  }, [cursor, items.length, loaded, fetchMore]);

  const move = useCallback((by: number) => setCursor((c) => Math.max(0, Math.min(state.current.items.length - 1, c + by))), []);
  const moveTo = useCallback((index: number) => setCursor(Math.max(0, Math.min(state.current.items.length - 1, index))), []);

  const decide = useCallback(
    async (decision: 'keep' | 'revoke', comment: string, secondsSpent: number): Promise<'saved' | 'unchanged' | 'failed'> => {
      const at = state.current.cursor;
      const item = state.current.items[at];
      if (!item || busy) return 'failed';
      const before = verdictOf(item, reviewer);
      const list = state.current.items;
      // After a first decision: the next pending item after this one, else the first before it. After a change: the next item.
      const next = (now: CampaignItemView[]): number => {
        if (before !== null) return Math.min(at + 1, now.length - 1);
        const after = now.findIndex((i, n) => n > at && verdictOf(i, reviewer) === null);
        const first = now.findIndex((i) => verdictOf(i, reviewer) === null);
        return after >= 0 ? after : first >= 0 ? first : at;
      };
      // The same decision again with nothing to add records nothing.
      if (before === decision && !comment.trim()) {
        setCursor(next(list));
        return 'unchanged';
      }
      setBusy(true);
      setError(null);
      const result = await call('campaigns.decide', { campaignId, itemId: item.id, decision, reviewer, comment: comment.trim() || undefined, secondsSpent, channel: 'app' });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return 'failed';
      }
      const now = list.map((i) => (i.id === item.id ? decided(i, result.value.stage, decision, comment.trim() || null, operator.current) : i));
      setItems(now);
      setUndoable({ itemId: item.id, decision, account: item.account, system: item.system, entitlement: item.entitlement });
      if (before === null) setCounts((c) => c && { pending: c.pending - 1, decided: c.decided + 1 });
      setCursor(next(now));
      return 'saved';
    },
    [campaignId, reviewer, busy],
  );

  const undo = useCallback(async (): Promise<UndoneView | null> => {
    if (busy) return null;
    setBusy(true);
    setError(null);
    const result = await call('campaigns.undo', { campaignId, reviewer, channel: 'app' });
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      return null;
    }
    const undone = result.value;
    if (undone.restored === null) setCounts((c) => c && { pending: c.pending + 1, decided: c.decided - 1 });
    // The item as it stands now, from the host (the restored decision's comment and time).
    const fresh = await call('campaigns.itemsPage', { campaignId, reviewer, itemId: undone.itemId, offset: 0, limit: 1 });
    const row = fresh.ok ? fresh.value.rows[0] : undefined;
    // Shown again where it was; or put in its place when it now belongs to the view (unless a later page will bring it).
    const was = state.current.items.some((i) => i.id === undone.itemId);
    const list = state.current.items.filter((i) => i.id !== undone.itemId);
    const insert = row !== undefined && (was || (belongs(view, verdictOf(row, reviewer)) && (row.ordinal <= frontier.current || !more.current)));
    const shown = insert ? [...list, row].sort((a, b) => a.ordinal - b.ordinal) : list;
    setItems(shown);
    const index = shown.findIndex((i) => i.id === undone.itemId);
    setCursor(index >= 0 ? index : Math.min(state.current.cursor, Math.max(0, shown.length - 1)));
    setBusy(false);
    void fetchUndoable();
    return undone;
  }, [campaignId, reviewer, view, busy, fetchUndoable]);

  return { view, items, cursor, counts, error, busy, loaded, undoable, move, moveTo, decide, undo, reload: () => setGeneration((g) => g + 1) };
}
