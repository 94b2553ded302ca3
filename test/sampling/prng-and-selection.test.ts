import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, populationSha256, sortedLines } from '../../src/sampling/population.js';
import { splitmix64, Xoshiro256 } from '../../src/sampling/prng.js';
import { sampleSize } from '../../src/sampling/sample-size.js';
import { parseSeed } from '../../src/sampling/seed.js';
import { selectSimpleRandom, selectSystematic } from '../../src/sampling/select.js';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
};

describe('the sampling generator', () => {
  // Vectors from the reference C code of splitmix64 and xoshiro256** (compiled and run here).
  it('matches the reference splitmix64 and xoshiro256** sequences', () => {
    expect(splitmix64(0n)()).toBe(16294208416658607535n);
    expect(splitmix64(18446744073709551615n)()).toBe(16490336266968443936n);
    const zero = new Xoshiro256(0n);
    expect([zero.nextUint64(), zero.nextUint64(), zero.nextUint64()]).toEqual([11091344671253066420n, 13793997310169335082n, 1900383378846508768n]);
    const max = new Xoshiro256(18446744073709551615n);
    expect([max.nextUint64(), max.nextUint64(), max.nextUint64()]).toEqual([10328197420357168392n, 14156678507024973869n, 9357971779955476126n]);
  });

  it('below(n) stays in range and reaches every value', () => {
    const rng = new Xoshiro256(7n);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.below(7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Xoshiro256(7n).below(1)).toBe(0);
  });

  it('seeds: decimal 0 to 2^64 − 1; anything else is INVALID_SEED', () => {
    expect(parseSeed('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseSeed(' 42 ')).toBe(42n);
    for (const bad of ['18446744073709551616', '-1', '0x10', '1e3', '', 'abc', '4.2']) expect(codeOf(() => parseSeed(bad)), bad).toBe('INVALID_SEED');
  });
});

describe('selection', () => {
  it('simple random: k distinct indices, reproducible per seed, different for another seed, all of them when k = n', () => {
    const a = selectSimpleRandom(new Xoshiro256(42n), 1000, 50);
    expect(new Set(a).size).toBe(50);
    expect(a.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(selectSimpleRandom(new Xoshiro256(42n), 1000, 50)).toEqual(a);
    expect(selectSimpleRandom(new Xoshiro256(43n), 1000, 50)).not.toEqual(a);
    expect(selectSimpleRandom(new Xoshiro256(42n), 1000, 10)).toEqual(a.slice(0, 10));
    expect(selectSimpleRandom(new Xoshiro256(1n), 5, 5).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  // Pinned: a change here breaks every recorded sample's reproducibility; bump SAMPLING_ALGORITHM instead.
  it('selects the recorded indices for seed 42, as it did when samples were first stored', () => {
    expect(selectSimpleRandom(new Xoshiro256(42n), 1000, 8)).toEqual([742, 253, 839, 121, 836, 944, 162, 208]);
    expect(selectSystematic(new Xoshiro256(42n), 1000, 4)).toEqual([185, 435, 685, 935]);
  });

  it('simple random is uniform enough: every index of 10 is drawn first about a tenth of the time', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = new Xoshiro256(99n);
    for (let i = 0; i < 10_000; i++) counts[selectSimpleRandom(rng, 10, 1)[0] as number]! += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('systematic: one pick per interval from a random start, in population order, spanning the population', () => {
    const picks = selectSystematic(new Xoshiro256(5n), 10, 3);
    expect(picks).toHaveLength(3);
    const r = new Xoshiro256(5n).below(10);
    expect(picks).toEqual([Math.floor(r / 3), Math.floor((r + 10) / 3), Math.floor((r + 20) / 3)]);
    expect(selectSystematic(new Xoshiro256(5n), 7, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const spread = selectSystematic(new Xoshiro256(8n), 1000, 10);
    spread.forEach((index, i) => expect(Math.floor(index / 100)).toBe(i));
  });
});

describe('sizes', () => {
  it('a count, or a percentage rounded up (4 decimals, at least 1), never more than the population', () => {
    expect(sampleSize({ size: 5 }, 5, 'x')).toBe(5);
    expect(sampleSize({ percent: 7 }, 200, 'x')).toBe(14);
    expect(sampleSize({ percent: 10 }, 25, 'x')).toBe(3);
    expect(sampleSize({ percent: 0.0001 }, 3, 'x')).toBe(1);
    expect(sampleSize({ percent: 100 }, 9, 'x')).toBe(9);
    expect(sampleSize({ percent: 33.3333 }, 3, 'x')).toBe(1);
    expect(codeOf(() => sampleSize({ size: 6 }, 5, 'x'))).toBe('SAMPLE_TOO_LARGE');
    expect(codeOf(() => sampleSize({ size: 1 }, 0, 'x'))).toBe('EMPTY_POPULATION');
  });
});

describe('population order and hash', () => {
  it('sorts by code point (C-locale byte order of UTF-8), not by UTF-16 unit', () => {
    const astral = '\u{1F600}';
    const privateUse = '\uE000';
    expect([astral, privateUse, 'b', 'a'].sort(compareCodePoints)).toEqual(['a', 'b', privateUse, astral]);
    expect(Buffer.compare(Buffer.from(privateUse), Buffer.from(astral))).toBeLessThan(0);
  });

  it('hashes the sorted JSON lines, whatever order the members came in', () => {
    const lines = sortedLines([['bob', 'GL'], ['alice', 'AP']]);
    expect(lines).toEqual(['["alice","AP"]', '["bob","GL"]']);
    expect(populationSha256(lines)).toBe(populationSha256(sortedLines([['alice', 'AP'], ['bob', 'GL']])));
    expect(populationSha256(lines)).toBe(createHash('sha256').update('["alice","AP"]\n["bob","GL"]\n').digest('hex'));
    expect(populationSha256(sortedLines([['alice', 'AP']]))).not.toBe(populationSha256(lines));
  });
});
