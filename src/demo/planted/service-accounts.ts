import { ORG } from '../company-data.js';
import { daysBefore } from '../dates.js';
import { UAC_DONT_EXPIRE_PASSWORD, UAC_NORMAL_ACCOUNT } from '../model.js';
import type { AdUser, GrantAccount } from '../model.js';
import { ADMIN_POLICY } from '../systems/aws-catalogue.js';
import { SERVICE_ACCOUNTS_OU } from '../systems/active-directory.js';
import { activeKey, newAwsUser } from '../systems/aws.js';
import { plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * Service and shared accounts, each marked the way its system marks them: AWS path /service/,
 * AD OU=Service Accounts (password never expires), Google OU /Service Accounts, and Account Type
 * Service or Shared in the grants spreadsheets. All in recent use. The CI deploy user holds
 * AdministratorAccess directly (also privileged); the scanner mailbox has no 2-step verification
 * (also noMfa).
 */

const SERVICE_PATH = '/service/';

interface AwsUserCases {
  userName: string;
  service: PlantedCase;
}

function awsService(ctx: PlantContext, userName: string, policies: string[]): AwsUserCases {
  const { rng, asOf } = ctx;
  const user = newAwsUser(rng, { userName, path: SERVICE_PATH, employeeId: null, created: daysBefore(rng, asOf, 1500, 1900) });
  user.keys.push(activeKey(rng, user.created, daysBefore(rng, asOf, 1, 3)));
  user.attachedPolicies.push(...policies);
  ctx.estate.aws.users.push(user);
  return { userName, service: plantedCase('service', 'aws', userName, null, `service user (path ${SERVICE_PATH}); access key only, no console password`) };
}

function adService(ctx: PlantContext, sam: string, displayName: string): PlantedCase {
  const { rng, asOf } = ctx;
  const user: AdUser = {
    cn: sam, container: SERVICE_ACCOUNTS_OU, sAMAccountName: sam, userPrincipalName: `${sam}@${ORG.adDomain}`, givenName: '', sn: '',
    displayName, mail: null, employeeId: null, title: '', department: '', manager: null, memberOf: [],
    userAccountControl: UAC_NORMAL_ACCOUNT | UAC_DONT_EXPIRE_PASSWORD, lastLogon: daysBefore(rng, asOf, 1, 12),
    created: daysBefore(rng, asOf, 1200, 2500),
  };
  ctx.estate.ad.users.push(user);
  return plantedCase('service', 'ad', sam, null, 'service account (OU=Service Accounts); userAccountControl 66048: password never expires');
}

function googleScanner(ctx: PlantContext): PlantedCase[] {
  const { rng, asOf } = ctx;
  const email = `scanner@${ORG.domain}`;
  ctx.estate.google.push({
    firstName: 'Office', lastName: 'Scanner', email, orgUnitPath: '/Service Accounts', status: 'Active', lastSignIn: daysBefore(rng, asOf, 1, 5),
    employeeId: '', employeeType: '', title: '', managerEmail: '', department: '', costCenter: '', twoSvEnrolled: false, twoSvEnforced: false,
    office: null, workPhone: '', emailUsageMb: rng.int(500, 3000), driveUsageMb: 0,
  });
  return [
    plantedCase('service', 'google', email, null, 'shared scan-to-email mailbox in /Service Accounts'),
    plantedCase('noMfa', 'google', email, null, 'Active, 2-step verification not enrolled (shared password on the copiers)'),
  ];
}

function grantService(ctx: PlantContext, system: 'erp' | 'bank', account: Omit<GrantAccount, 'status' | 'lastLogin' | 'employeeId'>, detail: string): PlantedCase {
  ctx.estate[system].accounts.push({ ...account, employeeId: null, status: 'Active', lastLogin: daysBefore(ctx.rng, ctx.asOf, 1, 5) });
  return plantedCase('service', system, account.account, null, detail);
}

export function plantServiceAccounts(ctx: PlantContext): PlantedCase[] {
  const deploy = awsService(ctx, 'svc-ci-deploy', [ADMIN_POLICY, 'CiDeployPolicy']);
  const backup = awsService(ctx, 'svc-backup', ['BackupToVault']);
  return [
    deploy.service,
    plantedCase('privileged', 'aws', deploy.userName, null, `service user with ${ADMIN_POLICY} attached directly`),
    backup.service,
    adService(ctx, 'svc-sql', 'SQL Server service'),
    adService(ctx, 'svc-backup', 'Backup agent service'),
    ...googleScanner(ctx),
    grantService(
      ctx, 'erp',
      { account: 'SVC-ERP-INTEGRATION', email: `erp-integration@${ORG.domain}`, displayName: 'ERP integration (payroll feed)', accountType: 'Service', entitlements: ['API Integration'] },
      'integration account (Account Type Service) used by the nightly payroll feed',
    ),
    grantService(
      ctx, 'bank',
      { account: 'treasury-shared', email: `treasury@${ORG.domain}`, displayName: 'Treasury team (shared)', accountType: 'Shared', entitlements: ['Viewer'] },
      'shared login of the treasury team (Account Type Shared)',
    ),
  ];
}
