import { RowRejected } from '../profile.js';
import { READ_LIMITS, type LdifEntry } from '../source.js';

/**
 * An attribute's non-blank values, trimmed; `name` as the directory spells it (entries hold names
 * lower-cased). A group of more than 1,500 members comes back from AD in ranges
 * (`member;range=0-1499`): every range present is read.
 */
export function values(entry: LdifEntry, name: string): string[] {
  const lower = name.toLowerCase();
  const all: string[] = [];
  for (const [attribute, list] of entry.attributes) {
    if (attribute === lower || attribute.startsWith(`${lower};range=`)) all.push(...list);
  }
  const trimmed = all.map((v) => v.trim()).filter((v) => v !== '');
  const long = trimmed.find((v) => v.length > READ_LIMITS.maxValueChars);
  if (long !== undefined) {
    throw new RowRejected(`${name} has a value ${long.length.toLocaleString('en-US')} characters long; values over ${READ_LIMITS.maxValueChars.toLocaleString('en-US')} characters are refused`);
  }
  return trimmed;
}

export const firstValue = (entry: LdifEntry, name: string): string | undefined => values(entry, name)[0];

/** Lower-cased; read without the length check: detection must answer for any entry, never throw. */
export function objectClasses(entry: LdifEntry): ReadonlySet<string> {
  return new Set((entry.attributes.get('objectclass') ?? []).map((v) => v.trim().toLowerCase()));
}
