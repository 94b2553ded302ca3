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
