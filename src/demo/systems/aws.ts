import { ORG } from '../company-data.js';
import { addDays, day, daysBefore, earliest, latest, recentActivity, timeOnDay } from '../dates.js';
import type { AwsAccessKey, AwsAccount, AwsUser } from '../model.js';
import type { Rng } from '../prng.js';
import type { Employee } from '../roster.js';
import { ANALYTICS_BUCKET_POLICY } from './aws-catalogue.js';

/**
 * Normal AWS IAM users: engineers, IT and two finance people (billing). IAM user names are the
 * e-mail local part (john.smith), which is how they correlate to HR. Every normal user with a
 * console password has MFA and was active in the last 45 days; nobody is an admin.
 */

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const REGIONS = ['eu-west-1', 'eu-west-2', 'us-east-1'];
const SERVICES = ['s3', 'sts', 'ec2', 'ecr', 'lambda', 'cloudformation', 'logs', 'dynamodb'];
const HUMAN_USERS = 36;

/** AIDA..., AGPA..., AROA..., ANPA...: 4-letter kind prefix and 17 characters. */
export function awsEntityId(rng: Rng, prefix: 'AIDA' | 'AGPA' | 'AROA' | 'ANPA'): string {
  return `${prefix}${rng.chars(ID_ALPHABET, 17)}`;
}

export function userNameOf(e: Employee): string {
  return e.email.slice(0, e.email.indexOf('@'));
}

export function newAwsUser(rng: Rng, init: { userName: string; path?: string; employeeId: string | null; created: Date }): AwsUser {
  return {
    userName: init.userName,
    userId: awsEntityId(rng, 'AIDA'),
    path: init.path ?? '/',
    employeeId: init.employeeId,
    created: init.created,
    password: null,
    mfa: false,
    keys: [],
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
  };
}

/** A console password last used at `lastUsed`. */
export function giveConsole(rng: Rng, user: AwsUser, asOf: Date, lastUsed: Date | null, mfa: boolean): void {
  const changedBefore = lastUsed ?? addDays(asOf, -2);
  user.password = { lastChanged: latest(user.created, daysBefore(rng, changedBefore, 1, 200, user.created)), lastUsed };
  user.mfa = mfa;
}

/** An active access key, rotated after the user was created and last used at `lastUsedAt`. */
export function activeKey(rng: Rng, created: Date, lastUsedAt: Date): AwsAccessKey {
  return {
    active: true,
    lastRotated: latest(created, daysBefore(rng, lastUsedAt, 1, 300, created)),
    lastUsed: { at: lastUsedAt, region: rng.pick(REGIONS), service: rng.pick(SERVICES) },
  };
}

function retiredKey(rng: Rng, created: Date, asOf: Date): AwsAccessKey {
  const rotated = daysBefore(rng, asOf, 200, 900, created);
  return { active: false, lastRotated: rotated, lastUsed: rng.chance(0.5) ? { at: latest(rotated, addDays(rotated, rng.int(1, 60))), region: rng.pick(REGIONS), service: rng.pick(SERVICES) } : null };
}

export function userCreation(rng: Rng, hired: Date, asOf: Date): Date {
  const accountCreated = day(ORG.awsAccountCreated);
  const start = latest(addDays(hired, rng.int(0, 20)), addDays(accountCreated, rng.int(1, 30)));
  return timeOnDay(rng, earliest(start, addDays(asOf, -3)));
}

function groupsFor(rng: Rng, e: Employee): string[] {
  if (e.department === 'Finance') return ['Billing'];
  if (e.department === 'IT') return e.title.startsWith('Security') ? ['ReadOnly', 'SecurityAuditors'] : ['ReadOnly'];
  return rng.chance(0.3) ? ['Developers', 'ReadOnly'] : ['Developers'];
}

function humanUser(rng: Rng, e: Employee, asOf: Date): AwsUser {
  const user = newAwsUser(rng, { userName: userNameOf(e), employeeId: e.employeeId, created: userCreation(rng, e.hireDate, asOf) });
  const pattern = e.department === 'Finance' ? 'console' : rng.weighted([['console', 30], ['both', 55], ['keys', 15]] as const);
  if (pattern !== 'keys') giveConsole(rng, user, asOf, recentActivity(rng, asOf, user.created), true);
  if (pattern !== 'console') user.keys.push(activeKey(rng, user.created, recentActivity(rng, asOf, user.created)));
  if (user.keys.length > 0 && rng.chance(0.2)) user.keys.push(retiredKey(rng, user.created, asOf));
  user.groups = groupsFor(rng, e);
  if (e.title === 'Data Engineer') user.attachedPolicies.push('DataPipelineOperator');
  return user;
}

/** A few engineers get a policy attached directly, and a few an inline policy. */
function directGrants(rng: Rng, engineers: readonly AwsUser[]): void {
  for (const user of rng.sample(engineers, 4)) user.attachedPolicies.push('AmazonS3ReadOnlyAccess');
  for (const user of rng.sample(engineers, 3)) user.inlinePolicies.push({ name: 'analytics-bucket-rw', document: ANALYTICS_BUCKET_POLICY });
}

function population(rng: Rng, employees: readonly Employee[]): Employee[] {
  const current = employees.filter((e) => e.status !== 'terminated');
  const it = current.filter((e) => e.department === 'IT');
  const finance = current.filter((e) => e.title === 'Chief Financial Officer' || e.title === 'Financial Controller');
  const engineers = rng.sample(current.filter((e) => e.department === 'Engineering'), HUMAN_USERS - it.length - finance.length);
  return [...it, ...finance, ...engineers];
}

export function buildAws(rng: Rng, employees: readonly Employee[], asOf: Date): AwsAccount {
  const people = population(rng, employees);
  const users = people.map((e) => humanUser(rng, e, asOf));
  directGrants(rng, users.filter((_, i) => people[i]?.department === 'Engineering'));
  return {
    accountId: `4${rng.chars('0123456789', 11)}`,
    created: timeOnDay(rng, day(ORG.awsAccountCreated)),
    root: { passwordLastUsed: daysBefore(rng, asOf, 150, 250), mfa: true },
    users,
  };
}
