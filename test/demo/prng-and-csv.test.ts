import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/demo/csv-text.js';
import { Rng } from '../../src/demo/prng.js';
import { parseCsv } from './helpers/csv.js';

describe('Rng', () => {
  it('repeats its sequence for the same seed and label, and differs otherwise', () => {
    const seq = (rng: Rng) => Array.from({ length: 8 }, () => rng.uint32());
    expect(seq(new Rng(1))).toEqual(seq(new Rng(1)));
    expect(seq(new Rng(1))).not.toEqual(seq(new Rng(2)));
    expect(seq(new Rng(1, 'a'))).not.toEqual(seq(new Rng(1, 'b')));
    expect(seq(new Rng(1).fork('x'))).toEqual(seq(new Rng(1, 'x')));
  });

  it('a fork does not depend on how much of the parent was used', () => {
    const used = new Rng(3);
    used.uint32();
    expect(used.fork('k').uint32()).toBe(new Rng(3).fork('k').uint32());
  });

  it('keeps int, pick, chance and shuffle in range', () => {
    const rng = new Rng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
      const f = rng.next();
      expect(f >= 0 && f < 1).toBe(true);
    }
    expect(seen.size).toBe(6);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.pick([])).toThrow();
    expect(() => rng.int(3, 1)).toThrow();
    expect(rng.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('csvText', () => {
  it('quotes only fields with commas, quotes or line breaks, and round-trips', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const header = ['A', 'B'] as const;
    const text = csvText(header, [{ A: 'x, y', B: 'q"r' }, { A: 'line1\r\nline2', B: '' }]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['A', 'B'], ['x, y', 'q"r'], ['line1\r\nline2', '']]);
    expect(csvText(header, [{ A: '1', B: '2' }], { eol: '\n', finalEol: false })).toBe('A,B\n1,2');
  });
});
