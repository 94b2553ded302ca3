import { addDays, daysBefore } from '../dates.js';
import type { GrantAccount } from '../model.js';
import type { Employee } from '../roster.js';
import { accountOf } from '../systems/finance-apps.js';
import { hasTitle, inDepartment, isCurrent, plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * Dormant accounts (enabled, last used more than 90 days before asOf, or never) and accounts
 * without MFA (an AWS console password without MFA; an Active Google user not enrolled in 2SV).
 * Dormant dates are 100+ days back, well clear of the threshold; everyone chosen was hired more
 * than 400 days before asOf, so the date cannot fall before the account existed.
 */

const OLD_HANDS = 400;

function longServing(ctx: PlantContext): (e: Employee) => boolean {
  return ctx.employedSince(OLD_HANDS);
}

function adOnLeave(ctx: PlantContext): PlantedCase {
  const e = ctx.person('a dormant AD account', (p) => p.status === 'leave' && longServing(ctx)(p));
  const user = ctx.adUserOf(e);
  user.lastLogon = daysBefore(ctx.rng, ctx.asOf, 120, 200);
  return plantedCase('dormant', 'ad', user.sAMAccountName, e.employeeId, `enabled; on leave; last logon ${ctx.when(user.lastLogon)}`);
}

function adNeverUsed(ctx: PlantContext): PlantedCase {
  const e = ctx.person('a never-used AD account', (p) => isCurrent(p) && longServing(ctx)(p), inDepartment('Customer Support'));
  const user = ctx.adUserOf(e);
  user.lastLogon = null;
  return plantedCase('dormant', 'ad', user.sAMAccountName, e.employeeId, 'enabled; never logged on (no lastLogonTimestamp)');
}

function googleNeverUsed(ctx: PlantContext): PlantedCase {
  const e = ctx.person('a never-used Google account', (p) => isCurrent(p) && longServing(ctx)(p), inDepartment('Sales'));
  const user = ctx.googleUserOf(e);
  user.lastSignIn = null;
  return plantedCase('dormant', 'google', user.email, e.employeeId, 'Active; Never logged in');
}

function awsDormant(ctx: PlantContext): PlantedCase {
  const oldUser = (p: Employee): boolean => {
    const user = ctx.awsUserOf(p);
    return !!user && user.password !== null && user.created.getTime() < addDays(ctx.asOf, -310).getTime();
  };
  const e = ctx.person('a dormant AWS user', (p) => isCurrent(p) && oldUser(p), inDepartment('Engineering'));
  const user = ctx.awsUserOf(e);
  if (!user?.password) throw new Error('demo generator: dormant AWS user lost its password');
  user.password.lastUsed = daysBefore(ctx.rng, ctx.asOf, 120, 300, user.created);
  user.password.lastChanged = daysBefore(ctx.rng, user.password.lastUsed, 1, 200, user.created);
  user.keys = [];
  return plantedCase('dormant', 'aws', user.userName, e.employeeId, `console password last used ${ctx.when(user.password.lastUsed)}; no access keys`);
}

function grantDormant(ctx: PlantContext, system: 'erp' | 'bank', days: [number, number]): PlantedCase {
  const holder = (p: Employee): GrantAccount | undefined => accountOf(ctx.estate[system], p.employeeId);
  const e = ctx.person(`a dormant ${system} account`, (p) => isCurrent(p) && longServing(ctx)(p) && holder(p)?.status === 'Active');
  const account = holder(e);
  if (!account) throw new Error(`demo generator: ${e.employeeId} has no ${system} account`);
  account.lastLogin = daysBefore(ctx.rng, ctx.asOf, days[0], days[1]);
  return plantedCase('dormant', system, account.account, e.employeeId, `Active; last login ${ctx.when(account.lastLogin)}`);
}

export function plantDormant(ctx: PlantContext): PlantedCase[] {
  return [adOnLeave(ctx), adNeverUsed(ctx), googleNeverUsed(ctx), awsDormant(ctx), grantDormant(ctx, 'erp', [100, 250]), grantDormant(ctx, 'bank', [100, 200])];
}

function awsWithoutMfa(ctx: PlantContext): PlantedCase {
  const e = ctx.person('an AWS user without MFA', (p) => isCurrent(p) && ctx.awsUserOf(p)?.password != null, hasTitle('Software Engineer', 'Data Engineer', 'QA Engineer'));
  const user = ctx.awsUserOf(e);
  if (!user) throw new Error(`demo generator: ${e.employeeId} has no AWS user`);
  user.mfa = false;
  return plantedCase('noMfa', 'aws', user.userName, e.employeeId, 'console password enabled and mfa_active false');
}

function googleWithout2sv(ctx: PlantContext): PlantedCase {
  const e = ctx.person('a Google user without 2SV', isCurrent, inDepartment('Marketing', 'Sales'));
  const user = ctx.googleUserOf(e);
  user.twoSvEnrolled = false;
  user.twoSvEnforced = false;
  return plantedCase('noMfa', 'google', user.email, e.employeeId, 'Active; 2-step verification neither enrolled nor enforced');
}

/** Two AWS console users and one Google user (the orphan and the scanner mailbox add two more). */
export function plantNoMfa(ctx: PlantContext): PlantedCase[] {
  return [awsWithoutMfa(ctx), awsWithoutMfa(ctx), googleWithout2sv(ctx)];
}
