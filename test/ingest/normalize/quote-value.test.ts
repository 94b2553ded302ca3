import { describe, expect, it } from 'vitest';
import { listNames, quoteValue } from '../../../src/ingest/normalize/quote-value.js';

describe('quoteValue', () => {
  it('quotes a value for a message, cutting a long one short by characters, not UTF-16 units', () => {
    expect(quoteValue('maybe')).toBe('"maybe"');
    expect(quoteValue('')).toBe('""');
    expect(quoteValue('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(quoteValue('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…"`);
    expect(quoteValue('😀'.repeat(81))).toBe(`"${'😀'.repeat(80)}…"`);
  });
});

describe('listNames', () => {
  it('lists names, or the first ones and how many more', () => {
    expect(listNames(['a', 'b', 'c'])).toBe('a, b, c');
    expect(listNames([])).toBe('');
    expect(listNames(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
  });
});
