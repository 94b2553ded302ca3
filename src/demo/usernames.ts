/** Turning people's names into account names, and keeping account names unique within a system. */

const NO_DECOMPOSITION: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', đ: 'd', Đ: 'D', œ: 'oe', Œ: 'OE',
};

/** Zoë -> zoe, Łukasz -> lukasz, O'Brien -> obrien, de la Cruz -> delacruz; `keep` lists extra characters to keep. */
export function foldName(name: string, keep = ''): string {
  const latin = [...name].map((ch) => NO_DECOMPOSITION[ch] ?? ch).join('');
  const bare = latin.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [...bare].filter((ch) => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || keep.includes(ch)).join('');
}

/** john.smith (hyphens of double-barrelled names kept) */
export function emailLocalPart(first: string, last: string): string {
  return `${foldName(first, '-')}.${foldName(last, '-')}`;
}

/** jsmith: first initial and surname, cut to `max` characters. */
export function initialAndSurname(first: string, last: string, max: number): string {
  return `${foldName(first).charAt(0)}${foldName(last)}`.slice(0, max);
}

/** Hands out names that are unique within one system: john.smith, john.smith2, john.smith3... */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(private readonly caseSensitive = false) {}

  take(base: string): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${n}`;
      const key = this.caseSensitive ? candidate : candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
