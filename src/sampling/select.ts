import type { Xoshiro256 } from './prng.js';

export const SAMPLING_METHODS = ['simple-random', 'systematic'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/**
 * Simple random sampling without replacement: a partial Fisher–Yates shuffle of the indices
 * 0..n−1. Step i swaps position i with a uniform position in [i, n); the first k positions, in
 * drawing order, are the sample. Swaps are kept in a map, so memory is O(k) whatever n is.
 */
export function selectSimpleRandom(rng: Xoshiro256, n: number, k: number): number[] {
  const swapped = new Map<number, number>();
  const at = (i: number): number => swapped.get(i) ?? i;
  const selected: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(n - i);
    const chosen = at(j);
    swapped.set(j, at(i));
    selected.push(chosen);
  }
  return selected;
}

/**
 * Systematic sampling with a random start: the interval is n/k (a fraction, so the whole
 * population is spanned), the start r/k with r uniform in [0, n), and the i-th selection is
 * floor((r + i·n) / k) for i = 0..k−1: integer arithmetic, distinct indices, in population order.
 */
export function selectSystematic(rng: Xoshiro256, n: number, k: number): number[] {
  const r = BigInt(rng.below(n));
  const size = BigInt(n);
  const count = BigInt(k);
  const selected: number[] = [];
  for (let i = 0n; i < count; i++) selected.push(Number((r + i * size) / count));
  return selected;
}

export function selectIndices(method: SamplingMethod, rng: Xoshiro256, n: number, k: number): number[] {
  return method === 'systematic' ? selectSystematic(rng, n, k) : selectSimpleRandom(rng, n, k);
}
