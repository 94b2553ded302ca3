import { csvText, yesNo } from '../csv-text.js';
import type { CsvRecord } from '../csv-text.js';
import { isoTimestamp } from '../dates.js';
import type { GrantAccount, GrantSystem } from '../model.js';

/**
 * A generic grants spreadsheet (CRLF): one row per account and entitlement, ordered by account.
 * Last Login is ISO 8601 UTC, empty when the account never logged in.
 */

export const GRANTS_COLUMNS = [
  'Account', 'Email', 'Display Name', 'Employee ID', 'Entitlement', 'Entitlement Type', 'Privileged', 'Status',
  'Last Login', 'Account Type',
] as const;

type GrantRow = CsvRecord<typeof GRANTS_COLUMNS>;

function rowsOf(system: GrantSystem, a: GrantAccount): GrantRow[] {
  return [...a.entitlements].sort().map((entitlement) => ({
    Account: a.account,
    Email: a.email,
    'Display Name': a.displayName,
    'Employee ID': system.exportsEmployeeId ? (a.employeeId ?? '') : '',
    Entitlement: entitlement,
    'Entitlement Type': system.entitlementType,
    Privileged: yesNo(system.privileged.includes(entitlement)),
    Status: a.status,
    'Last Login': a.lastLogin ? isoTimestamp(a.lastLogin) : '',
    'Account Type': a.accountType,
  }));
}

export function grantsCsv(system: GrantSystem): { text: string; records: number } {
  const accounts = [...system.accounts].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const rows = accounts.flatMap((a) => rowsOf(system, a));
  return { text: csvText(GRANTS_COLUMNS, rows), records: rows.length };
}
