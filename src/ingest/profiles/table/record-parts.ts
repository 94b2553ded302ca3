import { RowRejected } from '../../profile.js';
import type { MappedRow } from '../../profile.js';
import type { EntitlementRecord, RecordSink } from '../../records.js';

/** The field's value; an empty or absent cell rejects the row. */
export function requireValue(row: MappedRow, field: string): string {
  const value = row.get(field);
  if (value === undefined) throw new RowRejected(`${field} is empty`);
  return value;
}

/**
 * The names in a list cell ("AP Clerk; GL Entry", "admin, billing"): split on ";" and ",",
 * trimmed, empties dropped, each name once.
 */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  if (!text.includes(';') && !text.includes(',')) {
    const name = text.trim();
    return name === '' ? [] : [name];
  }
  return [...new Set(text.split(/[;,]/).map((name) => name.trim()).filter((name) => name !== ''))];
}

/** The record without its undefined fields: absent means unknown, and merges skip it. */
export function compact<T extends object>(record: T): T {
  // Plain loops: this runs for every record of every row, and most records have no gap to drop.
  const source = record as Record<string, unknown>;
  let gaps = false;
  for (const field in source) if (source[field] === undefined) gaps = true;
  if (!gaps) return record;
  const kept: Record<string, unknown> = {};
  for (const field in source) if (source[field] !== undefined) kept[field] = source[field];
  return kept as T;
}

/** Source fields kept as account attributes, empty ones left out; undefined when none is left. */
export function attributesOf(values: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  const kept = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The calendar day of an ISO date or timestamp (UTC), for fields that are days (hire date, created on). */
export function dayOf(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 10);
}

/** The latest of ISO dates and timestamps (they sort as text), or null when there is none. */
export function latestOf(values: readonly (string | null)[]): string | null {
  return values.reduce<string | null>((latest, value) => (value !== null && (latest === null || value > latest) ? value : latest), null);
}

/** "First Last" from the name parts present, or undefined. */
export function joinName(...parts: (string | undefined)[]): string | undefined {
  const name = parts.filter((p) => p !== undefined).join(' ');
  return name === '' ? undefined : name;
}

/** The text when it is an e-mail address (one @ with something either side, no spaces), else undefined. */
export function emailOrUndefined(text: string | undefined): string | undefined {
  return text !== undefined && /^[^\s@]+@[^\s@]+$/.test(text) ? text : undefined;
}

/** Emits each entitlement and the account's grant of it. */
export function grantAll(sink: RecordSink, accountKey: string, entitlements: readonly EntitlementRecord[]): void {
  for (const entitlement of entitlements) {
    sink.entitlement(compact(entitlement));
    sink.grant(accountKey, entitlement.key);
  }
}

/** Entitlements named in a list cell, keyed `prefix:name` (or by the name alone without a prefix). */
export function listedEntitlements(text: string | undefined, type: string | undefined, prefix?: string): EntitlementRecord[] {
  return splitList(text).map((name) => {
    const key = prefix ? `${prefix}:${name}` : name;
    return type === undefined ? { key, name } : { key, name, type };
  });
}
