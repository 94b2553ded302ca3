import { isJsonObject, ownList, ownValue, type JsonObject } from '../../ingest/profiles/aws/json-shape.js';
import { ACCOUNT_TYPE, STATUS, type EntitlementMessage, type GrantSources, type ResourceMessage, type UserTraitMessage } from './baton-messages.js';

/**
 * The same baton messages as `baton-messages.ts` decodes from blobs, read from the proto3 JSON
 * that `baton resources|entitlements|grants -o json` prints: lowerCamelCase keys, enums as their
 * names (numbers accepted too), timestamps as RFC 3339 text, `Any` annotations with `@type`.
 * Only keys an object holds itself are read; anything of the wrong kind reads as absent.
 */

const USER_TRAIT = 'type.googleapis.com/c1.connector.v2.UserTrait';

function text(object: JsonObject, key: string): string | undefined {
  const value = ownValue(object, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function object(parent: JsonObject, key: string): JsonObject | undefined {
  const value = ownValue(parent, key);
  return isJsonObject(value) ? value : undefined;
}

function flag(parent: JsonObject | undefined, key: string): boolean | undefined {
  const value = parent === undefined ? undefined : ownValue(parent, key);
  return typeof value === 'boolean' ? value : undefined;
}

/** A `{flag}` message's flag: proto3 JSON leaves out a false field, so a present message without it says false. */
function messageFlag(parent: JsonObject, message: string, key: string): boolean | undefined {
  const inner = object(parent, message);
  return inner === undefined ? undefined : (flag(inner, key) ?? false);
}

/** An enum given by name (`STATUS_ENABLED`) or number, within `values` (by their lower-case suffix). */
function enumValue(value: unknown, prefix: string, values: Readonly<Record<string, number>>): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string' || !value.startsWith(prefix)) return undefined;
  return values[value.slice(prefix.length).toLowerCase()];
}

function timestamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getTime() === 0 ? undefined : date.toISOString();
}

function statusOf(parent: JsonObject, key: string): { status?: number; details?: string } {
  const status = object(parent, key);
  if (!status) return {};
  return { status: enumValue(ownValue(status, 'status'), 'STATUS_', STATUS), details: text(status, 'details') };
}

function strings(parent: JsonObject, key: string): string[] {
  return ownList(parent, key, key).filter((v): v is string => typeof v === 'string' && v !== '');
}

function userTrait(trait: JsonObject): UserTraitMessage {
  const status = statusOf(trait, 'status');
  const emails = ownList(trait, 'emails', 'emails')
    .filter(isJsonObject)
    .map((e) => ({ address: text(e, 'address') ?? '', primary: flag(e, 'isPrimary') === true }))
    .filter((e) => e.address !== '');
  return {
    emails,
    status: status.status,
    statusDetails: status.details,
    accountType: enumValue(ownValue(trait, 'accountType'), 'ACCOUNT_TYPE_', ACCOUNT_TYPE),
    login: text(trait, 'login'),
    loginAliases: strings(trait, 'loginAliases'),
    createdAt: timestamp(ownValue(trait, 'createdAt')),
    lastLogin: timestamp(ownValue(trait, 'lastLogin')),
    mfaEnabled: messageFlag(trait, 'mfaStatus', 'mfaEnabled'),
    ssoEnabled: messageFlag(trait, 'ssoStatus', 'ssoEnabled'),
    employeeIds: strings(trait, 'employeeIds'),
  };
}

export function resourceFromJson(resource: JsonObject): ResourceMessage {
  const id = object(resource, 'id');
  const parent = object(resource, 'parentResourceId');
  const status = statusOf(resource, 'status');
  // Unknown annotation types are skipped: connectors add their own.
  const trait = ownList(resource, 'annotations', 'annotations').filter(isJsonObject).find((a) => ownValue(a, '@type') === USER_TRAIT);
  return {
    type: id && text(id, 'resourceType'),
    id: id && text(id, 'resource'),
    parentType: parent && text(parent, 'resourceType'),
    parentId: parent && text(parent, 'resource'),
    displayName: text(resource, 'displayName'),
    description: text(resource, 'description'),
    status: status.status,
    statusDetails: status.details,
    createdAt: timestamp(ownValue(resource, 'createdAt')),
    user: trait && userTrait(trait),
  };
}

export function entitlementFromJson(entitlement: JsonObject): EntitlementMessage {
  const resource = object(entitlement, 'resource');
  return {
    id: text(entitlement, 'id'),
    displayName: text(entitlement, 'displayName'),
    description: text(entitlement, 'description'),
    slug: text(entitlement, 'slug'),
    resource: resource && resourceFromJson(resource),
  };
}

/** `grant.sources`: `{"sources": {"<entitlement id>": {"isDirect": true}}}`. */
export function sourcesFromJson(grant: JsonObject): GrantSources | undefined {
  const map = object(object(grant, 'sources') ?? {}, 'sources');
  if (!map) return undefined;
  const through = Object.keys(map).filter((key) => key !== '');
  const direct = through.some((key) => flag(object(map, key), 'isDirect') === true);
  return { through, direct };
}

/** Whether a resource type (`{"traits": ["TRAIT_USER"]}`) has the user trait. */
export function hasUserTrait(resourceType: JsonObject | undefined): boolean {
  if (!resourceType) return false;
  return ownList(resourceType, 'traits', 'traits').some((t) => t === 'TRAIT_USER' || t === 1);
}
