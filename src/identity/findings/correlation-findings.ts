import type { CorrelationSummary } from '../correlate-accounts.js';
import type { FindingContext } from './found.js';

/**
 * What correlation could not decide, for a person to decide: ambiguous-match (a rule matched
 * several identities; the account stays unlinked) and name-suggestion (the display name matches
 * one identity; confirm with `attest link`).
 */
export function findCorrelationQuestions({ db }: FindingContext, correlation: CorrelationSummary): void {
  const insert = db.prepare('INSERT INTO temp.found (type, account_id, employee_id, detail) VALUES (?, ?, ?, ?)');
  for (const a of correlation.ambiguous) {
    insert.run('ambiguous-match', a.accountId, null, `the ${a.rule} rule matches ${a.employeeIds.length} identities (${a.employeeIds.join(', ')}); not linked: decide with "attest link" or "attest unlink"`);
  }
  for (const s of correlation.suggestions) {
    insert.run('name-suggestion', s.accountId, s.employeeId, `display name "${s.name}" matches ${s.employeeId} only; a suggestion, not a link: confirm with "attest link"`);
  }
}
