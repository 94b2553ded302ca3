/** Two aligned columns for human output. */
export function formatRows(rows: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`).join('\n');
}

/** A source's own provenance (a sync file's sync) on one line: `syncId 36zf…, grants 14981, …`. */
export function describeDetails(details: Readonly<Record<string, unknown>> | null): string {
  if (details === null) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

/** A titled list, its count and its first `limit` lines, then how many more there are. Nothing for an empty list. */
export function firstLines<T>(title: string, items: readonly T[], line: (item: T) => string, limit = 10): string[] {
  if (items.length === 0) return [];
  return [
    `${title} (${items.length.toLocaleString('en-US')}):`,
    ...items.slice(0, limit).map((item) => `  ${line(item)}`),
    ...(items.length > limit ? [`  … and ${(items.length - limit).toLocaleString('en-US')} more (see --json)`] : []),
  ];
}
