/**
 * Cell values that are not plain text, as the SheetJS path reads them: serial numbers in a date
 * format and `t="d"` ISO dates as ISO 8601 text (cell-text's dateText: a date at midnight, a date
 * and time, or a time of day alone).
 */
import { dateText, generalNumber } from '../cell-text.js';

/** 1899-12-30, Excel's day 0 as SheetJS counts it (day 1 is 1900-01-01). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_TIME = Date.UTC(1899, 11, 31);
const EPOCH_1904_TIME = Date.UTC(1904, 0, 1);
const SECONDS_PER_DAY = 86_400;
const DATE1904_OFFSET = 1462;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A serial date as ISO text. 1900 system: Excel counts 1900-02-29 (serial 60), a day that never
 * was, so serials from 61 on are one day later than a plain count gives; serial 60 itself reads
 * "1900-02-29", as Excel shows it. 1904 system (`date1904`): serial 0 is 1904-01-01. A serial no
 * date can hold reads as the number.
 */
export function serialText(serial: number, date1904: boolean): string {
  const v = serial + (date1904 ? DATE1904_OFFSET : 0);
  if (v >= 60 && v < 61) {
    const seconds = Math.round((v - 60) * SECONDS_PER_DAY);
    if (seconds === 0) return '1900-02-29';
    if (seconds >= SECONDS_PER_DAY) return '1900-03-01';
    return `1900-02-29T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}Z`;
  }
  // The same arithmetic as SheetJS's numdate, so that both paths round alike.
  const text = dateText(new Date((v > 60 ? v : v + 1) * 24 * 60 * 60 * 1000 + EPOCH_1900));
  return text === '' ? generalNumber(serial) : text;
}

const TIME_ONLY = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/;
const DATE_ONLY = /^(\d+)-(\d+)-(\d+)$/;
const DATE_TIME = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/;

/**
 * A `t="d"` cell's ISO 8601 text, read as SheetJS's parseDate reads it (no zone: UTC; a time
 * alone: on Excel's day 1) and written back as dateText writes it. Text that is no date stays as
 * written.
 */
export function isoDateText(text: string, date1904: boolean): string {
  let date: Date;
  let m = TIME_ONLY.exec(text);
  if (m !== null) {
    const seconds = (Number(m[1]) * 60 + Number(m[2])) * 60 + (m[3] === undefined ? 0 : Number(m[3].slice(1)));
    const ms = m[4] === undefined ? 0 : Number(`${m[4]}000`.slice(1, 4));
    date = new Date((date1904 ? EPOCH_1904_TIME : EPOCH_1900_TIME) + seconds * 1000 + ms);
  } else if ((m = DATE_ONLY.exec(text)) !== null) {
    date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  } else if ((m = DATE_TIME.exec(text)) !== null) {
    const seconds = m[6] === undefined ? 0 : Number(m[6].slice(1));
    const ms = m[7] === undefined ? 0 : Number(`${m[7]}0000`.slice(1, 4));
    date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), seconds, ms));
  } else {
    date = new Date(text);
  }
  const iso = dateText(date);
  return iso === '' ? text : iso;
}
