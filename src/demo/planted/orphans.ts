import { ORG } from '../company-data.js';
import { daysBefore, recentActivity } from '../dates.js';
import { UAC_NORMAL_ACCOUNT } from '../model.js';
import type { AdUser, GrantAccount, GoogleUser } from '../model.js';
import { departmentSpec } from '../roster.js';
import { VPN_USERS } from '../systems/active-directory.js';
import { giveConsole, newAwsUser } from '../systems/aws.js';
import { plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * Orphans: enabled accounts that match no HR identity (no employee id, an e-mail or name that is
 * nobody's). None of their names can collide with an employee's: employees' names are built as
 * first.last, jsmith or JSMITH, and these carry a digit, a hyphen or a dot where those cannot.
 * All were used recently, so none is also dormant; the AWS one has no MFA (also planted as noMfa).
 */

function awsOrphan(ctx: PlantContext): PlantedCase[] {
  const { rng, asOf } = ctx;
  const user = newAwsUser(rng, { userName: 'm.keller', employeeId: null, created: daysBefore(rng, asOf, 200, 260) });
  giveConsole(rng, user, asOf, recentActivity(rng, asOf, user.created), false);
  user.groups.push('Developers');
  ctx.estate.aws.users.push(user);
  return [
    plantedCase('orphan', 'aws', user.userName, null, 'IAM user of a former agency contractor who is not in the HR roster'),
    plantedCase('noMfa', 'aws', user.userName, null, 'console password enabled and mfa_active false'),
  ];
}

function adOrphan(ctx: PlantContext): PlantedCase {
  const { rng, asOf } = ctx;
  const user: AdUser = {
    cn: 'John Doe (old)', container: 'OU=Contractors', sAMAccountName: 'jdoe.old', userPrincipalName: `jdoe.old@${ORG.domain}`,
    givenName: 'John', sn: 'Doe', displayName: 'John Doe (old)', mail: `jdoe.old@${ORG.domain}`, employeeId: null,
    title: 'Contractor', department: 'Engineering', manager: null, memberOf: [VPN_USERS], userAccountControl: UAC_NORMAL_ACCOUNT,
    lastLogon: daysBefore(rng, asOf, 2, 30), created: daysBefore(rng, asOf, 900, 1200),
  };
  ctx.estate.ad.users.push(user);
  return plantedCase('orphan', 'ad', user.sAMAccountName, null, 'enabled account with no employeeID and an e-mail no one in HR has; still on the VPN');
}

function entraOrphan(ctx: PlantContext): PlantedCase {
  const upn = `test.user@${ORG.domain}`;
  ctx.estate.entra.push({
    userPrincipalName: upn, displayName: 'Test User', givenName: 'Test', surname: 'User', mail: upn, objectId: ctx.rng.guid(),
    userType: 'Member', jobTitle: '', department: '', accountEnabled: true, office: null, telephoneNumber: '', employeeId: null,
  });
  return plantedCase('orphan', 'entra', upn, null, 'enabled member account left over from testing; no HR identity');
}

function googleOrphan(ctx: PlantContext): PlantedCase {
  const { rng, asOf, estate } = ctx;
  const head = estate.employees.find((e) => e.department === 'Marketing' && e.level === 'head');
  const user: GoogleUser = {
    firstName: 'Summer', lastName: 'Intern', email: `intern.2025@${ORG.domain}`, orgUnitPath: '/Staff/Marketing', status: 'Active',
    lastSignIn: daysBefore(rng, asOf, 2, 30), employeeId: '', employeeType: 'Intern', title: 'Marketing Intern',
    managerEmail: head?.email ?? '', department: 'Marketing', costCenter: departmentSpec('Marketing').costCenter,
    twoSvEnrolled: true, twoSvEnforced: true, office: null, workPhone: '', emailUsageMb: rng.int(100, 900), driveUsageMb: rng.int(100, 3000),
  };
  estate.google.push(user);
  return plantedCase('orphan', 'google', user.email, null, 'summer-intern mailbox still Active after the internship; not in HR');
}

function grantOrphan(ctx: PlantContext, system: 'erp' | 'bank', account: Omit<GrantAccount, 'status' | 'lastLogin' | 'accountType' | 'employeeId'>, detail: string): PlantedCase {
  ctx.estate[system].accounts.push({ ...account, employeeId: null, accountType: 'User', status: 'Active', lastLogin: daysBefore(ctx.rng, ctx.asOf, 2, 30) });
  return plantedCase('orphan', system, account.account, null, detail);
}

export function plantOrphans(ctx: PlantContext): PlantedCase[] {
  return [
    ...awsOrphan(ctx),
    adOrphan(ctx),
    entraOrphan(ctx),
    googleOrphan(ctx),
    grantOrphan(
      ctx, 'erp',
      { account: 'EXT-KPATEL', email: 'k.patel@ledgerworks-consulting.example', displayName: 'Kiran Patel (Ledgerworks)', entitlements: ['GL Journal Entry'] },
      'external consultant from the year-end close; not in HR, account still Active',
    ),
    grantOrphan(
      ctx, 'bank',
      { account: 'ext.anovak', email: 'anna.novak@treasury-advisors.example', displayName: 'Anna Novak', entitlements: ['Viewer'] },
      'treasury adviser given a bank-portal login; not in HR',
    ),
  ];
}
