/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for the demo data.
 * It uses 32-bit integer arithmetic only, so the same seed gives the same sequence on every
 * platform. Never Math.random: the demo company must be reproducible byte for byte.
 *
 * A generator is identified by (seed, label). `fork(label)` gives an independent stream that
 * depends only on the seed and the label, not on how much of the parent stream was used, so a
 * change in one part of the generator does not reshuffle every other part.
 */

const TWO_POW_32 = 4_294_967_296;

/** FNV-1a over the label's UTF-16 code units, mixed with both halves of the seed. */
function mixSeed(seed: number, label: string): number {
  let h = 0x811c9dc5;
  const mix = (value: number): void => {
    h ^= value & 0xffff;
    h = Math.imul(h, 0x01000193);
    h ^= value >>> 16;
    h = Math.imul(h, 0x01000193);
  };
  mix(seed >>> 0);
  mix(Math.floor(seed / TWO_POW_32) >>> 0);
  for (let i = 0; i < label.length; i++) mix(label.charCodeAt(i));
  return h >>> 0;
}

function splitmix32(start: number): () => number {
  let s = start >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    readonly seed: number,
    readonly label = '',
  ) {
    const init = splitmix32(mixSeed(seed, label));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream for one part of the generator. */
  fork(label: string): Rng {
    return new Rng(this.seed, this.label === '' ? label : `${this.label}/${label}`);
  }

  /** sfc32: a uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Rng.int: bad range [${min}, ${max}]`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: no items to pick from');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher-Yates); the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** n distinct items in random order (all of them when there are fewer than n). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }

  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('Rng.weighted: weights must add up to more than 0');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** n characters drawn from the alphabet. */
  chars(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }

  /** A random (version 4 shaped) GUID in lower case, e.g. Entra's objectId. */
  guid(): string {
    const hex = '0123456789abcdef';
    const variant = hex.charAt(8 + this.int(0, 3));
    return `${this.chars(hex, 8)}-${this.chars(hex, 4)}-4${this.chars(hex, 3)}-${variant}${this.chars(hex, 3)}-${this.chars(hex, 12)}`;
  }
}
