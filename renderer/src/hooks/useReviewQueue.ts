import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';
import type { CampaignItemView } from '../campaign-words';

const PAGE = 100;
/** Fetch the next page when the cursor comes this close to the end of what is loaded. */
const AHEAD = 20;

export type Verdict = 'keep' | 'revoke' | null;

export interface ReviewQueue {
  items: CampaignItemView[];
  cursor: number;
  /** What this reviewer decided in this session (null: still pending). */
  verdicts: Map<number, Verdict>;
  /** Pending for this reviewer now (the host's count at the last page, kept up to date locally). */
  pending: number | null;
  error: ApiError | null;
  busy: boolean;
  loaded: boolean;
  canUndo: boolean;
  move: (by: number) => void;
  moveTo: (index: number) => void;
  decide: (decision: 'keep' | 'revoke', comment: string, secondsSpent: number) => Promise<boolean>;
  undo: () => Promise<void>;
  /** Starts again from the host (after a bulk decision). */
  reload: () => void;
}

/**
 * The reviewer's queue: their pending items a page at a time (never the whole campaign), the
 * cursor, each decision saved before the next pending item is shown, and an undo stack of this
 * session's decisions (an undo is a superseding row on the host).
 */
export function useReviewQueue(campaignId: number, reviewer: string): ReviewQueue {
  const [items, setItems] = useState<CampaignItemView[]>([]);
  const [cursor, setCursor] = useState(0);
  const [verdicts, setVerdicts] = useState(() => new Map<number, Verdict>());
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [generation, setGeneration] = useState(0);
  const stack = useRef<number[]>([]);
  const more = useRef(true);
  const fetching = useRef(false);
  const state = useRef({ items, verdicts });
  state.current = { items, verdicts };

  const fetchMore = useCallback(async (reset: boolean) => {
    if (fetching.current || (!reset && !more.current)) return;
    fetching.current = true;
    // Loaded items still pending are the head of the host's pending list: the next page starts after them.
    const offset = reset ? 0 : state.current.items.filter((i) => (state.current.verdicts.get(i.id) ?? null) === null).length;
    const result = await call('campaigns.itemsPage', { campaignId, reviewer, outcome: 'pending', offset, limit: PAGE });
    fetching.current = false;
    if (!result.ok) return setError(result.error);
    const { rows, total } = result.value;
    more.current = total > offset + rows.length;
    setPending(total);
    setItems((now) => {
      const base = reset ? [] : now;
      const known = new Set(base.map((i) => i.id));
      return [...base, ...rows.filter((r) => !known.has(r.id))];
    });
    setLoaded(true);
  }, [campaignId, reviewer]);

  useEffect(() => {
    stack.current = [];
    more.current = true;
    setItems([]);
    setVerdicts(new Map());
    setCursor(0);
    setLoaded(false);
    setPending(null);
    void fetchMore(true);
  }, [fetchMore, generation]);

  useEffect(() => {
    if (loaded && cursor >= items.length - AHEAD) void fetchMore(false);
  }, [cursor, items.length, loaded, fetchMore]);

  const move = useCallback((by: number) => setCursor((c) => Math.max(0, Math.min(state.current.items.length - 1, c + by))), []);
  const moveTo = useCallback((index: number) => setCursor(Math.max(0, Math.min(state.current.items.length - 1, index))), []);

  const decide = useCallback(
    async (decision: 'keep' | 'revoke', comment: string, secondsSpent: number): Promise<boolean> => {
      const item = state.current.items[cursor];
      if (!item || busy) return false;
      setBusy(true);
      setError(null);
      const result = await call('campaigns.decide', { campaignId, itemId: item.id, decision, reviewer, comment: comment.trim() || undefined, secondsSpent, channel: 'app' });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      const wasPending = (state.current.verdicts.get(item.id) ?? null) === null;
      const next = new Map(state.current.verdicts).set(item.id, decision);
      setVerdicts(next);
      stack.current.push(item.id);
      if (wasPending) setPending((p) => (p === null ? p : p - 1));
      // The next pending item after this one, else the first pending before it.
      const list = state.current.items;
      const after = list.findIndex((i, n) => n > cursor && (next.get(i.id) ?? null) === null);
      const before = list.findIndex((i) => (next.get(i.id) ?? null) === null);
      setCursor(after >= 0 ? after : before >= 0 ? before : cursor);
      return true;
    },
    [campaignId, reviewer, cursor, busy],
  );

  const undo = useCallback(async () => {
    const itemId = stack.current.at(-1);
    if (itemId === undefined || busy) return;
    setBusy(true);
    setError(null);
    const result = await call('campaigns.undo', { campaignId, itemId, reviewer, channel: 'app' });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    stack.current.pop();
    const restored = result.value.restored;
    setVerdicts((v) => new Map(v).set(itemId, restored));
    if (restored === null) setPending((p) => (p === null ? p : p + 1));
    const index = state.current.items.findIndex((i) => i.id === itemId);
    if (index >= 0) setCursor(index);
  }, [campaignId, reviewer, busy]);

  return { items, cursor, verdicts, pending, error, busy, loaded, canUndo: stack.current.length > 0, move, moveTo, decide, undo, reload: () => setGeneration((g) => g + 1) };
}
