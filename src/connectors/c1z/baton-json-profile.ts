import { describeJson, isJsonObject, ownValue, type JsonObject } from '../../ingest/profiles/aws/json-shape.js';
import { RowRejected, type JsonProfile } from '../../ingest/profile.js';
import type { RecordSink } from '../../ingest/records.js';
import { READ_LIMITS } from '../../ingest/source.js';
import { entitlementFromJson, hasUserTrait, resourceFromJson, sourcesFromJson } from './baton-json-messages.js';
import type { ResourceMessage } from './baton-messages.js';
import { accountOf, entitlementOf, resourceKey, viaOf } from './sync-records.js';

/**
 * What `baton resources|entitlements|grants -o json` prints (ResourceListOutput,
 * EntitlementListOutput, GrantListOutput): the path for v3 (Pebble) files, whose owners can run
 * the baton CLI. Give the three files to one import for the whole picture; the grants file alone
 * already names its accounts (each grant carries its principal). Mapped as a `.c1z` is.
 */

const LISTS = { resources: 'resource', entitlements: 'entitlement', grants: 'grant' } as const;

function checked(value: string | undefined, where: string): string | undefined {
  if (value !== undefined && value.length > READ_LIMITS.maxValueChars) throw new RowRejected(`${where} is ${value.length.toLocaleString('en-US')} characters long; values over ${READ_LIMITS.maxValueChars.toLocaleString('en-US')} characters are refused`);
  return value;
}

/** The resource as an account, when it is one (its type has the user trait, or it carries a UserTrait). */
function account(resource: ResourceMessage, userType: boolean, sink: RecordSink, where: string): string | undefined {
  const type = checked(resource.type, `${where} resource type`);
  const id = checked(resource.id, `${where} resource id`);
  if (!type || !id || !(userType || resource.user)) return undefined;
  const key = resourceKey(type, id);
  sink.account(accountOf(key, resource));
  return key;
}

function element(list: unknown[], index: number, name: string): JsonObject {
  const value = list[index];
  if (!isJsonObject(value)) throw new RowRejected(`${name}[${index}] is ${describeJson(value)}, not an object`);
  return value;
}

function optional(outer: JsonObject, key: string): JsonObject | undefined {
  const value = ownValue(outer, key);
  return isJsonObject(value) ? value : undefined;
}

function inner(outer: JsonObject, key: string, where: string): JsonObject {
  const value = optional(outer, key);
  if (!value) throw new RowRejected(`${where} has no ${key} object`);
  return value;
}

function mapResource(outer: JsonObject, sink: RecordSink, where: string): void {
  account(resourceFromJson(inner(outer, 'resource', where)), hasUserTrait(optional(outer, 'resourceType')), sink, where);
}

function mapEntitlement(entitlementJson: JsonObject, resourceJson: JsonObject | undefined, sink: RecordSink, where: string): string {
  const message = entitlementFromJson(entitlementJson);
  const key = checked(message.id, `${where} entitlement id`);
  if (!key) throw new RowRejected(`${where} has an entitlement without an id`);
  const resource = resourceJson ? resourceFromJson(resourceJson) : message.resource;
  sink.entitlement(entitlementOf(key, resource?.displayName, resource?.type ?? 'resource', message));
  return key;
}

function mapGrant(outer: JsonObject, sink: RecordSink, where: string): void {
  const grant = inner(outer, 'grant', where);
  const entitlement = mapEntitlement(optional(outer, 'entitlement') ?? inner(grant, 'entitlement', where), optional(outer, 'resource'), sink, where);
  // The output's principal is the whole resource (with its traits); the grant's may be only its id.
  const principal = resourceFromJson(optional(outer, 'principal') ?? inner(grant, 'principal', where));
  const accountKey = account(principal, false, sink, `${where} principal`);
  // Grants to groups and other non-account principals: their members' grants are listed when expanded.
  if (accountKey) sink.grant(accountKey, entitlement, viaOf(entitlement, sourcesFromJson(grant)));
}

function mapDocument(document: unknown, sink: RecordSink, setLine: (line: number) => void): void {
  if (!isJsonObject(document)) throw new RowRejected(`not baton JSON output: the top level is ${describeJson(document)}, not an object`);
  let line = 0;
  for (const name of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const list = ownValue(document, name);
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      setLine(++line);
      const where = `${name}[${index}]`;
      try {
        const outer = element(list, index, name);
        if (name === 'resources') mapResource(outer, sink, where);
        else if (name === 'entitlements') mapEntitlement(inner(outer, 'entitlement', where), optional(outer, 'resource'), sink, where);
        else mapGrant(outer, sink, where);
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        sink.reject(error.message);
      }
    }
  }
}

function detect(document: unknown): number {
  if (!isJsonObject(document)) return 0;
  for (const [name, inner] of Object.entries(LISTS)) {
    const list = ownValue(document, name);
    if (Array.isArray(list) && (list.length === 0 ? Object.keys(document).length === 1 : isJsonObject(list[0]) && Object.hasOwn(list[0], inner))) return 0.95;
  }
  return 0;
}

export const batonJsonProfile: JsonProfile = {
  kind: 'json',
  name: 'baton-json',
  content: 'access',
  description: 'The JSON of `baton resources|entitlements|grants -o json` (for v3 .c1z files): accounts, entitlements, grants direct or inherited',
  detect,
  mapDocument,
};
