import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { attachControl, upsertControl } from './controls.js';
import { currentPicture } from './current-picture.js';
import { resolveOwner, type OwnerSelector } from './owner-ref.js';
import { knownRuleId } from './rule-lookup.js';

export interface MitigateRequest extends OwnerSelector {
  rule: string;
  control: string;
  description?: string | undefined;
  owner?: string | undefined;
  frequency?: string | undefined;
  operator: string;
}

/**
 * Attaches a mitigating control to a rule, or with --identity/--account to that one violation;
 * creates the control (a description is then required) or updates the fields given.
 */
export function mitigateSodRule(ws: Workspace, request: MitigateRequest): { ruleId: string; control: string; violationOwner: string | null; attached: boolean } {
  const ruleId = knownRuleId(ws.db, request.rule);
  const control = request.control.trim();
  if (control === '') throw new AttestError('INVALID_INPUT', '--control is empty. Give the control an id (e.g. CTRL-07).');
  const exists = ws.db.prepare('SELECT 1 FROM sod_controls WHERE control_key = ?').get(control) !== undefined;
  if (!exists && (request.description ?? '').trim() === '') {
    throw new AttestError('UNKNOWN_CONTROL', `There is no control "${control}" yet. Describe it with --description (and --owner, --frequency) to create it.`);
  }
  const targeted = request.identity !== undefined || request.account !== undefined;
  const violationOwner = targeted ? resolveOwner(ws, currentPicture(ws.db, null), request).key : null;
  const at = new Date().toISOString();
  const attached = ws.change(
    request.operator,
    'sod.control.attached',
    () => {
      const id = upsertControl(ws.db, { id: control, description: request.description?.trim() || null, owner: request.owner?.trim() || null, frequency: request.frequency?.trim() || null }, request.operator, at);
      return attachControl(ws.db, id, ruleId, violationOwner, request.operator, at);
    },
    (added) => ({ ruleId, control, violationOwner, added, description: request.description ?? null, owner: request.owner ?? null, frequency: request.frequency ?? null }),
  ).result;
  return { ruleId, control, violationOwner, attached };
}
