import { searchAccounts } from '../identity/account-search.js';
import { identityAccess } from '../identity/identity-access.js';
import { searchIdentities } from '../identity/identity-search.js';
import { pageFindings } from '../identity/stored-findings.js';
import { previewFile } from '../ingest/preview-file.js';
import { dashboardSummary } from '../overview/dashboard-summary.js';
import { pageViolations, showViolation } from '../sod/stored-violations.js';
import { readSettings, updateSettings } from '../store/settings.js';
import type { browseOperations } from './contract-browse.js';
import type { Handlers } from './handlers.js';

/** The screens' read operations (src/api/contract-browse.ts). */
export const browseHandlers: Pick<Handlers, keyof typeof browseOperations> = {
  'dashboard.summary': (_input, { session }) => dashboardSummary(session.workspace.db, { staleDays: readSettings(session.workspace).staleDays }),
  'identities.search': (input, { session }) => searchIdentities(session.workspace.db, input),
  'identities.show': ({ employeeId }, { session }) => identityAccess(session.workspace.db, employeeId),
  'accounts.search': (input, { session }) => searchAccounts(session.workspace.db, input),
  'findings.page': (input, { session }) => pageFindings(session.workspace.db, input),
  'sod.violations': (input, { session }) => pageViolations(session.workspace.db, input),
  'sod.violation': ({ id }, { session }) => showViolation(session.workspace.db, id),
  'import.preview': ({ path, ...options }, { signal }) => previewFile(path, { ...options, signal }),
  'settings.get': (_input, { session }) => readSettings(session.workspace),
  'settings.update': (input, { session }) => updateSettings(session.workspace, input, session.operator),
};
