import type { AccountRecord, AccountType, EntitlementRecord } from '../../ingest/records.js';
import { ACCOUNT_TYPE, STATUS, type EntitlementMessage, type GrantSources, type ResourceMessage } from './baton-messages.js';

/**
 * How baton's records map onto the workspace's: resources with the user trait are accounts,
 * entitlements are entitlements, and a grant is direct unless its sources say it comes only
 * through other entitlements (an expanded group membership).
 */

/** Accounts and resources are keyed `<resource type>:<resource id>`, as baton's external ids are. */
export function resourceKey(type: string, id: string): string {
  return `${type}:${id}`;
}

const ACCOUNT_TYPES: Record<number, AccountType | undefined> = {
  [ACCOUNT_TYPE.human]: 'human',
  [ACCOUNT_TYPE.service]: 'service',
  // The workspace has no "system" type: such an account is a service account, noted in its attributes.
  [ACCOUNT_TYPE.system]: 'service',
};

const STATUS_NAMES: Record<number, string> = { [STATUS.enabled]: 'enabled', [STATUS.disabled]: 'disabled', [STATUS.deleted]: 'deleted' };

export function accountOf(key: string, resource: ResourceMessage): AccountRecord {
  const user = resource.user;
  // Fields 11 and 12 exist on resources from SDK v0.19; older data has them on the trait only.
  const status = resource.status ?? user?.status ?? STATUS.unspecified;
  const emails = user?.emails ?? [];
  const email = (emails.find((e) => e.primary) ?? emails[0])?.address;
  const attributes: Record<string, string> = { resourceType: resource.type ?? '', resourceId: resource.id ?? '' };
  if (status === STATUS.unspecified) attributes.status = 'unspecified';
  else if (status === STATUS.deleted) attributes.status = 'deleted';
  const details = resource.statusDetails ?? user?.statusDetails;
  // Details that only repeat the status ("Enabled") say nothing.
  if (details && details.toLowerCase() !== statusName(status)) attributes.statusDetails = details;
  if (user?.accountType === ACCOUNT_TYPE.system) attributes.accountType = 'system';
  if (user?.loginAliases.length) attributes.loginAliases = user.loginAliases.join(', ');
  if ((user?.employeeIds.length ?? 0) > 1) attributes.employeeIds = user?.employeeIds.join(', ') ?? '';
  if (emails.length > 1) attributes.emails = emails.map((e) => e.address).join(', ');
  if (user?.ssoEnabled !== undefined) attributes.sso = user.ssoEnabled ? 'enabled' : 'disabled';
  if (resource.parentType && resource.parentId) attributes.parent = resourceKey(resource.parentType, resource.parentId);
  const accountType = user?.accountType === undefined ? undefined : ACCOUNT_TYPES[user.accountType];
  const createdAt = resource.createdAt ?? user?.createdAt;
  return {
    key,
    login: user?.login || email || resource.displayName || resource.id || key,
    email: email ?? null,
    displayName: resource.displayName ?? null,
    employeeId: user?.employeeIds[0] ?? null,
    // Unspecified is read as enabled: the connector did not say the account cannot sign in.
    status: status === STATUS.disabled || status === STATUS.deleted ? 'disabled' : 'enabled',
    ...(accountType ? { accountType } : {}),
    mfa: user?.mfaEnabled ?? null,
    createdOn: createdAt ? createdAt.slice(0, 10) : null,
    lastLogin: user?.lastLogin ?? null,
    attributes,
  };
}

/** The status a connector gave, for counts and notes. */
export function statusName(status: number | undefined): string {
  return STATUS_NAMES[status ?? STATUS.unspecified] ?? 'unspecified';
}

export function entitlementOf(key: string, resourceName: string | undefined, resourceType: string, message: EntitlementMessage): EntitlementRecord {
  const label = message.displayName || message.slug || key;
  return {
    key,
    name: resourceName ? `${resourceName} ${label}` : label,
    type: resourceType,
    description: message.description || null,
  };
}

/** What a grant comes through: null when direct (no sources, its own entitlement, or a direct source). */
export function viaOf(entitlementKey: string, sources: GrantSources | undefined): string | null {
  if (!sources || sources.direct || sources.through.length === 0 || sources.through.includes(entitlementKey)) return null;
  return [...sources.through].sort().join('; ');
}
