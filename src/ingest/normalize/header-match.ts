import { AttestError } from '../../errors.js';
import type { FieldSpec } from '../profile.js';
import { listNames, quoteValue } from './quote-value.js';

/** A bracketed note at the end of a header: "[READ ONLY]", "[Required]", "(UTC)". */
const TRAILING_NOTE = /\s*(?:\[[^\]]*\]|\([^)]*\))\s*$/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * The form in which headers are compared: NFKC, lower-case, trailing bracketed notes dropped, then
 * only letters and digits, so "Employee ID" = "employee_id" = "EmployeeID" and
 * "Last Sign In [READ ONLY]" = "Last Sign In". A header that is nothing but a note keeps it.
 */
export function headerKey(header: string): string {
  const folded = header.normalize('NFKC').toLowerCase();
  let stripped = folded;
  for (let next = stripped.replace(TRAILING_NOTE, ''); next !== stripped; next = stripped.replace(TRAILING_NOTE, '')) stripped = next;
  const key = stripped.replace(NOT_LETTER_OR_DIGIT, '');
  return key !== '' ? key : folded.replace(NOT_LETTER_OR_DIGIT, '');
}

export interface HeaderMatch {
  /** Field name → column index. */
  columns: ReadonlyMap<string, number>;
  /** Required fields no column was found for, in field order. */
  missing: readonly string[];
}

/** Column of each header key; a key that appears twice keeps its first column. */
function firstColumnByKey(header: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !columns.has(key)) columns.set(key, i);
  });
  return columns;
}

/** Resolves `mapping` ({field: "Header as written"}) to columns; every problem in one INVALID_MAPPING error. */
function mappedColumns(header: readonly string[], fields: readonly FieldSpec[], mapping: Readonly<Record<string, string>>): Map<string, number> {
  const byKey = firstColumnByKey(header);
  const columns = new Map<string, number>();
  const problems: string[] = [];
  const fieldNames = fields.map((f) => f.name);
  for (const [fieldName, headerText] of Object.entries(mapping)) {
    const field = fields.find((f) => f.name === fieldName) ?? fields.find((f) => headerKey(f.name) === headerKey(fieldName));
    if (!field) {
      problems.push(`${quoteValue(fieldName)} is not a field of this profile (fields: ${listNames(fieldNames)})`);
      continue;
    }
    const exact = header.findIndex((h) => h.trim() === headerText.trim());
    const column = exact >= 0 ? exact : byKey.get(headerKey(headerText));
    if (column === undefined) {
      problems.push(`the header ${quoteValue(headerText)} given for ${field.name} is not in the file (headers: ${listNames(header.map((h) => h.trim()))})`);
      continue;
    }
    columns.set(field.name, column);
  }
  if (problems.length > 0) {
    throw new AttestError('INVALID_MAPPING', `The column mapping does not fit this file: ${problems.join('; ')}. Fix the mapping file and import again.`);
  }
  return columns;
}

/**
 * Matches fields to header columns by headerKey of the field name, then of its synonyms in order;
 * `mapping` overrides and is validated (an unknown field or a header not in the file:
 * INVALID_MAPPING). A column serves one field: exact names are matched before synonyms, so a
 * synonym never takes a column another field is named after. A header that appears twice: the
 * first wins.
 */
export function matchHeader(header: readonly string[], fields: readonly FieldSpec[], mapping?: Readonly<Record<string, string>>): HeaderMatch {
  const columns = mapping ? mappedColumns(header, fields, mapping) : new Map<string, number>();
  const available = firstColumnByKey(header);
  for (const column of columns.values()) {
    for (const [key, index] of available) if (index === column) available.delete(key);
  }
  const claim = (field: FieldSpec, names: readonly string[]): void => {
    if (columns.has(field.name)) return;
    for (const name of names) {
      const key = headerKey(name);
      const column = available.get(key);
      if (column !== undefined) {
        columns.set(field.name, column);
        available.delete(key);
        return;
      }
    }
  };
  for (const field of fields) claim(field, [field.name]);
  for (const field of fields) claim(field, field.synonyms ?? []);
  const missing = fields.filter((f) => f.required && !columns.has(f.name)).map((f) => f.name);
  return { columns, missing };
}
