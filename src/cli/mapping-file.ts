import { readFileSync } from 'node:fs';
import { AttestError } from '../errors.js';

/** `--mapping FILE`: a JSON object {field: "Header as written"}. */
export function readMappingFile(path: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AttestError('INVALID_MAPPING', `Cannot read the mapping file ${path} (${why}). It must be JSON like {"Account": "User Name", "Entitlement": "Role"}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new AttestError('INVALID_MAPPING', `The mapping file ${path} must be one JSON object of field names to header names, like {"Account": "User Name"}.`);
  }
  return Object.fromEntries(Object.entries(value as Record<string, string>));
}
