import type { FindingContext } from './found.js';

/**
 * orphan: an enabled human account that no rule and no decision ties to an identity (an account
 * a person unlinked counts; one listed as an ambiguous match does not, it waits for a decision).
 * external: the same for a guest / external account; they are expected outside the HR roster, so
 * they are listed apart instead of drowning the real orphans.
 */
export function findOrphans({ db }: FindingContext): void {
  db.exec(`
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT CASE account_type WHEN 'external' THEN 'external' ELSE 'orphan' END, id, NULL,
           CASE WHEN rule = 'unlink' THEN 'enabled; unlinked from any identity by decision'
                WHEN account_type = 'external' THEN 'enabled external (guest) account with no identity in the HR roster'
                ELSE 'enabled account that matches no identity in the HR roster (employee id, e-mail, login)' END
    FROM temp.scope_accounts
    WHERE category = 'person' AND status = 'enabled' AND identity_id IS NULL AND coalesce(rule, '') <> 'ambiguous';`);
}
