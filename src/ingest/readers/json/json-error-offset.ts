/**
 * Where a JSON text first goes wrong. V8's JSON.parse names a position for some errors only
 * ("Unexpected token 'x', "…" is not valid JSON" has none), so the place is found by this small
 * validator (RFC 8259, iterative: deep nesting cannot overflow the stack), run only after
 * JSON.parse has failed.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Index after the string starting at `start` (a quote), or -(index of the fault) - 1. */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return -(i + 1);
        i += 5;
      } else if (next !== undefined && ESCAPES.has(next)) {
        i++;
      } else {
        return -(i + 1);
      }
    } else if (c.charCodeAt(0) < 0x20) {
      return -i - 1;
    }
  }
  return -text.length - 1;
}

type State = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';

/** The 0-based offset of the first syntax error, or -1 when the text is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const open: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (isSpace(text[i])) i++;
    const c = text[i];
    if (c === undefined) return state === 'after' && open.length === 0 ? -1 : i;
    switch (state) {
      case 'value':
      case 'first-value': {
        if (c === ']' && state === 'first-value') {
          open.pop();
          i++;
          state = 'after';
        } else if (c === '{' || c === '[') {
          open.push(c);
          i++;
          state = c === '{' ? 'first-key' : 'first-value';
        } else if (c === '"') {
          const end = skipString(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = 'after';
        } else {
          NUMBER.lastIndex = i;
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
          if (literal !== undefined) i += literal.length;
          else if (NUMBER.test(text)) i = NUMBER.lastIndex;
          else return i;
          state = 'after';
        }
        break;
      }
      case 'key':
      case 'first-key': {
        if (c === '}' && state === 'first-key') {
          open.pop();
          i++;
          state = 'after';
          break;
        }
        if (c !== '"') return i;
        const end = skipString(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return i;
        i++;
        state = 'value';
        break;
      case 'after': {
        const top = open[open.length - 1];
        if (top === undefined) return i;
        if (c === ',') state = top === '{' ? 'key' : 'value';
        else if ((c === '}' && top === '{') || (c === ']' && top === '[')) open.pop();
        else return i;
        i++;
        break;
      }
    }
  }
}
