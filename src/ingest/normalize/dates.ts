/**
 * Dates as exports write them, to ISO 8601: 'YYYY-MM-DD' for a day, 'YYYY-MM-DDTHH:MM:SSZ' (UTC,
 * whole seconds) for a moment. A time without a zone is taken as UTC: the exports we read either
 * write UTC or say nothing, and a workstation's own zone says nothing about the file's.
 */

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface ParseDateOptions {
  /** How to read a numeric date with the year last. Declared: applied strictly ('31/01/2026' is not 'mdy'). */
  order?: DateOrder;
  /** Read a bare number 1..2958465 as an Excel serial day (1900 date system). */
  excelSerials?: boolean;
}

/** Cells that say "no date": never signed in, not applicable, unknown. */
const NO_DATE = new Set(['', 'never', 'never logged in', 'n/a', 'no_information', 'not_supported', '-', '0', 'null', 'none']);

const DAY_MS = 86_400_000;
/** Milliseconds from 1601-01-01 (the Windows FILETIME epoch) to 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;
/** Active Directory's "never" (Int64.MaxValue), next to 0. */
const FILETIME_NEVER = 9_223_372_036_854_775_807n;
/** 9999-12-31, the last day Excel (and ISO 8601 without an expanded year) can show. */
const EXCEL_LAST_SERIAL = 2_958_465;
/** Excel's 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept for compatibility). */
const EXCEL_FAKE_LEAP_DAY = 60;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface Day {
  year: number;
  month: number;
  day: number;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDay(year: number, month: number, day: number): Day | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function dayText(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** An instant as 'YYYY-MM-DDTHH:MM:SSZ' (sub-seconds dropped); undefined outside years 1..9999. */
function instantText(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(Math.floor(ms / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  const day = dayText({ year, month: date.getUTCMonth() + 1, day: date.getUTCDate() });
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

function utcMs(d: Day, clock: Omit<Clock, 'offset'>): number {
  // setUTCFullYear, because Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

function momentText(d: Day, clock: Clock | null): string | undefined {
  if (!clock) return dayText(d);
  return instantText(utcMs(d, clock) - clock.offset * 60_000);
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => name === w || (w.length === 3 && name.startsWith(w)));
  return index < 0 ? undefined : index + 1;
}

/** A zone after a time: Z, UTC, GMT, UT, ±HH, ±HHMM, ±HH:MM, or UTC±HH:MM. Minutes east of UTC. */
function zoneOffset(text: string): number | undefined {
  if (text === '' || /^(?:z|utc|gmt|ut)$/i.test(text)) return 0;
  const m = /^(?:(?:utc|gmt|ut)\s*)?([+-])(\d{2}):?(\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const TIME = /^(?:t|,?\s+(?:at\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?\s*(.*)$/i;

/** The part after a date: '' gives null (a day); else a time, optionally with AM/PM and a zone. */
function parseClock(rest: string): Clock | null | undefined {
  if (rest === '') return null;
  const m = TIME.exec(rest);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? '0');
  const meridiem = m[4]?.toLowerCase();
  // RFC 2822 and Date.toString() may follow the zone with a comment: "+0000 (UTC)".
  const offset = zoneOffset((m[5] ?? '').replace(/\s*\([^)]*\)$/, '').trim());
  if (offset === undefined || minute > 59 || second > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return { hour, minute, second, offset };
}

/** Month and day of a numeric date with the year last ('09/14/2026', '14.09.2026'). */
function monthAndDay(first: number, second: number, order: DateOrder | undefined): [number, number] | undefined {
  const resolved = order ?? (first > 12 ? 'dmy' : 'mdy');
  if (resolved === 'ymd') return undefined;
  return resolved === 'mdy' ? [first, second] : [second, first];
}

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})(?!\d)/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i;

/** The calendar day at the start of `text` and what follows it. */
function leadingDay(text: string, order: DateOrder | undefined): { day: Day | undefined; rest: string } | undefined {
  let m = YEAR_FIRST.exec(text);
  if (m) return { day: validDay(Number(m[1]), Number(m[3]), Number(m[4])), rest: text.slice(m[0].length) };
  m = YEAR_LAST.exec(text);
  if (m) {
    const md = monthAndDay(Number(m[1]), Number(m[3]), order);
    return { day: md && validDay(Number(m[4]), md[0], md[1]), rest: text.slice(m[0].length) };
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return { day: month === undefined ? undefined : validDay(Number(m[3]), month, Number(m[1])), rest: text.slice(m[0].length) };
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return { day: month === undefined ? undefined : validDay(Number(m[3]), month, Number(m[2])), rest: text.slice(m[0].length) };
  }
  return undefined;
}

/**
 * ISO 'YYYY-MM-DD' for a date; 'YYYY-MM-DDTHH:MM:SSZ' (UTC) for a date-time (offsets converted to
 * UTC); null for "no date" markers ('', Never, Never logged in, N/A, no_information,
 * not_supported, -, 0, null, none); undefined when unparseable or impossible (2026-02-30).
 * Numeric dates with the year last follow `order`; without one, a part > 12 decides and an
 * ambiguous date is month-first. Two-digit years are refused.
 */
export function parseDate(text: string | undefined, options?: ParseDateOptions): string | null | undefined {
  const trimmed = (text ?? '').trim();
  if (NO_DATE.has(trimmed.toLowerCase())) return null;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    if (!options?.excelSerials) return undefined;
    const serial = Number(trimmed);
    const whole = Math.floor(serial);
    if (whole < 1 || whole > EXCEL_LAST_SERIAL || whole === EXCEL_FAKE_LEAP_DAY) return undefined;
    return fromExcelSerial(serial);
  }
  const found = leadingDay(trimmed.replace(WEEKDAY, ''), options?.order);
  if (!found?.day) return undefined;
  const clock = parseClock(found.rest);
  return clock === undefined ? undefined : momentText(found.day, clock);
}

/**
 * An Excel serial day in the 1900 date system (1 = 1900-01-01, 61 = 1900-03-01): a whole number is
 * a day, a fraction adds the time of day (to the nearest second). Throws a RangeError outside
 * 1..2958465 and for 60, Excel's 1900-02-29, which never existed.
 */
export function fromExcelSerial(serial: number): string {
  let whole = Math.floor(serial);
  let seconds = Math.round((serial - whole) * 86_400);
  if (seconds === 86_400) {
    whole += 1;
    seconds = 0;
  }
  if (!Number.isFinite(serial) || whole < 1 || whole > EXCEL_LAST_SERIAL) {
    throw new RangeError(`Excel serial ${serial} is outside 1..${EXCEL_LAST_SERIAL}`);
  }
  if (whole === EXCEL_FAKE_LEAP_DAY) throw new RangeError('Excel serial 60 is 1900-02-29, a day that never existed');
  // Serials after the fake leap day are one ahead of the real calendar.
  const ms = Date.UTC(1900, 0, 1) + (whole - (whole < EXCEL_FAKE_LEAP_DAY ? 1 : 2)) * DAY_MS;
  return Number.isInteger(serial) ? new Date(ms).toISOString().slice(0, 10) : `${new Date(ms + seconds * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * A Windows FILETIME (100 ns ticks since 1601-01-01 UTC, as AD writes lastLogonTimestamp) as an
 * ISO UTC timestamp; null for 0 and 9223372036854775807, AD's "never". Throws a RangeError for
 * text that is not a tick count or a count past 9999.
 */
export function fromFiletime(ticks: string): string | null {
  const text = ticks.trim();
  if (!/^\d+$/.test(text)) throw new RangeError(`"${ticks}" is not a Windows FILETIME`);
  const value = BigInt(text);
  if (value === 0n || value === FILETIME_NEVER) return null;
  const iso = instantText(Number(value / 10_000n - FILETIME_EPOCH_OFFSET_MS));
  if (iso === undefined) throw new RangeError(`FILETIME ${text} is past the year 9999`);
  return iso;
}

const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})?)?(?:[.,]\d+)?(z|[+-]\d{2}(?:\d{2})?)?$/i;

/**
 * LDAP GeneralizedTime ('20240115093000.0Z', '202401150930+0100') as an ISO UTC timestamp;
 * undefined when it is not one. Without a zone it is taken as UTC (Active Directory always writes Z).
 */
export function fromGeneralizedTime(text: string): string | undefined {
  const m = GENERALIZED_TIME.exec(text.trim());
  if (!m) return undefined;
  const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const zone = m[7] ?? '';
  const offset = zoneOffset(zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone);
  const clock = { hour: Number(m[4]), minute: Number(m[5] ?? '0'), second: Number(m[6] ?? '0') };
  if (!day || offset === undefined || clock.hour > 23 || clock.minute > 59 || clock.second > 59) return undefined;
  return momentText(day, { ...clock, offset });
}

/** The order a numeric year-last date proves by a part > 12 ('31/01/2026' → dmy), or null. */
function orderEvidence(text: string): DateOrder | null {
  const m = YEAR_LAST.exec(text.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return null;
}

export interface DateParser {
  parse: (text: string | undefined) => string | null | undefined;
  /** The order in force: declared, or proven by the file so far; null while nothing decided it. */
  order: () => DateOrder | null;
}

/**
 * A parser for one file: the first numeric date that proves its order (a part > 12) fixes the
 * order for the rest of the file, unless `order` was declared. Dates before it are read as
 * parseDate reads them alone.
 */
export function createDateParser(options?: { order?: DateOrder }): DateParser {
  let order: DateOrder | null = options?.order ?? null;
  return {
    parse(text) {
      if (order === null && text !== undefined) {
        const proven = orderEvidence(text);
        if (proven && parseDate(text, { order: proven }) !== undefined) order = proven;
      }
      return parseDate(text, order ? { order } : undefined);
    },
    order: () => order,
  };
}
