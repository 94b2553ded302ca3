import type { FindingContext } from './found.js';

/** no-mfa: an enabled account whose source reports MFA off. Unknown (null) is not a finding. */
export function findNoMfa({ db }: FindingContext): void {
  db.exec(`
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT 'no-mfa', id, employee_id,
           'enabled; the source reports MFA off' || CASE WHEN category <> 'person' THEN printf(' (%s account)', category) ELSE '' END
    FROM temp.scope_accounts WHERE status = 'enabled' AND mfa = 0;`);
}
