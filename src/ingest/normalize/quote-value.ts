const MAX_QUOTED_CHARS = 80;

/** A cell value for a message: in double quotes, cut short when long (a cell may hold a million characters). */
export function quoteValue(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUOTED_CHARS ? `"${chars.slice(0, MAX_QUOTED_CHARS).join('')}…"` : `"${text}"`;
}

/** Names for a message: "a, b, c", or the first `max` and how many more. */
export function listNames(names: readonly string[], max = 40): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
