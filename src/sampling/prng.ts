/**
 * The sampling generator: xoshiro256** (Blackman and Vigna), its four 64-bit state words seeded
 * from the 64-bit seed by splitmix64. BigInt arithmetic masked to 64 bits, so the sequence for a
 * seed is the same on every machine and every JavaScript engine. Written here, not taken from a
 * library, so that the algorithm an auditor must re-perform is the one in this file.
 */

const MASK = (1n << 64n) - 1n;

/** The algorithm's name as stored with each sample: change it if the sequence ever changes. */
export const SAMPLING_ALGORITHM = 'xoshiro256**/splitmix64';

function rotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (64n - k))) & MASK;
}

/** splitmix64: a stream of 64-bit values from one 64-bit state. */
export function splitmix64(seed: bigint): () => bigint {
  let state = seed & MASK;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
}

export class Xoshiro256 {
  private s0: bigint;
  private s1: bigint;
  private s2: bigint;
  private s3: bigint;

  constructor(seed: bigint) {
    const next = splitmix64(seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next 64-bit output. */
  nextUint64(): bigint {
    const result = (rotl((this.s1 * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (this.s1 << 17n) & MASK;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 45n);
    return result;
  }

  /**
   * A uniform integer in [0, n): outputs below 2^64 mod n are rejected, so that every
   * remainder is equally likely (no modulo bias), then the remainder is taken.
   */
  below(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`below: bad bound ${n}`);
    const bound = BigInt(n);
    const reject = (1n << 64n) % bound;
    for (;;) {
      const x = this.nextUint64();
      if (x >= reject) return Number(x % bound);
    }
  }
}
