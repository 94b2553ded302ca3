import { RowRejected } from '../../profile.js';
import { READ_LIMITS } from '../../source.js';

/**
 * Reading an untrusted JSON document: every value is checked before use, and only a key the
 * object itself holds is read (never one from the prototype chain, so `__proto__`, `constructor`
 * or `toString` in a file mean nothing more than any other unknown key).
 */

export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownValue(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The key's value trimmed, or undefined when it is absent, not a string or blank. */
export function ownString(object: JsonObject, key: string): string | undefined {
  const value = ownValue(object, key);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A name, ARN or id: like ownString, but a value no name could be this long rejects the element. */
export function ownName(object: JsonObject, key: string, where: string): string | undefined {
  const value = ownString(object, key);
  if (value !== undefined && value.length > READ_LIMITS.maxValueChars) {
    throw new RowRejected(`${where}.${key} is ${value.length.toLocaleString('en-US')} characters long; values over ${READ_LIMITS.maxValueChars.toLocaleString('en-US')} characters are refused`);
  }
  return value;
}

/** The key's list; absent or null is an empty list, anything else that is not a list is rejected. */
export function ownList(object: JsonObject, key: string, where: string): readonly unknown[] {
  const value = ownValue(object, key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RowRejected(`${where}.${key} is not a list (${describeJson(value)})`);
  return value;
}

/** Names a JSON value's kind for a message without repeating the (untrusted, maybe large) value. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
