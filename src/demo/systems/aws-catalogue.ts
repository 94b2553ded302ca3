import type { PolicyDocument } from '../model.js';

/**
 * The AWS account's fixed structure: managed policies, groups and roles. Users are built in
 * ./aws.ts. Only AdministratorAccess grants "*" on "*"; the demo's "privileged AWS user" means a
 * user holding it, directly or through a group (the Admins group).
 */

export const ADMIN_POLICY = 'AdministratorAccess';
export const ADMIN_GROUP = 'Admins';

export interface ManagedPolicy {
  name: string;
  /** 'aws' for AWS managed policies (arn:aws:iam::aws:policy/...), 'account' for customer managed. */
  owner: 'aws' | 'account';
  path: string;
  created: string;
  updated: string;
  defaultVersion: string;
  document: PolicyDocument;
}

const allow = (action: string | string[], resource: string | string[] = '*', sid?: string): PolicyDocument['Statement'][number] =>
  sid ? { Sid: sid, Effect: 'Allow', Action: action, Resource: resource } : { Effect: 'Allow', Action: action, Resource: resource };

const doc = (...statements: PolicyDocument['Statement']): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });

export const AWS_POLICIES: readonly ManagedPolicy[] = [
  { name: ADMIN_POLICY, owner: 'aws', path: '/', created: '2015-02-06T18:39:46', updated: '2015-02-06T18:39:46', defaultVersion: 'v1', document: doc(allow('*')) },
  {
    name: 'ReadOnlyAccess', owner: 'aws', path: '/', created: '2015-02-06T18:39:48', updated: '2026-06-18T15:02:11', defaultVersion: 'v121',
    document: doc(allow(['*:Describe*', '*:Get*', '*:List*', 'cloudwatch:Query*', 's3:Head*'], '*', 'AllowReadOnly')),
  },
  {
    name: 'SecurityAudit', owner: 'aws', path: '/', created: '2015-02-06T18:41:01', updated: '2026-05-02T09:15:42', defaultVersion: 'v48',
    document: doc(allow(['iam:GenerateCredentialReport', 'iam:Get*', 'iam:List*', 'cloudtrail:Describe*', 'cloudtrail:LookupEvents', 'config:Describe*'])),
  },
  {
    name: 'Billing', owner: 'aws', path: '/job-function/', created: '2016-11-10T17:33:18', updated: '2025-11-20T10:04:37', defaultVersion: 'v14',
    document: doc(allow(['aws-portal:*Billing', 'aws-portal:*Usage', 'budgets:*', 'ce:*', 'cur:*', 'tax:*'])),
  },
  {
    name: 'AmazonS3ReadOnlyAccess', owner: 'aws', path: '/', created: '2015-02-06T18:40:59', updated: '2023-08-10T21:31:39', defaultVersion: 'v3',
    document: doc(allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])),
  },
  {
    name: 'DeveloperAccess', owner: 'account', path: '/', created: '2019-05-21T10:12:03', updated: '2025-02-11T16:40:27', defaultVersion: 'v4',
    document: doc(
      allow(['ec2:*', 'ecs:*', 'ecr:*', 'lambda:*', 'logs:*', 'cloudwatch:*', 'dynamodb:*', 'sqs:*', 'sns:*'], '*', 'BuildAndRun'),
      allow(['s3:GetObject', 's3:PutObject', 's3:ListBucket'], ['arn:aws:s3:::northwind-dev-*', 'arn:aws:s3:::northwind-dev-*/*'], 'DevBuckets'),
    ),
  },
  {
    name: 'DataPipelineOperator', owner: 'account', path: '/', created: '2021-09-02T13:55:10', updated: '2024-03-19T08:27:51', defaultVersion: 'v2',
    document: doc(allow(['glue:StartJobRun', 'glue:GetJob*', 'athena:StartQueryExecution', 'athena:GetQuery*', 'states:StartExecution'])),
  },
  {
    name: 'BackupToVault', owner: 'account', path: '/service/', created: '2020-01-27T11:30:45', updated: '2020-01-27T11:30:45', defaultVersion: 'v1',
    document: doc(allow(['s3:PutObject', 's3:ListBucket'], ['arn:aws:s3:::northwind-backup-vault', 'arn:aws:s3:::northwind-backup-vault/*'])),
  },
  {
    name: 'CiDeployPolicy', owner: 'account', path: '/service/', created: '2020-06-08T14:02:19', updated: '2025-09-30T07:45:03', defaultVersion: 'v7',
    document: doc(allow(['cloudformation:*', 'ecr:*', 'ecs:UpdateService', 'ecs:RegisterTaskDefinition', 'iam:PassRole'])),
  },
];

export interface GroupSpec {
  name: string;
  created: string;
  policies: readonly string[];
  inline: readonly { name: string; document: PolicyDocument }[];
}

export const AWS_GROUPS: readonly GroupSpec[] = [
  { name: ADMIN_GROUP, created: '2016-03-14T16:20:11', policies: [ADMIN_POLICY], inline: [] },
  {
    name: 'Developers', created: '2016-04-02T09:41:37', policies: ['DeveloperAccess'],
    inline: [
      {
        name: 'DenyIamChanges',
        document: doc({ Sid: 'NoIamWrites', Effect: 'Deny', Action: ['iam:Create*', 'iam:Delete*', 'iam:Put*', 'iam:Attach*'], Resource: '*' }),
      },
    ],
  },
  { name: 'ReadOnly', created: '2016-04-02T09:44:02', policies: ['ReadOnlyAccess'], inline: [] },
  { name: 'Billing', created: '2017-01-16T12:05:50', policies: ['Billing'], inline: [] },
  { name: 'SecurityAuditors', created: '2018-10-03T15:17:26', policies: ['SecurityAudit'], inline: [] },
];

export interface RoleSpec {
  name: string;
  path: string;
  created: string;
  trust: PolicyDocument;
  policies: readonly string[];
}

export function awsRoles(accountId: string): RoleSpec[] {
  return [
    {
      name: 'ci-deploy-role', path: '/service/', created: '2020-06-08T14:05:44', policies: ['CiDeployPolicy'],
      trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:user/service/svc-ci-deploy` }, Action: 'sts:AssumeRole' }),
    },
    {
      name: 'audit-readonly', path: '/', created: '2024-02-12T10:00:31', policies: ['SecurityAudit', 'ReadOnlyAccess'],
      trust: doc({
        Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    },
  ];
}

export function policyArn(policy: ManagedPolicy, accountId: string): string {
  const owner = policy.owner === 'aws' ? 'aws' : accountId;
  return `arn:aws:iam::${owner}:policy${policy.path}${policy.name}`;
}

export function findPolicy(name: string): ManagedPolicy {
  const policy = AWS_POLICIES.find((p) => p.name === name);
  if (!policy) throw new Error(`no managed policy named ${name}`);
  return policy;
}

/** An inline policy a few data engineers carry: scoped to one bucket, never "*" on "*". */
export const ANALYTICS_BUCKET_POLICY: PolicyDocument = doc(
  allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], 'arn:aws:s3:::northwind-analytics/*', 'AnalyticsObjects'),
  allow('s3:ListBucket', 'arn:aws:s3:::northwind-analytics', 'AnalyticsList'),
);
