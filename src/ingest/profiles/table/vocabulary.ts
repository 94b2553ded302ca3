import { quoteValue } from '../../normalize/quote-value.js';
import { RowRejected } from '../../profile.js';
import type { MappedRow } from '../../profile.js';
import type { AccountStatus, AccountType, IdentityStatus } from '../../records.js';

/** The form in which status and type words are compared: "LOCKED_OUT" = "Locked out" = "locked-out". */
export function wordKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The words a column may hold, each meaning one of a few values. */
export interface Vocabulary<T extends string> {
  lookup: (text: string) => T | undefined;
  /** The values, for a message: "enabled or disabled". */
  values: string;
}

/** A vocabulary from each value's words (the value itself counts as one); a word may mean one value only. */
export function vocabulary<T extends string>(words: Readonly<Record<T, readonly string[]>>): Vocabulary<T> {
  const byWord = new Map<string, T>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][]) {
    for (const word of [value, ...list]) {
      const key = wordKey(word);
      const taken = byWord.get(key);
      if (taken !== undefined && taken !== value) throw new Error(`vocabulary: "${key}" means both ${taken} and ${value}`);
      byWord.set(key, value);
    }
  }
  const names = Object.keys(words);
  const values = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? '');
  // Columns repeat a handful of spellings: remember each raw text's meaning (bounded).
  const seen = new Map<string, T | undefined>();
  const lookup = (text: string): T | undefined => {
    if (seen.has(text)) return seen.get(text);
    const value = byWord.get(wordKey(text));
    if (seen.size < 1024) seen.set(text, value);
    return value;
  };
  return { lookup, values };
}

/** The field's word, read strictly: undefined when empty; a word the vocabulary lacks rejects the row. */
export function readWord<T extends string>(row: MappedRow, field: string, words: Vocabulary<T>): T | undefined {
  const text = row.get(field);
  if (text === undefined) return undefined;
  const value = words.lookup(text);
  if (value === undefined) throw new RowRejected(`${field} ${quoteValue(text)} is not ${words.values}`);
  return value;
}

/** HR employment status, with the usual HRIS spellings and PeopleSoft's one-letter codes. */
export const IDENTITY_STATUS = vocabulary<IdentityStatus>({
  active: ['employed', 'current', 'working', 'a'],
  leave: [
    'on leave', 'loa', 'leave of absence', 'paid leave', 'unpaid leave', 'leave with pay', 'medical leave', 'parental leave',
    'maternity leave', 'paternity leave', 'sabbatical', 'furlough', 'furloughed', 'l', 'p',
  ],
  terminated: [
    'term', 'termed', 'inactive', 'withdrawn', 'separated', 'former', 'former employee', 'left', 'resigned', 'retired',
    'deceased', 'ended', 'offboarded', 'terminated with pay', 't', 'u', 'r', 'd',
  ],
});

/** Whether an account can sign in, as generic exports and most systems say it. */
export const ACCOUNT_STATUS = vocabulary<AccountStatus>({
  enabled: ['enable', 'active', 'activated', 'true', 'yes', '1', 'on'],
  disabled: [
    'disable', 'inactive', 'not active', 'deactivated', 'locked', 'locked out', 'suspended', 'deprovisioned', 'deleted',
    'archived', 'blocked', 'expired', 'terminated', 'false', 'no', '0', 'off',
  ],
});

/** What kind of principal an account is. */
export const ACCOUNT_TYPE = vocabulary<AccountType>({
  human: ['user', 'person', 'employee', 'member', 'staff', 'individual', 'standard'],
  service: ['service account', 'system', 'system account', 'bot', 'application', 'app', 'technical', 'machine', 'non human', 'integration', 'api'],
  shared: ['shared account', 'shared mailbox', 'generic'],
  external: ['external user', 'guest', 'contractor', 'vendor', 'partner', 'third party', 'consultant'],
});
