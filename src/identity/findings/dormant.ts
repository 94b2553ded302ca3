import { daysBetween, type FindingContext } from './found.js';

/**
 * dormant: an enabled person account last used more than N days before its snapshot's date; or
 * never used and known to be older than that (created before the cutoff, else present in a
 * snapshot from before it, else its holder hired before it: never used in that long). A snapshot
 * with no activity date on any account reports nothing here: silence is not dormancy.
 */
export function findDormant({ db, parameters }: FindingContext): void {
  db.prepare(
    `WITH candidates AS (
       SELECT sa.*, date(sa.snapshot_day, '-' || :days || ' days') AS cutoff
       FROM temp.scope_accounts sa
       WHERE sa.category = 'person' AND sa.status = 'enabled' AND sa.has_activity = 1),
     never AS (
       SELECT c.*, (SELECT min(substr(s.as_of, 1, 10)) FROM snapshots s JOIN accounts a ON a.snapshot_id = s.id
                    WHERE s.system_id = c.system_id AND s.content = 'access' AND a.account_key = c.account_key) AS first_seen
       FROM candidates c WHERE c.last_login IS NULL)
     INSERT INTO temp.found (type, account_id, employee_id, detail)
     SELECT 'dormant', id, employee_id,
            printf('enabled; last used %s, %d days before %s (threshold %d days)', substr(last_login, 1, 10), ${daysBetween('substr(last_login, 1, 10)', 'snapshot_day')}, snapshot_day, :days)
     FROM candidates WHERE last_login IS NOT NULL AND substr(last_login, 1, 10) < cutoff
     UNION ALL
     SELECT 'dormant', id, employee_id,
            CASE WHEN created_on < cutoff THEN printf('enabled; never used; created %s', created_on)
                 WHEN created_on IS NULL AND first_seen < cutoff THEN printf('enabled; never used; present since the snapshot of %s', first_seen)
                 ELSE printf('enabled; never used; creation date unknown; holder hired %s', hire_date) END
     FROM never
     WHERE created_on < cutoff OR (created_on IS NULL AND (first_seen < cutoff OR hire_date < cutoff))`,
  ).run({ days: parameters.dormantDays });
}
