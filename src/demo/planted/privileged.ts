import { ORG } from '../company-data.js';
import { daysBefore } from '../dates.js';
import { UAC_NORMAL_ACCOUNT } from '../model.js';
import type { AdUser } from '../model.js';
import type { Employee } from '../roster.js';
import { DOMAIN_ADMINS } from '../systems/active-directory.js';
import { ADMIN_GROUP, ADMIN_POLICY } from '../systems/aws-catalogue.js';
import { BANK_ADMIN, ERP_ADMIN, accountOf, addEmployeeAccount } from '../systems/finance-apps.js';
import { hasTitle, inDepartment, isCurrent, plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * Privileged accounts: the AWS root user, two IT people in the AWS Admins group, two Domain Admins
 * (the head of IT's own account and a separate adm- account of a systems administrator), one ERP
 * Administrator and one bank Portal Administrator. (The AWS CI deploy user, also privileged, is
 * planted with the service accounts.) Normal access never includes any of these.
 */

const itPerson = (ctx: PlantContext, what: string, ...titles: string[]): Employee =>
  ctx.person(what, (e) => isCurrent(e) && e.department === 'IT' && ctx.awsUserOf(e) !== undefined, hasTitle(...titles));

function awsAdmins(ctx: PlantContext): PlantedCase[] {
  const root = plantedCase('privileged', 'aws', '<root_account>', null, 'the AWS account root user');
  const admins = [itPerson(ctx, 'an AWS admin', 'Head of IT', 'IT Manager'), itPerson(ctx, 'an AWS admin', 'Systems Administrator', 'Security Manager')];
  return [
    root,
    ...admins.map((e) => {
      const user = ctx.awsUserOf(e);
      if (!user) throw new Error(`demo generator: ${e.employeeId} has no AWS user`);
      user.groups.unshift(ADMIN_GROUP);
      return plantedCase('privileged', 'aws', user.userName, e.employeeId, `member of the ${ADMIN_GROUP} group (${ADMIN_POLICY})`);
    }),
  ];
}

function domainAdmins(ctx: PlantContext): PlantedCase[] {
  const head = ctx.person('a Domain Admin', (e) => isCurrent(e) && e.department === 'IT', hasTitle('Head of IT'));
  const own = ctx.adUserOf(head);
  own.memberOf.push(DOMAIN_ADMINS);
  const sysadmin = ctx.person('a Domain Admin', (e) => isCurrent(e) && e.department === 'IT', hasTitle('Systems Administrator'));
  const primary = ctx.adUserOf(sysadmin);
  const sam = `adm-${primary.sAMAccountName}`.slice(0, 20);
  const admin: AdUser = {
    ...primary,
    cn: `${primary.cn} (admin)`, container: 'OU=Admin Accounts', sAMAccountName: sam, userPrincipalName: `${sam}@${ORG.adDomain}`,
    displayName: `${primary.displayName} (admin)`, mail: null, manager: null, memberOf: [DOMAIN_ADMINS], userAccountControl: UAC_NORMAL_ACCOUNT,
    lastLogon: daysBefore(ctx.rng, ctx.asOf, 1, 20), created: daysBefore(ctx.rng, ctx.asOf, 60, 400, primary.created),
  };
  ctx.estate.ad.users.push(admin);
  return [
    plantedCase('privileged', 'ad', own.sAMAccountName, head.employeeId, `everyday account in ${DOMAIN_ADMINS}`),
    plantedCase('privileged', 'ad', admin.sAMAccountName, sysadmin.employeeId, `separate admin account (OU=Admin Accounts) in ${DOMAIN_ADMINS}`),
  ];
}

function erpAdmin(ctx: PlantContext): PlantedCase {
  const e = ctx.person('an ERP admin', (p) => isCurrent(p) && p.department === 'IT' && !accountOf(ctx.estate.erp, p.employeeId), hasTitle('Systems Administrator'));
  const account = addEmployeeAccount(ctx.rng, ctx.estate.erp, e, [ERP_ADMIN], ctx.asOf);
  return plantedCase('privileged', 'erp', account.account, e.employeeId, `${ERP_ADMIN} role (Privileged = Yes)`);
}

function bankAdmin(ctx: PlantContext): PlantedCase {
  const e = ctx.person('a bank admin', (p) => isCurrent(p) && inDepartment('Finance')(p), (p) => hasTitle('Finance Manager')(p) && !!accountOf(ctx.estate.bank, p.employeeId));
  const existing = accountOf(ctx.estate.bank, e.employeeId);
  const account = existing ?? addEmployeeAccount(ctx.rng, ctx.estate.bank, e, ['Viewer'], ctx.asOf);
  account.status = 'Active';
  account.entitlements.push(BANK_ADMIN);
  return plantedCase('privileged', 'bank', account.account, e.employeeId, `${BANK_ADMIN} role (Privileged = Yes)`);
}

export function plantPrivileged(ctx: PlantContext): PlantedCase[] {
  return [...awsAdmins(ctx), ...domainAdmins(ctx), erpAdmin(ctx), bankAdmin(ctx)];
}
