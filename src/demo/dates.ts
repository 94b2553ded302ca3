import type { Rng } from './prng.js';

/**
 * Date arithmetic and the timestamp spellings of each export format. All dates are UTC; the
 * generator never reads the clock: every date is derived from the fixed `asOf` day.
 */

export const DAY_MS = 86_400_000;
/** Milliseconds between 1601-01-01 (the Windows FILETIME epoch) and 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Parses a YYYY-MM-DD day (midnight UTC); null when it is not a real calendar day. */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dayString(date) === text ? date : null;
}

/** Like parseDay, for days that are part of the generator's own data. */
export function day(text: string): Date {
  const date = parseDay(text);
  if (!date) throw new RangeError(`not a YYYY-MM-DD day: ${text}`);
  return date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** A moment during office-ish hours (07:00:00-19:59:59) of the given day. */
export function timeOnDay(rng: Rng, date: Date): Date {
  const seconds = rng.int(7 * 3600, 20 * 3600 - 1);
  return new Date(startOfDay(date).getTime() + seconds * 1000);
}

/** A moment `min`..`max` whole days before `ref`'s day, and never before `notBefore`. */
export function daysBefore(rng: Rng, ref: Date, min: number, max: number, notBefore?: Date): Date {
  let upper = max;
  if (notBefore) upper = Math.min(max, daysBetween(startOfDay(notBefore), startOfDay(ref)));
  const back = upper < min ? min : rng.int(min, upper);
  const moment = timeOnDay(rng, addDays(startOfDay(ref), -back));
  return notBefore ? latest(moment, notBefore) : moment;
}

/** Recent activity: 1-45 days before asOf, and not before the account existed. */
export function recentActivity(rng: Rng, asOf: Date, notBefore: Date): Date {
  return daysBefore(rng, asOf, 1, 45, notBefore);
}

/** 2026-10-31 */
export function dayString(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function clock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** AWS (credential report, CLI JSON): 2026-09-14T08:12:44+00:00 */
export function awsTimestamp(date: Date): string {
  return `${dayString(date)}T${clock(date)}+00:00`;
}

/** ISO 8601 UTC without milliseconds: 2026-09-14T08:12:44Z */
export function isoTimestamp(date: Date): string {
  return `${dayString(date)}T${clock(date)}Z`;
}

/** Google Admin console: 2026/10/02 14:03:11 */
export function googleTimestamp(date: Date): string {
  return `${dayString(date).replaceAll('-', '/')} ${clock(date)}`;
}

/** LDAP GeneralizedTime as Active Directory writes it: 20240115093000.0Z */
export function generalizedTime(date: Date): string {
  return `${dayString(date).replaceAll('-', '')}${clock(date).replaceAll(':', '')}.0Z`;
}

/** Windows FILETIME: 100-ns ticks since 1601-01-01 UTC, as a decimal string. */
export function windowsFileTime(date: Date): string {
  return ((BigInt(date.getTime()) + FILETIME_EPOCH_OFFSET_MS) * 10_000n).toString();
}
