import { isJsonObject, ownString, ownValue } from './json-shape.js';
import type { JsonObject } from './json-shape.js';

/**
 * Whether an IAM policy makes its holder privileged. `undefined` means the file does not say
 * (a managed policy whose document is not in `Policies`, an unreadable document): unknown, which
 * the record leaves absent rather than claiming "not privileged".
 */
export type Privilege = boolean | undefined;

/** AWS managed policies that are privileged by name, whatever document a file shows for them. */
const PRIVILEGED_MANAGED_POLICIES: ReadonlySet<string> = new Set(['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess']);

/** The name a managed policy goes by: its PolicyName, or the last segment of its ARN. */
export function isPrivilegedPolicyName(name: string | undefined, arn: string): boolean {
  const fromArn = arn.slice(arn.lastIndexOf('/') + 1);
  return (name !== undefined && PRIVILEGED_MANAGED_POLICIES.has(name)) || PRIVILEGED_MANAGED_POLICIES.has(fromArn);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * A policy document as the IAM API returns it (URL-encoded JSON), as JSON text already decoded,
 * or as an object (the AWS CLI decodes documents itself); undefined when it cannot be read.
 */
export function readPolicyDocument(value: unknown): JsonObject | undefined {
  if (isJsonObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Decoding JSON that is not encoded would corrupt any "%" in it, so plain JSON is tried first.
  let parsed = text.startsWith('{') ? tryJson(text) : undefined;
  if (parsed === undefined) {
    const decoded = tryDecode(text);
    parsed = decoded === undefined ? undefined : tryJson(decoded);
  }
  return isJsonObject(parsed) ? parsed : undefined;
}

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value]);

function listHas(value: unknown, wanted: ReadonlySet<string>): boolean {
  return asList(value).some((item) => typeof item === 'string' && wanted.has(item.trim().toLowerCase()));
}

const ALL_OR_IAM_ACTIONS: ReadonlySet<string> = new Set(['*', 'iam:*']);
const ALL_RESOURCES: ReadonlySet<string> = new Set(['*']);

/** A statement that allows every action (or every IAM action) on every resource. */
function grantsAdministration(statement: unknown): boolean {
  if (!isJsonObject(statement)) return false;
  return (
    ownString(statement, 'Effect')?.toLowerCase() === 'allow' &&
    listHas(ownValue(statement, 'Action'), ALL_OR_IAM_ACTIONS) &&
    listHas(ownValue(statement, 'Resource'), ALL_RESOURCES)
  );
}

/** Judges a policy document (see readPolicyDocument for the forms accepted). */
export function documentPrivilege(value: unknown): Privilege {
  const document = readPolicyDocument(value);
  if (document === undefined) return undefined;
  const statements = ownValue(document, 'Statement');
  if (statements === undefined || statements === null) return false;
  return asList(statements).some(grantsAdministration);
}

/** Holding several things: privileged if any is; unknown if none is but some are unknown. */
export function anyPrivilege(values: Iterable<Privilege>): Privilege {
  let unknown = false;
  for (const value of values) {
    if (value === true) return true;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}
