import { ProtobufReader } from './protobuf-reader.js';

/**
 * Decoders for the parts of baton's `c1.connector.v2` messages that Attest reads, written from
 * their field numbers (docs/connectors.md). Absent fields stay undefined.
 */

export const TRAIT = { user: 1, group: 2, role: 3, app: 4, secret: 5 } as const;
export const STATUS = { unspecified: 0, enabled: 1, disabled: 2, deleted: 3 } as const;
export const ACCOUNT_TYPE = { unspecified: 0, human: 1, service: 2, system: 3 } as const;

const TYPE_URL_PREFIX = 'type.googleapis.com/c1.connector.v2.';

export interface ResourceTypeMessage {
  id?: string;
  displayName?: string;
  traits: number[];
}

export interface UserTraitMessage {
  emails: { address: string; primary: boolean }[];
  status?: number;
  statusDetails?: string;
  accountType?: number;
  login?: string;
  loginAliases: string[];
  createdAt?: string;
  lastLogin?: string;
  mfaEnabled?: boolean;
  ssoEnabled?: boolean;
  employeeIds: string[];
}

export interface ResourceMessage {
  type?: string;
  id?: string;
  parentType?: string;
  parentId?: string;
  displayName?: string;
  description?: string;
  status?: number;
  statusDetails?: string;
  createdAt?: string;
  user?: UserTraitMessage;
}

export interface EntitlementMessage {
  id?: string;
  displayName?: string;
  description?: string;
  slug?: string;
  purpose?: number;
  resource?: ResourceMessage;
}

export interface GrantSources {
  /** Entitlement ids the grant comes through. */
  through: string[];
  /** A source said the grant is (also) direct. */
  direct: boolean;
}

/** google.protobuf.Timestamp as an ISO 8601 UTC timestamp; the epoch (an unset time) as undefined. */
function timestamp(reader: ProtobufReader): string | undefined {
  let seconds = 0;
  let nanos = 0;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) seconds = reader.varint();
    else if (field === 2) nanos = reader.varint();
    else reader.skip();
  }
  if (seconds === 0 && nanos === 0) return undefined;
  const date = new Date(seconds * 1000 + Math.floor(nanos / 1e6));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A `{status 1, details 2}` message. */
function status(reader: ProtobufReader): { status?: number; details?: string } {
  const out: { status?: number; details?: string } = {};
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) out.status = reader.varint();
    else if (field === 2) out.details = reader.string();
    else reader.skip();
  }
  return out;
}

/** The first boolean field 1 of a small message (`{mfa_enabled 1}`, `{sso_enabled 1}`, `{is_direct 1}`). */
function flag(reader: ProtobufReader): boolean {
  let value = false;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) value = reader.bool();
    else reader.skip();
  }
  return value;
}

function resourceId(reader: ProtobufReader): { type?: string; id?: string } {
  const out: { type?: string; id?: string } = {};
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) out.type = reader.string();
    else if (field === 2) out.id = reader.string();
    else reader.skip();
  }
  return out;
}

function userTrait(reader: ProtobufReader): UserTraitMessage {
  const out: UserTraitMessage = { emails: [], loginAliases: [], employeeIds: [] };
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    switch (field) {
      case 1: {
        const email = reader.message();
        let address = '';
        let primary = false;
        for (let f = email.next(); f !== 0; f = email.next()) {
          if (f === 1) address = email.string();
          else if (f === 2) primary = email.bool();
          else email.skip();
        }
        if (address !== '') out.emails.push({ address, primary });
        break;
      }
      case 2: {
        const s = status(reader.message());
        out.status = s.status;
        out.statusDetails = s.details;
        break;
      }
      case 5:
        out.accountType = reader.varint();
        break;
      case 6:
        out.login = reader.string();
        break;
      case 7:
        out.loginAliases.push(reader.string());
        break;
      case 8:
        out.createdAt = timestamp(reader.message());
        break;
      case 9:
        out.lastLogin = timestamp(reader.message());
        break;
      case 10:
        out.mfaEnabled = flag(reader.message());
        break;
      case 11:
        out.ssoEnabled = flag(reader.message());
        break;
      case 13:
        out.employeeIds.push(reader.string());
        break;
      default:
        reader.skip();
    }
  }
  return out;
}

/** A google.protobuf.Any annotation: its type name (after the c1 prefix) and its value's reader. */
function annotation(reader: ProtobufReader): { name: string; value: ProtobufReader | undefined } {
  let name = '';
  let value: ProtobufReader | undefined;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) {
      const url = reader.string();
      name = url.startsWith(TYPE_URL_PREFIX) ? url.slice(TYPE_URL_PREFIX.length) : url;
    } else if (field === 2) value = reader.message();
    else reader.skip();
  }
  return { name, value };
}

export function decodeResourceType(blob: Buffer): ResourceTypeMessage {
  const reader = new ProtobufReader(blob);
  const out: ResourceTypeMessage = { traits: [] };
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field === 1) out.id = reader.string();
    else if (field === 2) out.displayName = reader.string();
    else if (field === 3) reader.varints(out.traits);
    else reader.skip();
  }
  return out;
}

function resource(reader: ProtobufReader, withTraits: boolean): ResourceMessage {
  const out: ResourceMessage = {};
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    switch (field) {
      case 1: {
        const id = resourceId(reader.message());
        out.type = id.type;
        out.id = id.id;
        break;
      }
      case 2: {
        const parent = resourceId(reader.message());
        out.parentType = parent.type;
        out.parentId = parent.id;
        break;
      }
      case 3:
        out.displayName = reader.string();
        break;
      case 4: {
        if (!withTraits) {
          reader.skip();
          break;
        }
        // Unknown annotation types are skipped: connectors add their own.
        const any = annotation(reader.message());
        if (any.name === 'UserTrait' && any.value) out.user = userTrait(any.value);
        break;
      }
      case 5:
        out.description = reader.string();
        break;
      case 11: {
        const s = status(reader.message());
        out.status = s.status;
        out.statusDetails = s.details;
        break;
      }
      case 12:
        out.createdAt = timestamp(reader.message());
        break;
      default:
        reader.skip();
    }
  }
  return out;
}

export function decodeResource(blob: Buffer): ResourceMessage {
  return resource(new ProtobufReader(blob), true);
}

export function decodeEntitlement(blob: Buffer): EntitlementMessage {
  const reader = new ProtobufReader(blob);
  const out: EntitlementMessage = {};
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    switch (field) {
      case 1:
        out.resource = resource(reader.message(), false);
        break;
      case 2:
        out.id = reader.string();
        break;
      case 3:
        out.displayName = reader.string();
        break;
      case 4:
        out.description = reader.string();
        break;
      case 7:
        out.purpose = reader.varint();
        break;
      case 8:
        out.slug = reader.string();
        break;
      default:
        reader.skip();
    }
  }
  return out;
}

/**
 * A grant's `sources` (field 5), the only part of a Grant read: the entitlement and principal
 * are rebuilt from the row's columns, which every writer fills (some leave the blob's empty).
 */
export function decodeGrantSources(blob: Buffer): GrantSources | undefined {
  const reader = new ProtobufReader(blob);
  let sources: GrantSources | undefined;
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    if (field !== 5) {
      reader.skip();
      continue;
    }
    sources ??= { through: [], direct: false };
    const map = reader.message();
    for (let f = map.next(); f !== 0; f = map.next()) {
      if (f !== 1) {
        map.skip();
        continue;
      }
      const entry = map.message();
      let key = '';
      let direct = false;
      for (let e = entry.next(); e !== 0; e = entry.next()) {
        if (e === 1) key = entry.string();
        else if (e === 2) direct = flag(entry.message());
        else entry.skip();
      }
      if (direct) sources.direct = true;
      if (key !== '') sources.through.push(key);
    }
  }
  return sources;
}
