import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../src/ingest/profile.js';
import { scoreHeader } from '../../../src/ingest/profiles/table/define-table-profile.js';
import { attributesOf, compact, emailOrUndefined, joinName, latestOf, splitList } from '../../../src/ingest/profiles/table/record-parts.js';
import { ACCOUNT_STATUS, ACCOUNT_TYPE, IDENTITY_STATUS, vocabulary, wordKey } from '../../../src/ingest/profiles/table/vocabulary.js';

describe('splitList', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['Admin', ['Admin']],
    ['AP Clerk; GL Entry', ['AP Clerk', 'GL Entry']],
    ['admin, billing ,viewer', ['admin', 'billing', 'viewer']],
    [' a ;; b ,, ; ', ['a', 'b']],
    ['a;b;a', ['a', 'b']],
    ['Read-Only (EU)', ['Read-Only (EU)']],
  ])('%j → %j', (text, names) => {
    expect(splitList(text)).toEqual(names);
  });
});

describe('record parts', () => {
  it('compact drops undefined, keeps null and false', () => {
    expect(compact({ a: 1, b: undefined, c: null, d: false, e: '' })).toEqual({ a: 1, c: null, d: false, e: '' });
    expect(Object.keys(compact({ a: undefined }))).toEqual([]);
  });

  it('attributesOf keeps non-empty values, undefined when none', () => {
    expect(attributesOf({ a: 'x', b: undefined, c: '' })).toEqual({ a: 'x' });
    expect(attributesOf({ a: undefined })).toBeUndefined();
  });

  it('latestOf compares ISO dates and timestamps', () => {
    expect(latestOf([null, '2026-01-02T00:00:00Z', '2026-01-10', null, '2025-12-31T23:59:59Z'])).toBe('2026-01-10');
    expect(latestOf([null, null])).toBeNull();
    expect(latestOf([])).toBeNull();
  });

  it('joinName and emailOrUndefined', () => {
    expect(joinName('Ana', 'Novak')).toBe('Ana Novak');
    expect(joinName(undefined, 'Novak')).toBe('Novak');
    expect(joinName(undefined, undefined)).toBeUndefined();
    expect(emailOrUndefined('a@example.com')).toBe('a@example.com');
    for (const text of [undefined, 'fhaddad', 'No owner', 'a@', '@b', 'a b@c.d', 'a@b@c']) expect(emailOrUndefined(text)).toBeUndefined();
  });
});

describe('vocabularies', () => {
  it('compare words case-, space- and punctuation-insensitively', () => {
    expect(wordKey('  LOCKED_OUT ')).toBe('locked out');
    expect(wordKey('Leave-of-Absence')).toBe('leave of absence');
    expect(ACCOUNT_STATUS.lookup('Locked-Out')).toBe('disabled');
    expect(IDENTITY_STATUS.lookup('ON_LEAVE')).toBe('leave');
    expect(ACCOUNT_TYPE.lookup('Service Account')).toBe('service');
    expect(ACCOUNT_TYPE.lookup('Full-time')).toBeUndefined();
  });

  it('name their values for messages', () => {
    expect(IDENTITY_STATUS.values).toBe('active, leave or terminated');
    expect(ACCOUNT_STATUS.values).toBe('enabled or disabled');
    expect(vocabulary({ only: ['one'] }).values).toBe('only');
  });

  it('keep each word to one meaning', () => {
    for (const words of [IDENTITY_STATUS, ACCOUNT_STATUS, ACCOUNT_TYPE]) expect(words.values).not.toBe('');
    expect(() => vocabulary({ a: ['x'], b: ['X'] })).toThrow(/"x".*both/);
  });
});

describe('scoreHeader', () => {
  const fields: FieldSpec[] = [
    { name: 'A', required: true, synonyms: ['Alpha'] },
    { name: 'B', required: false },
    { name: 'C', required: false },
    { name: 'D', required: false },
  ];

  it('scores base when every "all" entry matches, plus a share of max - base per "some" field', () => {
    const signature = { all: ['A', ['B', 'C']], some: ['C', 'D'], base: 0.5, max: 0.7 };
    expect(scoreHeader(['alpha', 'b'], fields, signature)).toBe(0.5);
    expect(scoreHeader(['A', 'C'], fields, signature)).toBeCloseTo(0.6);
    expect(scoreHeader(['A', 'B', 'C', 'D'], fields, signature)).toBeCloseTo(0.7);
    expect(scoreHeader(['A', 'D'], fields, signature)).toBe(0);
    expect(scoreHeader(['B', 'C'], fields, signature)).toBe(0);
    expect(scoreHeader(['A'], fields, { all: ['A'], base: 0.9 })).toBe(0.9);
  });
});
