import { parseDate } from '../normalize/dates.js';
import { quoteValue } from '../normalize/quote-value.js';
import { RowRejected } from '../profile.js';
import type { JsonProfile } from '../profile.js';
import type { EntitlementRecord, RecordSink } from '../records.js';
import { READ_LIMITS } from '../source.js';
import { attributesOf, compact, dayOf } from './table/record-parts.js';
import { describeJson, isJsonObject, ownList, ownName, ownString, ownValue } from './aws/json-shape.js';
import type { JsonObject } from './aws/json-shape.js';
import { anyPrivilege, documentPrivilege, isPrivilegedPolicyName } from './aws/policy-privilege.js';
import type { Privilege } from './aws/policy-privilege.js';

/**
 * `aws iam get-account-authorization-details` (JSON). Each IAM user is an account keyed by its
 * ARN; what it holds is its groups, its inline policies and its attached managed policies
 * (granted directly), and the managed and inline policies of its groups (granted via
 * `group:<GroupName>`). The entitlements are every group and every policy attached to a user or a
 * group. Roles are not read in this version.
 */

interface HeldPolicy {
  key: string;
  name: string;
  type: 'inline-policy' | 'managed-policy';
  privileged: Privilege;
}

interface Group {
  key: string;
  name: string;
  policies: readonly HeldPolicy[];
  privileged: Privilege;
}

interface ManagedPolicy {
  name: string | undefined;
  privileged: Privilege;
}

interface Catalogue {
  managed: ReadonlyMap<string, ManagedPolicy>;
  groups: ReadonlyMap<string, Group>;
}

const MANAGED_POLICIES = 'Policies';
const GROUPS = 'GroupDetailList';
const USERS = 'UserDetailList';

function element(list: readonly unknown[], index: number, where: string): JsonObject {
  const value = list[index];
  if (!isJsonObject(value)) throw new RowRejected(`${where} is not an object (${describeJson(value)})`);
  return value;
}

function defaultVersionDocument(policy: JsonObject, where: string): unknown {
  const versions = ownList(policy, 'PolicyVersionList', where).filter(isJsonObject);
  const defaultId = ownString(policy, 'DefaultVersionId');
  const chosen =
    versions.find((v) => ownValue(v, 'IsDefaultVersion') === true) ??
    (defaultId === undefined ? undefined : versions.find((v) => ownString(v, 'VersionId') === defaultId));
  return chosen === undefined ? undefined : ownValue(chosen, 'Document');
}

function readManagedPolicy(list: readonly unknown[], index: number): [string, ManagedPolicy] {
  const where = `${MANAGED_POLICIES}[${index}]`;
  const policy = element(list, index, where);
  const arn = ownName(policy, 'Arn', where);
  if (arn === undefined) throw new RowRejected(`${where} has no Arn`);
  const name = ownName(policy, 'PolicyName', where);
  const privileged = isPrivilegedPolicyName(name, arn) || documentPrivilege(defaultVersionDocument(policy, where));
  return [arn, { name, privileged }];
}

function attachedPolicies(owner: JsonObject, where: string, managed: ReadonlyMap<string, ManagedPolicy>): HeldPolicy[] {
  const list = ownList(owner, 'AttachedManagedPolicies', where);
  return list.map((_, index) => {
    const itemWhere = `${where}.AttachedManagedPolicies[${index}]`;
    const attached = element(list, index, itemWhere);
    const arn = ownName(attached, 'PolicyArn', itemWhere);
    if (arn === undefined) throw new RowRejected(`${itemWhere} has no PolicyArn`);
    const listed = managed.get(arn);
    const name = ownName(attached, 'PolicyName', itemWhere) ?? listed?.name ?? arn.slice(arn.lastIndexOf('/') + 1);
    // A policy missing from Policies (the export was filtered) is judged by its name alone.
    const privileged = isPrivilegedPolicyName(name, arn) || listed?.privileged;
    return { key: arn, name, type: 'managed-policy', privileged };
  });
}

function inlinePolicies(owner: JsonObject, listKey: string, ownerKey: string, where: string): HeldPolicy[] {
  const list = ownList(owner, listKey, where);
  return list.map((_, index) => {
    const itemWhere = `${where}.${listKey}[${index}]`;
    const inline = element(list, index, itemWhere);
    const name = ownName(inline, 'PolicyName', itemWhere);
    if (name === undefined) throw new RowRejected(`${itemWhere} has no PolicyName`);
    return { key: `${ownerKey}/inline/${name}`, name, type: 'inline-policy', privileged: documentPrivilege(ownValue(inline, 'PolicyDocument')) };
  });
}

function readGroup(list: readonly unknown[], index: number, managed: ReadonlyMap<string, ManagedPolicy>): Group {
  const where = `${GROUPS}[${index}]`;
  const group = element(list, index, where);
  const name = ownName(group, 'GroupName', where);
  if (name === undefined) throw new RowRejected(`${where} has no GroupName`);
  const key = ownName(group, 'Arn', where) ?? `group:${name}`;
  const named = `${where} (${name})`;
  const policies = [...attachedPolicies(group, named, managed), ...inlinePolicies(group, 'GroupPolicyList', key, named)];
  return { key, name, policies, privileged: anyPrivilege(policies.map((p) => p.privileged)) };
}

/** A group a user names that GroupDetailList does not hold: known by name only. */
const unlistedGroup = (name: string): Group => ({ key: `group:${name}`, name, policies: [], privileged: undefined });

interface User {
  arn: string;
  userName: string;
  userId: string | undefined;
  path: string | undefined;
  createdOn: string | null;
  groups: readonly Group[];
  policies: readonly HeldPolicy[];
}

function readUser(list: readonly unknown[], index: number, catalogue: Catalogue): User {
  const where = `${USERS}[${index}]`;
  const user = element(list, index, where);
  const userName = ownName(user, 'UserName', where);
  if (userName === undefined) throw new RowRejected(`${where} has no UserName`);
  const named = `${where} (${userName})`;
  const arn = ownName(user, 'Arn', named);
  if (arn === undefined) throw new RowRejected(`${named} has no Arn`);
  const groupNames = ownList(user, 'GroupList', named);
  const groups = groupNames.map((value, i) => {
    const name = typeof value === 'string' ? value.trim() : '';
    if (name === '' || name.length > READ_LIMITS.maxValueChars) throw new RowRejected(`${named}.GroupList[${i}] is not a group name (${describeJson(value)})`);
    return catalogue.groups.get(name) ?? unlistedGroup(name);
  });
  const created = ownValue(user, 'CreateDate');
  const createdOn = created === undefined || created === null ? null : typeof created === 'string' ? parseDate(created) : undefined;
  if (createdOn === undefined) throw new RowRejected(`${named}: CreateDate ${typeof created === 'string' ? quoteValue(created) : describeJson(created)} is not a date`);
  return {
    arn,
    userName,
    userId: ownName(user, 'UserId', named),
    path: ownName(user, 'Path', named),
    createdOn,
    groups,
    policies: [...inlinePolicies(user, 'UserPolicyList', arn, named), ...attachedPolicies(user, named, catalogue.managed)],
  };
}

function entitlementRecord(held: { key: string; name: string; privileged: Privilege }, type: string): EntitlementRecord {
  return compact({ key: held.key, name: held.name, type, privileged: held.privileged });
}

/** Each entitlement once, however many users hold it. */
class EntitlementEmitter {
  private readonly emitted = new Set<string>();
  constructor(private readonly sink: RecordSink) {}

  group(group: Group): void {
    this.emit(entitlementRecord(group, 'group'));
    for (const policy of group.policies) this.policy(policy);
  }

  policy(policy: HeldPolicy): void {
    this.emit(entitlementRecord(policy, policy.type));
  }

  private emit(record: EntitlementRecord): void {
    if (this.emitted.has(record.key)) return;
    this.emitted.add(record.key);
    this.sink.entitlement(record);
  }
}

/** IAM has no account type: a path like /service/ or a name like svc-deploy is how accounts say it. */
function isServiceUser(user: User): boolean {
  return (user.path ?? '').toLowerCase().split('/').some((segment) => segment.includes('service')) || user.userName.toLowerCase().startsWith('svc');
}

function mapUser(user: User, sink: RecordSink, entitlements: EntitlementEmitter): void {
  const privileged = anyPrivilege([...user.groups.flatMap((g) => [g.privileged, ...g.policies.map((p) => p.privileged)]), ...user.policies.map((p) => p.privileged)]);
  sink.account(
    compact({
      key: user.arn,
      login: user.userName,
      // IAM users cannot be disabled, only stripped of credentials (the credential report shows those).
      status: 'enabled' as const,
      accountType: isServiceUser(user) ? ('service' as const) : undefined,
      privileged,
      createdOn: dayOf(user.createdOn),
      attributes: attributesOf({ userId: user.userId, path: user.path }),
    }),
  );
  for (const group of user.groups) {
    entitlements.group(group);
    sink.grant(user.arn, group.key, null);
    // The same policy may also be held directly: both grants are emitted, the pipeline merges them.
    for (const policy of group.policies) sink.grant(user.arn, policy.key, `group:${group.name}`);
  }
  for (const policy of user.policies) {
    entitlements.policy(policy);
    sink.grant(user.arn, policy.key, null);
  }
}

/** Maps list[index] for each element, rejecting (at line index + 1) an element that cannot be read. */
function eachElement(list: readonly unknown[], sink: RecordSink, setLine: (line: number) => void, map: (index: number) => void): void {
  for (let index = 0; index < list.length; index++) {
    setLine(index + 1);
    try {
      map(index);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      sink.reject(error.message);
    }
  }
}

const NOT_THIS_FORMAT = 'not an AWS get-account-authorization-details document';

/** A top-level list; absent or null is empty, anything else refuses the whole document. */
function topLevelList(document: JsonObject, key: string): readonly unknown[] {
  const value = ownValue(document, key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RowRejected(`${NOT_THIS_FORMAT}: its ${key} is ${describeJson(value)}, not a list`);
  return value;
}

/** Throws RowRejected (which rejects the whole document) when it is not this format at all. */
function mapDocument(document: unknown, sink: RecordSink, setLine: (line: number) => void): void {
  if (!isJsonObject(document)) throw new RowRejected(`${NOT_THIS_FORMAT}: the top level is ${describeJson(document)}, not an object`);
  if (ownValue(document, USERS) === undefined) throw new RowRejected(`${NOT_THIS_FORMAT}: it has no ${USERS}`);
  const users = topLevelList(document, USERS);
  const groupList = topLevelList(document, GROUPS);
  const policyList = topLevelList(document, MANAGED_POLICIES);
  // Rejecting line 0 (the document, before any element) tells the user without dropping a record.
  if (ownValue(document, 'IsTruncated') === true || ownString(document, 'NextToken') !== undefined) {
    sink.reject('the export is incomplete (IsTruncated or NextToken is set): export again without --max-items to get every user');
  }

  const managed = new Map<string, ManagedPolicy>();
  eachElement(policyList, sink, setLine, (index) => {
    const [arn, policy] = readManagedPolicy(policyList, index);
    if (!managed.has(arn)) managed.set(arn, policy);
  });

  const entitlements = new EntitlementEmitter(sink);
  const groups = new Map<string, Group>();
  eachElement(groupList, sink, setLine, (index) => {
    const group = readGroup(groupList, index, managed);
    if (groups.has(group.name)) return;
    groups.set(group.name, group);
    entitlements.group(group);
  });

  const catalogue: Catalogue = { managed, groups };
  eachElement(users, sink, setLine, (index) => mapUser(readUser(users, index, catalogue), sink, entitlements));
}

function detect(document: unknown): number {
  if (!isJsonObject(document)) return 0;
  const isList = (key: string): boolean => Array.isArray(ownValue(document, key));
  return isList(USERS) && (isList(GROUPS) || isList(MANAGED_POLICIES)) ? 0.95 : 0;
}

export const awsAuthorizationDetailsProfile: JsonProfile = {
  kind: 'json',
  name: 'aws-authorization-details',
  content: 'access',
  description: 'AWS IAM get-account-authorization-details (JSON): users, their groups and their inline and managed policies',
  defaultSystem: 'AWS',
  detect,
  mapDocument,
};
