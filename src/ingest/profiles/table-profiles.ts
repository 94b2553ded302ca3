import type { TableProfile } from '../profile.js';
import { awsCredentialReportProfile } from './aws-credential-report.js';
import { conductorOneFileProfile } from './conductorone-file.js';
import { entraUsersProfile } from './entra-users.js';
import { githubMembersProfile } from './github-members.js';
import { googleWorkspaceUsersProfile } from './google-workspace-users.js';
import { grantsProfile } from './grants.js';
import { hrProfile } from './hr.js';
import { oktaPasswordHealthProfile } from './okta-password-health.js';
import { salesforcePermissionSetsProfile } from './salesforce-permission-sets.js';
import { salesforceUsersProfile } from './salesforce-users.js';
import { vantaAccessProfile } from './vanta-access.js';

/** The profiles for CSV and spreadsheet files: the generic layouts first, then vendor exports by name. */
export const TABLE_PROFILES: readonly TableProfile[] = [
  hrProfile,
  grantsProfile,
  awsCredentialReportProfile,
  conductorOneFileProfile,
  entraUsersProfile,
  githubMembersProfile,
  googleWorkspaceUsersProfile,
  oktaPasswordHealthProfile,
  salesforcePermissionSetsProfile,
  salesforceUsersProfile,
  vantaAccessProfile,
];
