/**
 * Yes/no cells. Only words that mean yes or no in any column: status words (active, suspended…)
 * mean different things per system, so profiles read those through their own vocabularies.
 */

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'enabled']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'disabled']);

/** true for true/yes/y/1/on/enabled, false for false/no/n/0/off/disabled (any case), null for empty, undefined otherwise. */
export function parseBoolean(text: string | undefined): boolean | null | undefined {
  const word = (text ?? '').trim().toLowerCase();
  if (word === '') return null;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
