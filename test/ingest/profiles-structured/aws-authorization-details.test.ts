import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awsAuthorizationDetailsProfile as profile } from '../../../src/ingest/profiles/aws-authorization-details.js';
import { documentPrivilege } from '../../../src/ingest/profiles/aws/policy-privilege.js';
import { mapJson } from './helpers/collecting-sink.js';

const FIXTURE = new URL('../../fixtures/profiles-structured/aws-authorization-details.json', import.meta.url);
const readFixture = (): unknown => JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;

const P = 'arn:aws:iam::123456789012:';
const AWS = 'arn:aws:iam::aws:policy/';
const ALICE = `${P}user/alice.admin`;
const BOB = `${P}user/bob.dev`;
const CAROL = `${P}user/carol.iam`;
const SVC = `${P}user/service/svc-ci-deploy`;
const DAVE = `${P}user/contractors/dave.contractor`;

const ADMINS = `${P}group/Admins`;
const DEVELOPERS = `${P}group/Developers`;
const AUDITORS = `${P}group/audit/Auditors`;
const DENY_IAM = `${DEVELOPERS}/inline/DenyIamChanges`;
const CLOUDTRAIL = `${AUDITORS}/inline/CloudTrailLookup`;
const DEVELOPER_ACCESS = `${P}policy/DeveloperAccess`;
const IDENTITY_ADMIN = `${P}policy/IdentityAdministration`;

describe('aws-authorization-details: the fixture', () => {
  const sink = mapJson(profile, readFixture());

  it('detects the format', () => {
    expect(profile.detect(readFixture())).toBe(0.95);
    expect(profile.kind).toBe('json');
    expect(profile.content).toBe('access');
    expect(profile.defaultSystem).toBe('AWS');
  });

  it('maps each user with a name and an ARN to an account', () => {
    expect([...sink.accounts.values()]).toStrictEqual([
      { key: ALICE, login: 'alice.admin', status: 'enabled', createdOn: '2016-03-15', privileged: true, attributes: { userId: 'AIDA4EXAMPLEALICE001', path: '/' } },
      // IAMUserChangePassword is not in Policies and not a known name: privilege unknown, not "no".
      { key: BOB, login: 'bob.dev', status: 'enabled', createdOn: '2020-08-03', attributes: { userId: 'AIDA4EXAMPLEBOB00001', path: '/' } },
      { key: CAROL, login: 'carol.iam', status: 'enabled', createdOn: '2021-03-02', privileged: true, attributes: { userId: 'AIDA4EXAMPLECAROL001', path: '/' } },
      { key: SVC, login: 'svc-ci-deploy', status: 'enabled', accountType: 'service', createdOn: '2020-06-08', privileged: true, attributes: { userId: 'AIDA4EXAMPLESVCCI001', path: '/service/' } },
      { key: DAVE, login: 'dave.contractor', status: 'enabled', createdOn: '2023-09-18', privileged: true, attributes: { userId: 'AIDA4EXAMPLEDAVE0001', path: '/contractors/' } },
    ]);
  });

  it('rejects the user without a UserName at its position', () => {
    expect(sink.rejections).toStrictEqual([{ line: 6, reason: 'UserDetailList[5] has no UserName' }]);
  });

  it('lists every group, and every policy a user or group holds, with its privilege', () => {
    expect([...sink.entitlements.values()].sort((a, b) => a.key.localeCompare(b.key))).toStrictEqual(
      [
        { key: ADMINS, name: 'Admins', type: 'group', privileged: true },
        { key: `${AWS}AdministratorAccess`, name: 'AdministratorAccess', type: 'managed-policy', privileged: true },
        { key: DEVELOPERS, name: 'Developers', type: 'group', privileged: false },
        // The default version (v3) decides, not the older v1 that allowed "*" on "*".
        { key: DEVELOPER_ACCESS, name: 'DeveloperAccess', type: 'managed-policy', privileged: false },
        // Deny iam:* on * is not privileged.
        { key: DENY_IAM, name: 'DenyIamChanges', type: 'inline-policy', privileged: false },
        { key: AUDITORS, name: 'Auditors', type: 'group', privileged: false },
        { key: `${AWS}ReadOnlyAccess`, name: 'ReadOnlyAccess', type: 'managed-policy', privileged: false },
        { key: CLOUDTRAIL, name: 'CloudTrailLookup', type: 'inline-policy', privileged: false },
        { key: `${BOB}/inline/AnalyticsBucket`, name: 'AnalyticsBucket', type: 'inline-policy', privileged: false },
        { key: `${AWS}IAMUserChangePassword`, name: 'IAMUserChangePassword', type: 'managed-policy' },
        // A customer managed policy whose default version allows iam:* on *.
        { key: IDENTITY_ADMIN, name: 'IdentityAdministration', type: 'managed-policy', privileged: true },
        // An inline document given as an object (the AWS CLI decodes them), not URL-encoded.
        { key: `${SVC}/inline/EcrPush`, name: 'EcrPush', type: 'inline-policy', privileged: false },
        // Privileged by name although Policies does not hold it.
        { key: `${AWS}PowerUserAccess`, name: 'PowerUserAccess', type: 'managed-policy', privileged: true },
        // Statement as one object, Resource as a list.
        { key: `${DAVE}/inline/LegacyFullAccess`, name: 'LegacyFullAccess', type: 'inline-policy', privileged: true },
        // Named in dave's GroupList but missing from GroupDetailList: known by name only.
        { key: 'group:Contractors', name: 'Contractors', type: 'group' },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('grants groups and own policies directly, and group policies via the group', () => {
    expect(sink.grantList()).toStrictEqual(
      [
        `${ALICE}|${ADMINS}|`,
        `${ALICE}|${AWS}AdministratorAccess|group:Admins`,
        // Held directly as well as through Admins: both are emitted; the pipeline merges.
        `${ALICE}|${AWS}AdministratorAccess|`,
        `${ALICE}|${DEVELOPERS}|`,
        `${ALICE}|${DEVELOPER_ACCESS}|group:Developers`,
        `${ALICE}|${DENY_IAM}|group:Developers`,
        `${BOB}|${DEVELOPERS}|`,
        `${BOB}|${DEVELOPER_ACCESS}|group:Developers`,
        `${BOB}|${DENY_IAM}|group:Developers`,
        `${BOB}|${BOB}/inline/AnalyticsBucket|`,
        `${BOB}|${AWS}IAMUserChangePassword|`,
        `${CAROL}|${AUDITORS}|`,
        `${CAROL}|${AWS}ReadOnlyAccess|group:Auditors`,
        `${CAROL}|${CLOUDTRAIL}|group:Auditors`,
        `${CAROL}|${IDENTITY_ADMIN}|`,
        `${SVC}|${SVC}/inline/EcrPush|`,
        `${SVC}|${AWS}PowerUserAccess|`,
        `${DAVE}|${DEVELOPERS}|`,
        `${DAVE}|${DEVELOPER_ACCESS}|group:Developers`,
        `${DAVE}|${DENY_IAM}|group:Developers`,
        `${DAVE}|group:Contractors|`,
        `${DAVE}|${DAVE}/inline/LegacyFullAccess|`,
      ].sort(),
    );
    expect(sink.grantCalls).toBe(22);
  });

  it('reads no roles and merges nothing that conflicts', () => {
    const keys = [...sink.accounts.keys(), ...sink.grantList()];
    expect(keys.some((k) => k.includes(':role/'))).toBe(false);
    expect(sink.conflicts).toStrictEqual([]);
    expect(sink.identities.size).toBe(0);
  });
});

describe('aws-authorization-details: detect', () => {
  it('answers 0 for JSON that is not this export', () => {
    expect(profile.detect(null)).toBe(0);
    expect(profile.detect([{ UserDetailList: [] }])).toBe(0);
    expect(profile.detect('UserDetailList')).toBe(0);
    expect(profile.detect({ Users: [{ UserName: 'a' }] })).toBe(0);
    expect(profile.detect({ UserDetailList: [] })).toBe(0);
    expect(profile.detect({ UserDetailList: {}, GroupDetailList: [] })).toBe(0);
    expect(profile.detect({ members: [{ login: 'octocat', role: 'admin' }] })).toBe(0);
    expect(profile.detect(JSON.parse('{"__proto__": {"UserDetailList": [], "Policies": []}}'))).toBe(0);
  });

  it('answers high for the lists this export always has', () => {
    expect(profile.detect({ UserDetailList: [], Policies: [] })).toBe(0.95);
    expect(profile.detect({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], IsTruncated: false })).toBe(0.95);
  });
});

describe('aws-authorization-details: hostile documents', () => {
  it('rejects a document whose shape is not this export, with a reason, at line 0', () => {
    expect(mapJson(profile, { UserDetailList: { 0: { UserName: 'a', Arn: 'arn:a' } }, GroupDetailList: [] }).rejections).toStrictEqual([
      { line: 0, reason: 'not an AWS get-account-authorization-details document: its UserDetailList is an object, not a list' },
    ]);
    expect(mapJson(profile, [1, 2]).rejections).toStrictEqual([
      { line: 0, reason: 'not an AWS get-account-authorization-details document: the top level is a list, not an object' },
    ]);
    expect(mapJson(profile, { GroupDetailList: [] }).rejections).toStrictEqual([
      { line: 0, reason: 'not an AWS get-account-authorization-details document: it has no UserDetailList' },
    ]);
    expect(mapJson(profile, { UserDetailList: [], GroupDetailList: 'Admins' }).rejections).toStrictEqual([
      { line: 0, reason: 'not an AWS get-account-authorization-details document: its GroupDetailList is a string, not a list' },
    ]);
  });

  it('says so at line 0 when the export is truncated, and maps what it has', () => {
    const sink = mapJson(profile, { UserDetailList: [{ UserName: 'a', Arn: `${P}user/a` }], GroupDetailList: [], IsTruncated: true, Marker: 'AAE=' });
    expect(sink.rejections).toStrictEqual([{ line: 0, reason: 'the export is incomplete (IsTruncated or NextToken is set): export again without --max-items to get every user' }]);
    expect([...sink.accounts.keys()]).toStrictEqual([`${P}user/a`]);
  });

  it('rejects each malformed element alone, and maps the rest', () => {
    const arn = (name: string): string => `${P}user/${name}`;
    const sink = mapJson(profile, {
      UserDetailList: [
        null,
        42,
        { UserName: 'no-arn' },
        { UserName: { first: 'x' }, Arn: arn('object-name') },
        { UserName: 'bad-groups', Arn: arn('bad-groups'), GroupList: 'Admins' },
        { UserName: 'bad-group-name', Arn: arn('bad-group-name'), GroupList: ['Admins', 7] },
        { UserName: 'no-policy-arn', Arn: arn('no-policy-arn'), AttachedManagedPolicies: [{ PolicyName: 'X' }] },
        { UserName: 'no-policy-name', Arn: arn('no-policy-name'), UserPolicyList: [{ PolicyDocument: '%7B%7D' }] },
        { UserName: 'bad-date', Arn: arn('bad-date'), CreateDate: 'last Tuesday' },
        { UserName: 'long', Arn: arn('x'.repeat(5000)) },
        { UserName: 'ok', Arn: arn('ok'), GroupList: ['Admins'], CreateDate: null, UserPolicyList: [{ PolicyName: 'Broken', PolicyDocument: '%E0%A4%A' }] },
      ],
      GroupDetailList: [{ GroupName: 'Admins', Arn: `${P}group/Admins`, AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess' }] }, 'Developers'],
      Policies: [{ PolicyName: 'Orphan' }],
    });
    expect(sink.rejections).toStrictEqual([
      { line: 1, reason: 'Policies[0] has no Arn' },
      { line: 1, reason: 'GroupDetailList[0] (Admins).AttachedManagedPolicies[0] has no PolicyArn' },
      { line: 2, reason: 'GroupDetailList[1] is not an object (a string)' },
      { line: 1, reason: 'UserDetailList[0] is not an object (null)' },
      { line: 2, reason: 'UserDetailList[1] is not an object (a number)' },
      { line: 3, reason: 'UserDetailList[2] (no-arn) has no Arn' },
      { line: 4, reason: 'UserDetailList[3] has no UserName' },
      { line: 5, reason: 'UserDetailList[4] (bad-groups).GroupList is not a list (a string)' },
      { line: 6, reason: 'UserDetailList[5] (bad-group-name).GroupList[1] is not a group name (a number)' },
      { line: 7, reason: 'UserDetailList[6] (no-policy-arn).AttachedManagedPolicies[0] has no PolicyArn' },
      { line: 8, reason: 'UserDetailList[7] (no-policy-name).UserPolicyList[0] has no PolicyName' },
      { line: 9, reason: 'UserDetailList[8] (bad-date): CreateDate "last Tuesday" is not a date' },
      { line: 10, reason: 'UserDetailList[9] (long).Arn is 5,031 characters long; values over 4,096 characters are refused' },
    ]);
    // The rejected Admins group is known by name only; an unreadable document leaves privilege unknown.
    expect([...sink.accounts.values()]).toStrictEqual([{ key: arn('ok'), login: 'ok', status: 'enabled', createdOn: null }]);
    expect(sink.grantList()).toStrictEqual([`${arn('ok')}|${arn('ok')}/inline/Broken|`, `${arn('ok')}|group:Admins|`]);
    expect(sink.entitlements.get(`${arn('ok')}/inline/Broken`)).toStrictEqual({ key: `${arn('ok')}/inline/Broken`, name: 'Broken', type: 'inline-policy' });
  });

  it('treats __proto__ and constructor as ordinary names, and pollutes nothing', () => {
    const document = JSON.parse(`{
      "__proto__": { "polluted": true },
      "UserDetailList": [
        { "UserName": "eve", "Arn": "${P}user/eve", "GroupList": ["__proto__", "constructor", "toString"],
          "__proto__": { "UserName": "admin" } },
        { "Arn": "${P}user/nobody", "__proto__": { "UserName": "inherited" } }
      ],
      "GroupDetailList": [
        { "GroupName": "constructor", "Arn": "${P}group/constructor",
          "AttachedManagedPolicies": [{ "PolicyName": "AdministratorAccess", "PolicyArn": "${AWS}AdministratorAccess" }] }
      ]
    }`) as unknown;
    const sink = mapJson(profile, document);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sink.rejections).toStrictEqual([{ line: 2, reason: 'UserDetailList[1] has no UserName' }]);
    expect(sink.accountOf(`${P}user/eve`)).toStrictEqual({ key: `${P}user/eve`, login: 'eve', status: 'enabled', createdOn: null, privileged: true });
    expect(sink.grantList()).toStrictEqual(
      [
        `${P}user/eve|group:__proto__|`,
        `${P}user/eve|${P}group/constructor|`,
        `${P}user/eve|${AWS}AdministratorAccess|group:constructor`,
        `${P}user/eve|group:toString|`,
      ].sort(),
    );
  });
});

describe('aws-authorization-details: judging policy documents', () => {
  const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

  it('reads URL-encoded JSON, plain JSON text and objects', () => {
    expect(documentPrivilege(encodeURIComponent(JSON.stringify(allowAll)))).toBe(true);
    expect(documentPrivilege(JSON.stringify(allowAll))).toBe(true);
    expect(documentPrivilege(allowAll)).toBe(true);
    // Plain JSON with a "%" in it is not decoded (which would fail or corrupt it).
    expect(documentPrivilege('{"Statement":{"Effect":"Allow","Action":["s3:*","IAM:*"],"Resource":"*","Condition":{"StringLike":{"s3:prefix":"100%"}}}}')).toBe(true);
  });

  it('needs Allow, * or iam:*, and Resource *', () => {
    const one = (statement: object): boolean | undefined => documentPrivilege({ Statement: [statement] });
    expect(one({ Effect: 'Deny', Action: '*', Resource: '*' })).toBe(false);
    expect(one({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' })).toBe(false);
    expect(one({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:user/*' })).toBe(false);
    expect(one({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::b', '*'] })).toBe(true);
    expect(documentPrivilege({ Version: '2012-10-17' })).toBe(false);
  });

  it('says unknown for what it cannot read', () => {
    expect(documentPrivilege(undefined)).toBeUndefined();
    expect(documentPrivilege('%E0%A4%A')).toBeUndefined();
    expect(documentPrivilege('not json')).toBeUndefined();
    expect(documentPrivilege(encodeURIComponent('[1,2]'))).toBeUndefined();
    expect(documentPrivilege(17)).toBeUndefined();
  });
});
