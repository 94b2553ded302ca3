import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { currentPicture } from './current-picture.js';
import { resolveOwner, type OwnerSelector } from './owner-ref.js';
import { knownRuleId } from './rule-lookup.js';
import { sodDate } from './sod-dates.js';

export interface ExceptionRequest extends OwnerSelector {
  rule: string;
  approver: string;
  justification: string;
  from: string;
  to: string;
  operator: string;
}

/**
 * Grants a time-boxed exception for one rule and owner. Exceptions are immutable: a longer one is
 * a new exception; each run judges them on its date, so one that has ended stops counting.
 */
export function grantSodException(ws: Workspace, request: ExceptionRequest): { exceptionId: number; ruleId: string; owner: string; from: string; to: string } {
  const ruleId = knownRuleId(ws.db, request.rule);
  const from = sodDate(request.from, '--from');
  const to = sodDate(request.to, '--to');
  if (to < from) throw new AttestError('INVALID_INPUT', `The exception ends (${to}) before it starts (${from}). Give --to on or after --from.`);
  for (const [name, value] of [['--approver', request.approver], ['--justification', request.justification]] as const) {
    if (value.trim() === '') throw new AttestError('INVALID_INPUT', `${name} is empty. Say who approved the exception and why.`);
  }
  const owner = resolveOwner(ws, currentPicture(ws.db, null), request);
  const exceptionId = ws.change(
    request.operator,
    'sod.exception.granted',
    () =>
      Number(
        ws.db
          .prepare('INSERT INTO sod_exceptions (rule_key, owner_key, approver, justification, starts_on, ends_on, granted_at, granted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(ruleId, owner.key, request.approver.trim(), request.justification.trim(), from, to, new Date().toISOString(), request.operator).lastInsertRowid,
      ),
    (id) => ({ exceptionId: id, ruleId, owner: owner.key, approver: request.approver.trim(), from, to }),
  ).result;
  return { exceptionId, ruleId, owner: owner.key, from, to };
}
