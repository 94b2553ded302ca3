/** Numbers and dates in the user's locale (evidence keeps UTC; screens speak the user's language). */
const numbers = new Intl.NumberFormat();

export function formatCount(value: number): string {
  return numbers.format(value);
}

/** A date or timestamp as the user reads dates; a value that is not a date is shown as given. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return withTime ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}

export function formatAge(days: number | null): string {
  if (days === null) return 'never imported';
  if (days === 0) return 'today';
  return days === 1 ? '1 day old' : `${formatCount(days)} days old`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const ACRONYMS: Record<string, string> = { mfa: 'MFA', sod: 'SoD', hr: 'HR', id: 'ID' };

/** `leaverLogin` or `leaver-login` → "Leaver login"; `noMfa` → "No MFA". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((word) => ACRONYMS[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
