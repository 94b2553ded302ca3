import type Database from 'better-sqlite3-multiple-ciphers';

/** One page of a long list: the rows asked for and how many match in all (paging happens in SQL). */
export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** `text` as a LIKE pattern that matches it anywhere, wildcards in it taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of `SELECT columns FROM source ORDER BY orderBy` and the count of all matching rows, in
 * one pass (`count(*) OVER ()`); a second query counts only when the page is past the end.
 * `source` is the FROM clause with its joins and WHERE, using named parameters.
 */
export function selectPage<T>(db: Database.Database, query: { columns: string; source: string; orderBy: string }, params: Record<string, unknown>, page: PageRequest): Page<T> {
  const rows = db
    .prepare(`SELECT ${query.columns}, count(*) OVER () AS page_total FROM ${query.source} ORDER BY ${query.orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: page.limit, offset: page.offset }) as (T & { page_total: number })[];
  const total = rows[0]?.page_total ?? (page.offset === 0 ? 0 : (db.prepare(`SELECT count(*) FROM ${query.source}`).pluck().get(params) as number));
  return { total, offset: page.offset, rows: rows.map(({ page_total: _total, ...row }) => row as unknown as T) };
}
