import { matchHeader } from '../../normalize/header-match.js';
import type { FieldSpec, TableProfile } from '../../profile.js';

/**
 * How a profile recognises its header, by the fields matched (names and synonyms, as imports
 * match them): every entry of `all` must match (an array entry: any one of its fields), which
 * scores `base`; each field of `some` that matches adds its share of `max - base`.
 */
export interface HeaderSignature {
  all: readonly (string | readonly string[])[];
  some?: readonly string[];
  base: number;
  max?: number;
}

export function scoreHeader(header: readonly string[], fields: readonly FieldSpec[], signature: HeaderSignature): number {
  const { columns } = matchHeader(header, fields);
  const has = (name: string): boolean => columns.has(name);
  if (!signature.all.every((entry) => (typeof entry === 'string' ? has(entry) : entry.some(has)))) return 0;
  const some = signature.some ?? [];
  if (some.length === 0 || signature.max === undefined) return signature.base;
  return signature.base + ((signature.max - signature.base) * some.filter(has).length) / some.length;
}

/** A table profile whose detect() is its header signature. */
export function defineTableProfile(spec: Omit<TableProfile, 'kind' | 'detect'> & { signature: HeaderSignature }): TableProfile {
  const { signature, ...profile } = spec;
  return { kind: 'table', ...profile, detect: (header) => scoreHeader(header, profile.fields, signature) };
}

/** A field a file must have. */
export function required(name: string, ...synonyms: string[]): FieldSpec {
  return { name, required: true, synonyms };
}

/** A field a file may have. */
export function optional(name: string, ...synonyms: string[]): FieldSpec {
  return { name, required: false, synonyms };
}
