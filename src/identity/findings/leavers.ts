import { daysBetween, type FindingContext } from './found.js';

/**
 * leaver: an identity the latest HR roster shows terminated on day T, and a person account of
 * theirs in a snapshot taken after T that is still enabled. leaver-login: such an account (enabled
 * or not) last used after T, with the days; an account disabled late but used after T shows here.
 */
export function findLeavers({ db }: FindingContext): void {
  db.exec(`
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT 'leaver', id, employee_id,
           printf('%s terminated %s; account still enabled in the snapshot of %s (%d days after termination)',
                  identity_name, termination_date, snapshot_day, ${daysBetween('termination_date', 'snapshot_day')})
    FROM temp.scope_accounts
    WHERE category = 'person' AND status = 'enabled' AND identity_status = 'terminated'
      AND termination_date IS NOT NULL AND snapshot_day > termination_date;

    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT 'leaver-login', id, employee_id,
           printf('%s terminated %s; account last used %s, %d days after termination (account %s)',
                  identity_name, termination_date, substr(last_login, 1, 10), ${daysBetween('termination_date', 'substr(last_login, 1, 10)')}, status)
    FROM temp.scope_accounts
    WHERE category = 'person' AND identity_status = 'terminated' AND termination_date IS NOT NULL
      AND substr(last_login, 1, 10) > termination_date;`);
}
