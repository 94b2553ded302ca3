import { awsTimestamp } from '../dates.js';
import type { AwsAccount, AwsUser, PolicyDocument } from '../model.js';
import { Rng } from '../prng.js';
import { AWS_GROUPS, AWS_POLICIES, awsRoles, findPolicy, policyArn } from '../systems/aws-catalogue.js';
import type { ManagedPolicy } from '../systems/aws-catalogue.js';
import { awsEntityId } from '../systems/aws.js';
import { sortedAwsUsers, userArn } from './aws-credential-report.js';

/**
 * `aws iam get-account-authorization-details` as JSON (4-space indent, like the CLI), with the
 * policy documents URL-encoded as the IAM API returns them. Policies lists every customer managed
 * policy and the AWS managed ones that are attached to something.
 */

interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}

const encodeDocument = (doc: PolicyDocument): string => encodeURIComponent(JSON.stringify(doc));
const catalogueTime = (text: string): string => `${text}+00:00`;

function entityId(seed: number, prefix: 'AGPA' | 'AROA' | 'ANPA', name: string): string {
  return awsEntityId(new Rng(seed, `aws-id/${prefix}/${name}`), prefix);
}

function attached(accountId: string, names: readonly string[]): AttachedPolicy[] {
  return names.map((name) => ({ PolicyName: name, PolicyArn: policyArn(findPolicy(name), accountId) }));
}

function userDetail(accountId: string, user: AwsUser) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: userArn(accountId, user),
    CreateDate: awsTimestamp(user.created),
    UserPolicyList: user.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) })),
    GroupList: [...user.groups],
    AttachedManagedPolicies: attached(accountId, user.attachedPolicies),
  };
}

function groupDetails(accountId: string, seed: number) {
  return AWS_GROUPS.map((g) => ({
    Path: '/',
    GroupName: g.name,
    GroupId: entityId(seed, 'AGPA', g.name),
    Arn: `arn:aws:iam::${accountId}:group/${g.name}`,
    CreateDate: catalogueTime(g.created),
    GroupPolicyList: g.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) })),
    AttachedManagedPolicies: attached(accountId, g.policies),
  }));
}

function roleDetails(accountId: string, seed: number) {
  return awsRoles(accountId).map((r) => ({
    Path: r.path,
    RoleName: r.name,
    RoleId: entityId(seed, 'AROA', r.name),
    Arn: `arn:aws:iam::${accountId}:role${r.path}${r.name}`,
    CreateDate: catalogueTime(r.created),
    AssumeRolePolicyDocument: encodeDocument(r.trust),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: attached(accountId, r.policies),
  }));
}

function attachmentCounts(account: AwsAccount): Map<string, number> {
  const names = [
    ...account.users.flatMap((u) => u.attachedPolicies),
    ...AWS_GROUPS.flatMap((g) => g.policies),
    ...awsRoles(account.accountId).flatMap((r) => r.policies),
  ];
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function policyDetail(accountId: string, seed: number, policy: ManagedPolicy, count: number) {
  return {
    PolicyName: policy.name,
    PolicyId: entityId(seed, 'ANPA', policy.name),
    Arn: policyArn(policy, accountId),
    Path: policy.path,
    DefaultVersionId: policy.defaultVersion,
    AttachmentCount: count,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: catalogueTime(policy.created),
    UpdateDate: catalogueTime(policy.updated),
    PolicyVersionList: [
      { Document: encodeDocument(policy.document), VersionId: policy.defaultVersion, IsDefaultVersion: true, CreateDate: catalogueTime(policy.updated) },
    ],
  };
}

export function awsAuthorizationDetails(account: AwsAccount, seed: number) {
  const counts = attachmentCounts(account);
  const listed = AWS_POLICIES.filter((p) => p.owner === 'account' || (counts.get(p.name) ?? 0) > 0);
  return {
    UserDetailList: sortedAwsUsers(account).map((u) => userDetail(account.accountId, u)),
    GroupDetailList: groupDetails(account.accountId, seed),
    RoleDetailList: roleDetails(account.accountId, seed),
    Policies: listed.map((p) => policyDetail(account.accountId, seed, p, counts.get(p.name) ?? 0)),
    IsTruncated: false,
  };
}

export function awsAuthorizationDetailsJson(account: AwsAccount, seed: number): { text: string; records: number } {
  const details = awsAuthorizationDetails(account, seed);
  const records = details.UserDetailList.length + details.GroupDetailList.length + details.RoleDetailList.length + details.Policies.length;
  return { text: `${JSON.stringify(details, null, 4)}\n`, records };
}
