import { describe, expect, it } from 'vitest';
import { createDateParser, fromExcelSerial, fromFiletime, fromGeneralizedTime, parseDate } from '../../../src/ingest/normalize/dates.js';

describe('parseDate', () => {
  it.each([
    // ISO dates and timestamps
    ['2026-09-14', '2026-09-14'],
    ['  2026-09-14 ', '2026-09-14'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2026-09-14T08:12:44Z', '2026-09-14T08:12:44Z'],
    ['2026-09-14t08:12:44z', '2026-09-14T08:12:44Z'],
    ['2026-09-14T08:12:44', '2026-09-14T08:12:44Z'],
    ['2026-09-14T08:12', '2026-09-14T08:12:00Z'],
    ['2026-09-14T08:12:44.987Z', '2026-09-14T08:12:44Z'],
    ['2026-09-14T08:12:44,5Z', '2026-09-14T08:12:44Z'],
    ['2026-09-14T08:12:44+00:00', '2026-09-14T08:12:44Z'],
    ['2026-09-14T08:12:44+02:00', '2026-09-14T06:12:44Z'],
    ['2026-09-14T08:12:44-05:30', '2026-09-14T13:42:44Z'],
    ['2024-01-15T09:30:00.000+0000', '2024-01-15T09:30:00Z'],
    ['2026-09-14T08:12:44+01', '2026-09-14T07:12:44Z'],
    // offsets move the day, the month and the year; no daylight saving is involved
    ['2026-01-01T01:00:00+02:00', '2025-12-31T23:00:00Z'],
    ['2026-03-29T01:30:00-01:00', '2026-03-29T02:30:00Z'],
    ['2024-02-28T23:30:00-01:00', '2024-02-29T00:30:00Z'],
    // space-separated, Google's slashes, a UTC suffix
    ['2026-09-14 08:12', '2026-09-14T08:12:00Z'],
    ['2026-09-14 08:12:44', '2026-09-14T08:12:44Z'],
    ['2026/10/02 14:03:11', '2026-10-02T14:03:11Z'],
    ['2026/10/02', '2026-10-02'],
    ['2026-10-30 14:02:11 UTC', '2026-10-30T14:02:11Z'],
    ['2026-10-30 14:02:11 GMT+01:00', '2026-10-30T13:02:11Z'],
    // numeric dates with the year last: a part > 12 decides, else month first
    ['09/14/2026', '2026-09-14'],
    ['9/14/2026', '2026-09-14'],
    ['14/09/2026', '2026-09-14'],
    ['14.09.2026', '2026-09-14'],
    ['14-09-2026', '2026-09-14'],
    ['03/04/2026', '2026-03-04'],
    ['12/12/2026', '2026-12-12'],
    // US 12-hour times
    ['9/14/2026 8:12:44 PM', '2026-09-14T20:12:44Z'],
    ['9/14/2026 8:12 am', '2026-09-14T08:12:00Z'],
    ['9/14/2026 12:00:00 AM', '2026-09-14T00:00:00Z'],
    ['9/14/2026 12:30:00 PM', '2026-09-14T12:30:00Z'],
    ['9/14/2026 11:59:59 p.m.', '2026-09-14T23:59:59Z'],
    ['14/09/2026 20:12', '2026-09-14T20:12:00Z'],
    // month names and RFC 2822
    ['Tue, 14 Sep 2026 08:12:44 +0000', '2026-09-14T08:12:44Z'],
    ['Mon, 14 Sep 2026 08:12:44 GMT', '2026-09-14T08:12:44Z'],
    ['14 Sep 2026 10:12:44 +0200', '2026-09-14T08:12:44Z'],
    ['14 Sep 2026', '2026-09-14'],
    ['14 September 2026', '2026-09-14'],
    ['14-Sep-2026', '2026-09-14'],
    ['Sep 14, 2026', '2026-09-14'],
    ['Sept 14 2026', '2026-09-14'],
    ['September 14th, 2026', '2026-09-14'],
    ['Oct 30, 2026 2:02:11 PM', '2026-10-30T14:02:11Z'],
    ['Friday, October 30, 2026', '2026-10-30'],
    ['Tue, 14 Sep 2026 08:12:44 +0000 (UTC)', '2026-09-14T08:12:44Z'],
    ['Mon Sep 14 2026 10:12:44 GMT+0200 (Central European Summer Time)', '2026-09-14T08:12:44Z'],
  ])('%j → %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each(['', '   ', 'Never', 'never', 'NEVER LOGGED IN', 'Never logged in', 'N/A', 'n/a', 'no_information', 'not_supported', '-', '0', 'null', 'NULL', 'None', undefined])(
    '%j is "no date" (null)',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it.each([
    '2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01',
    '2026-09-14T24:00:00Z', '2026-09-14T23:60:00Z', '2026-09-14T23:59:60Z', '2026-09-14T08:12:44+25:00', '2026-09-14T08:12:44 PST',
    '2026-09-14T', '2026-09-140', '20260914', '13/13/2026', '31/02/2026', '9/14/26', '14.09.26', '2026/13/01 10:00:00',
    '9/14/2026 13:00 PM', '9/14/2026 0:30 AM', 'Foo 14, 2026', '32 Jan 2026', 'yesterday', '45000', '2026', 'soon', '14 Sep', 'Sep 2026',
    '9999-12-31T23:00:00-02:00',
  ])('%j is not a date (undefined)', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('a declared order is applied strictly', () => {
    expect(parseDate('03/04/2026', { order: 'dmy' })).toBe('2026-04-03');
    expect(parseDate('03/04/2026', { order: 'mdy' })).toBe('2026-03-04');
    expect(parseDate('14/09/2026', { order: 'mdy' })).toBeUndefined();
    expect(parseDate('09/14/2026', { order: 'dmy' })).toBeUndefined();
    // 'ymd' speaks for year-first dates; a year-last date has no order under it
    expect(parseDate('2026/09/14', { order: 'ymd' })).toBe('2026-09-14');
    expect(parseDate('09/14/2026', { order: 'ymd' })).toBeUndefined();
    // month names and ISO are never reordered
    expect(parseDate('2026-03-04', { order: 'dmy' })).toBe('2026-03-04');
    expect(parseDate('Mar 4, 2026', { order: 'dmy' })).toBe('2026-03-04');
  });

  it('reads Excel serials only when asked', () => {
    expect(parseDate('45000')).toBeUndefined();
    expect(parseDate('45000', { excelSerials: true })).toBe('2023-03-15');
    expect(parseDate('45000.5', { excelSerials: true })).toBe('2023-03-15T12:00:00Z');
    expect(parseDate('1', { excelSerials: true })).toBe('1900-01-01');
    expect(parseDate('2958465', { excelSerials: true })).toBe('9999-12-31');
    expect(parseDate('0', { excelSerials: true })).toBeNull();
    expect(parseDate('60', { excelSerials: true })).toBeUndefined();
    expect(parseDate('2958466', { excelSerials: true })).toBeUndefined();
    expect(parseDate('0.5', { excelSerials: true })).toBeUndefined();
    expect(parseDate('2026-09-14', { excelSerials: true })).toBe('2026-09-14');
  });
});

describe('fromExcelSerial', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45000, '2023-03-15'],
    [45000.5, '2023-03-15T12:00:00Z'],
    [45000.25, '2023-03-15T06:00:00Z'],
    [46309.99998, '2026-10-14T23:59:58Z'],
    [46309.999999, '2026-10-15T00:00:00Z'],
    [46309.9999999, '2026-10-15T00:00:00Z'],
    [2958465, '9999-12-31'],
  ])('%d → %s', (serial, expected) => {
    expect(fromExcelSerial(serial)).toBe(expected);
  });

  it('refuses the fake 1900-02-29 and serials out of range', () => {
    expect(() => fromExcelSerial(60)).toThrow(/1900-02-29/);
    expect(() => fromExcelSerial(60.5)).toThrow(RangeError);
    expect(() => fromExcelSerial(0)).toThrow(RangeError);
    expect(() => fromExcelSerial(-1)).toThrow(RangeError);
    expect(() => fromExcelSerial(2958466)).toThrow(RangeError);
    expect(() => fromExcelSerial(Number.NaN)).toThrow(RangeError);
  });
});

describe('fromFiletime', () => {
  it.each([
    ['134364518380000000', '2026-10-14T11:43:58Z'],
    ['134364518389999999', '2026-10-14T11:43:58Z'],
    ['116444736000000000', '1970-01-01T00:00:00Z'],
    ['1', '1601-01-01T00:00:00Z'],
    [' 133500000000000000 ', '2024-01-17T21:20:00Z'],
  ])('%s → %s', (ticks, expected) => {
    expect(fromFiletime(ticks)).toBe(expected);
  });

  it('reads 0 and Int64.MaxValue as never', () => {
    expect(fromFiletime('0')).toBeNull();
    expect(fromFiletime('9223372036854775807')).toBeNull();
  });

  it('refuses what is not a tick count, or is past 9999', () => {
    for (const bad of ['', 'abc', '-1', '1.5', '0x10', '9223372036854775806']) expect(() => fromFiletime(bad), bad).toThrow(RangeError);
  });
});

describe('fromGeneralizedTime', () => {
  it.each([
    ['20240115093000.0Z', '2024-01-15T09:30:00Z'],
    ['20240115093000Z', '2024-01-15T09:30:00Z'],
    ['20240115093000', '2024-01-15T09:30:00Z'],
    ['202401150930Z', '2024-01-15T09:30:00Z'],
    ['2024011509Z', '2024-01-15T09:00:00Z'],
    ['20240115093000.123+0100', '2024-01-15T08:30:00Z'],
    ['20240101003000-0130', '2024-01-01T02:00:00Z'],
  ])('%s → %s', (text, expected) => {
    expect(fromGeneralizedTime(text)).toBe(expected);
  });

  it.each(['', '2024-01-15', '20240230093000.0Z', '20240115243000.0Z', '20240115096000.0Z', '20240115093000.0X', '202401'])('%j is undefined', (text) => {
    expect(fromGeneralizedTime(text)).toBeUndefined();
  });
});

describe('createDateParser', () => {
  it('the first date that proves its order fixes it for the rest of the file', () => {
    const dates = createDateParser();
    expect(dates.order()).toBeNull();
    expect(dates.parse('03/04/2026')).toBe('2026-03-04');
    expect(dates.parse('2026-01-31')).toBe('2026-01-31');
    expect(dates.order()).toBeNull();
    expect(dates.parse('31/01/2026')).toBe('2026-01-31');
    expect(dates.order()).toBe('dmy');
    expect(dates.parse('03/04/2026')).toBe('2026-04-03');
    expect(dates.parse('01/31/2026')).toBeUndefined();
    expect(dates.parse('')).toBeNull();
  });

  it('month-first evidence works the same way', () => {
    const dates = createDateParser();
    expect(dates.parse('10/30/2026 2:02:11 PM')).toBe('2026-10-30T14:02:11Z');
    expect(dates.order()).toBe('mdy');
    expect(dates.parse('3/2/2015')).toBe('2015-03-02');
  });

  it('an impossible date proves nothing', () => {
    const dates = createDateParser();
    expect(dates.parse('31/02/2026')).toBeUndefined();
    expect(dates.order()).toBeNull();
    expect(dates.parse('30/01/2026')).toBe('2026-01-30');
    expect(dates.order()).toBe('dmy');
  });

  it('a declared order is never overruled by the file', () => {
    const dates = createDateParser({ order: 'mdy' });
    expect(dates.order()).toBe('mdy');
    expect(dates.parse('31/01/2026')).toBeUndefined();
    expect(dates.order()).toBe('mdy');
    expect(dates.parse('01/31/2026')).toBe('2026-01-31');
  });
});
