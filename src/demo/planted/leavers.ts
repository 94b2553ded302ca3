import { addDays, dayString, daysBefore, daysBetween, timeOnDay } from '../dates.js';
import { UAC_NORMAL_ACCOUNT } from '../model.js';
import type { Employee } from '../roster.js';
import { VPN_USERS } from '../systems/active-directory.js';
import { activeKey, giveConsole, newAwsUser, userCreation, userNameOf } from '../systems/aws.js';
import { accountOf, addEmployeeAccount, erpRolesFor } from '../systems/finance-apps.js';
import { plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * Leavers: people terminated in the last 60 days whose access was not (fully) removed. Their
 * last activity is just before the termination date, except the ERP account, used after it.
 */

const RECENT_DAYS = 60;

function recentLeaver(ctx: PlantContext, department: string): Employee {
  const recent = (e: Employee): boolean => e.terminationDate !== null && daysBetween(e.terminationDate, ctx.asOf) <= RECENT_DAYS;
  return ctx.person(`a leaver from ${department}`, recent, (e) => e.department === department);
}

function terminated(e: Employee): Date {
  if (!e.terminationDate) throw new Error(`demo generator: ${e.employeeId} is not terminated`);
  return e.terminationDate;
}

function left(e: Employee): string {
  return `terminated ${dayString(terminated(e))}`;
}

function awsLeaver(ctx: PlantContext, e: Employee): PlantedCase {
  const { rng, asOf } = ctx;
  const user = newAwsUser(rng, { userName: userNameOf(e), employeeId: e.employeeId, created: userCreation(rng, e.hireDate, asOf) });
  const lastUsed = daysBefore(rng, terminated(e), 1, 3, user.created);
  giveConsole(rng, user, asOf, lastUsed, true);
  user.keys.push(activeKey(rng, user.created, daysBefore(rng, terminated(e), 1, 5, user.created)));
  user.groups.push('Developers');
  ctx.estate.aws.users.push(user);
  const detail = `${left(e)}; IAM user still has a console password and an active access key; last used ${dayString(lastUsed)}`;
  return plantedCase('leaver', 'aws', user.userName, e.employeeId, detail);
}

function erpLeaverUsedAfterTermination(ctx: PlantContext, e: Employee): PlantedCase {
  const { rng, estate, asOf } = ctx;
  const roles = erpRolesFor(e.title).length > 0 ? erpRolesFor(e.title) : ['Reporting Viewer'];
  const account = accountOf(estate.erp, e.employeeId) ?? addEmployeeAccount(rng, estate.erp, e, roles, asOf);
  const end = terminated(e);
  account.status = 'Active';
  account.lastLogin = timeOnDay(rng, addDays(end, rng.int(2, Math.max(2, Math.min(20, daysBetween(end, asOf) - 1)))));
  const detail = `${left(e)}; ERP account still Active; last login ${dayString(account.lastLogin)}, AFTER the termination date`;
  return plantedCase('leaver', 'erp', account.account, e.employeeId, detail);
}

function entraLeaver(ctx: PlantContext, e: Employee): PlantedCase {
  return plantedCase('leaver', 'entra', ctx.enableEntra(e), e.employeeId, `${left(e)}; Entra ID account still enabled`);
}

function googleLeaver(ctx: PlantContext, e: Employee): PlantedCase {
  const user = ctx.googleUserOf(e);
  user.status = 'Active';
  user.orgUnitPath = `/Staff/${e.department}`;
  user.lastSignIn = daysBefore(ctx.rng, terminated(e), 1, 3, e.hireDate);
  user.twoSvEnrolled = true;
  user.twoSvEnforced = true;
  const detail = `${left(e)}; Google Workspace user still Active; last sign-in ${dayString(user.lastSignIn)}`;
  return plantedCase('leaver', 'google', user.email, e.employeeId, detail);
}

function adLeaver(ctx: PlantContext, e: Employee): PlantedCase {
  const user = ctx.adUserOf(e);
  user.userAccountControl = UAC_NORMAL_ACCOUNT;
  user.lastLogon = daysBefore(ctx.rng, terminated(e), 1, 3, user.created);
  if (!user.memberOf.includes(VPN_USERS)) user.memberOf.push(VPN_USERS);
  const detail = `${left(e)}; AD account still enabled (userAccountControl 512) and in VPN Users; last logon ${dayString(user.lastLogon)}`;
  return plantedCase('leaver', 'ad', user.sAMAccountName, e.employeeId, detail);
}

/** Four leavers, six enabled accounts between them. */
export function plantLeavers(ctx: PlantContext): PlantedCase[] {
  const engineer = recentLeaver(ctx, 'Engineering');
  const accountant = recentLeaver(ctx, 'Finance');
  const seller = recentLeaver(ctx, 'Sales');
  const admin = recentLeaver(ctx, 'IT');
  return [
    awsLeaver(ctx, engineer),
    erpLeaverUsedAfterTermination(ctx, accountant),
    entraLeaver(ctx, accountant),
    googleLeaver(ctx, seller),
    entraLeaver(ctx, seller),
    adLeaver(ctx, admin),
  ];
}
