import { COLOR } from '../pdf/theme.js';

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2026-11-29 21:04 UTC` from an ISO time; a date stays a date. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A SHA-256 in four groups of 16, easier to compare by eye. */
export function grouped(hex: string): string {
  return hex.match(/.{1,16}/g)?.join(' ') ?? hex;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

const OUTCOME_COLORS: Record<string, string> = { Kept: COLOR.keep, Keep: COLOR.keep, Revoked: COLOR.revoke, Revoke: COLOR.revoke, Pending: COLOR.pending };
export function outcomeColor(value: string): string | undefined {
  return OUTCOME_COLORS[value];
}
