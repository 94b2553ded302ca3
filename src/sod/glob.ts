/**
 * Entitlement patterns: exact text, or a glob where `*` stands for any run of characters (none
 * included). Compared case-insensitively after NFC. Compiled here into literal pieces: no
 * user-supplied text ever becomes a regular expression.
 */
export type TextMatcher = (text: string) => boolean;

export function foldPattern(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

export function compileGlob(pattern: string): TextMatcher {
  const matches = compileFoldedGlob(pattern);
  return (text) => matches(foldPattern(text));
}

/** As compileGlob, for text already folded (foldPattern): many texts matched against many patterns fold once. */
export function compileFoldedGlob(pattern: string): TextMatcher {
  const folded = foldPattern(pattern);
  if (!isGlob(folded)) return (t) => t === folded;
  const pieces = folded.split('*');
  const head = pieces[0] ?? '';
  const tail = pieces[pieces.length - 1] ?? '';
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const minLength = head.length + tail.length + middle.reduce((n, p) => n + p.length, 0);
  return (t) => {
    if (t.length < minLength || !t.startsWith(head) || !t.endsWith(tail)) return false;
    let at = head.length;
    const end = t.length - tail.length;
    for (const piece of middle) {
      const found = t.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}
