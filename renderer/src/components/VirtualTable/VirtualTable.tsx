import { Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../../../src/api/result';
import { formatCount } from '../../format';
import { ApiErrorAlert } from '../ApiErrorAlert';
import classes from './VirtualTable.module.css';

export interface VirtualColumn<T> {
  key: string;
  label: string;
  /** A CSS grid track: '2fr', '140px', 'minmax(120px, 1fr)'. */
  width: string;
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T> {
  /** Names the table for screen readers. */
  label: string;
  columns: VirtualColumn<T>[];
  /** Loads rows [offset, offset + limit) under the current filters; the host pages in SQL. */
  fetchPage: (offset: number, limit: number) => Promise<Result<{ total: number; rows: T[] }>>;
  /** Changes whenever the filters change: the table starts again from the top. */
  queryKey: string;
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** What the rows are, for the count line ("identities"). */
  noun: string;
  /** Height of the scrolling area. */
  height?: string;
}

const ROW_HEIGHT = 40;
const PAGE_SIZE = 100;

/**
 * A windowed table over a server-paged list: only the rows in view (and a few around them) are in
 * the page, and only the pages they fall in are fetched, so 100k rows scroll as smoothly as 100.
 */
export function VirtualTable<T>({ label, columns, fetchPage, queryKey, rowKey, onRowClick, noun, height = 'calc(100vh - 300px)' }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const [, pageArrived] = useReducer((n: number) => n + 1, 0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback((page: number) => {
    if (pages.current.has(page) || inflight.current.has(page)) return;
    inflight.current.add(page);
    const asked = generation.current;
    void fetcher.current(page * PAGE_SIZE, PAGE_SIZE).then((result) => {
      if (asked !== generation.current) return;
      inflight.current.delete(page);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      pages.current.set(page, result.value.rows);
      setTotal(result.value.total);
      pageArrived();
    });
  }, []);

  useEffect(() => {
    generation.current += 1;
    pages.current.clear();
    inflight.current.clear();
    setError(null);
    setTotal(null);
    scroller.current?.scrollTo({ top: 0 });
    load(0);
  }, [queryKey, load]);

  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) load(page);
  }, [first, last, total, load]);

  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };
  return (
    <div>
      <ApiErrorAlert error={error} title="The list could not be read" />
      <div className={classes.frame} role="table" aria-label={label} aria-rowcount={total ?? undefined}>
        <div className={classes.header} style={grid} role="row">
          {columns.map((c) => (
            <div key={c.key} role="columnheader">
              {c.label}
            </div>
          ))}
        </div>
        <div ref={scroller} className={classes.scroller} style={{ height }}>
          {total === 0 ? (
            <Text c="dimmed" size="sm" ta="center" py="xl">
              No {noun} match.
            </Text>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = pages.current.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE];
                const open = row && onRowClick ? () => onRowClick(row) : undefined;
                return (
                  <div
                    key={row ? rowKey(row) : `pending-${item.index}`}
                    className={`${classes.row} ${open ? classes.clickable : ''}`}
                    style={{ ...grid, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    role="row"
                    aria-rowindex={item.index + 2}
                    tabIndex={open ? 0 : undefined}
                    onClick={open}
                    onKeyDown={open ? (event) => event.key === 'Enter' && open() : undefined}
                  >
                    {columns.map((c) => (
                      <div key={c.key} role="cell">
                        {row ? c.render(row) : <div className={classes.placeholder} />}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed" data-testid="table-total">
          {total === null ? 'Loading…' : `${formatCount(total)} ${noun}`}
        </Text>
      </Group>
    </div>
  );
}
