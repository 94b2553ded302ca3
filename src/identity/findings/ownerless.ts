import type { FindingContext } from './found.js';

/**
 * service / shared: an enabled non-human account (by its type or a person's mark) without an
 * accountable owner in the HR roster: none at all, one the roster no longer has, or one the roster
 * shows terminated. A service account's owner is the one its mark names, else the identity it
 * correlates to; a shared account has an owner only when it correlates to one.
 */
export function findOwnerless({ db }: FindingContext): void {
  db.exec(`
    INSERT INTO temp.found (type, account_id, employee_id, detail)
    SELECT sa.category, sa.id, sa.employee_id,
           CASE WHEN sa.identity_id IS NOT NULL THEN printf('enabled %s account; its owner %s was terminated %s', sa.category, sa.employee_id, coalesce(sa.termination_date, '(date unknown)'))
                WHEN d.employee_id IS NOT NULL THEN printf('enabled %s account; its owner %s is not in the HR roster', sa.category, d.employee_id)
                WHEN sa.rule = 'shared' THEN 'enabled shared account (marked shared); no single accountable owner'
                ELSE printf('enabled %s account (account type %s) with no owner', sa.category, sa.account_type) END
    FROM temp.scope_accounts sa
    LEFT JOIN account_decisions d ON d.system_id = sa.system_id AND d.account_key = sa.account_key AND d.decision = 'service'
    WHERE sa.category IN ('service', 'shared') AND sa.status = 'enabled'
      AND (sa.identity_id IS NULL OR sa.identity_status = 'terminated');`);
}
