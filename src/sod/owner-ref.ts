import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { identityOwnerKey, ownerKeyOfAccount } from './account-owners.js';
import type { CurrentPicture } from './current-picture.js';
import { foldPattern } from './glob.js';

/** An owner named on the command line: `--identity EMPLOYEE_ID` or `--account SYSTEM:ACCOUNT`. */
export interface OwnerSelector {
  identity?: string | undefined;
  account?: string | undefined;
}

export interface ResolvedOwner {
  key: string;
  /** The identity's row in the HR snapshot, when the owner is (or the account belongs to) an identity. */
  identityRowId: number | null;
  /** The account named, when the owner was named by account. */
  accountId: number | null;
}

function resolveIdentity(ws: Workspace, picture: CurrentPicture, employeeId: string): ResolvedOwner {
  const row = picture.hr
    ? (ws.db.prepare('SELECT id, employee_id FROM identities WHERE snapshot_id = ? AND employee_id = ? COLLATE NOCASE').get(picture.hr.id, employeeId.trim()) as
        | { id: number; employee_id: string }
        | undefined)
    : undefined;
  if (!row) {
    const where = picture.hr ? `the newest HR snapshot (#${picture.hr.id}, as of ${picture.hr.asOf})` : 'this workspace (no HR snapshot has been imported)';
    throw new AttestError('UNKNOWN_OWNER', `No identity with employee id "${employeeId}" in ${where}. Check the id, or name an account with --account SYSTEM:ACCOUNT.`);
  }
  return { key: identityOwnerKey(row.employee_id), identityRowId: row.id, accountId: null };
}

function resolveAccount(ws: Workspace, picture: CurrentPicture, text: string): ResolvedOwner {
  const colon = text.indexOf(':');
  const systemName = colon < 0 ? '' : text.slice(0, colon).trim();
  const login = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (systemName === '' || login === '') throw new AttestError('USAGE', `--account takes SYSTEM:ACCOUNT (e.g. "Finance ERP:JSMITH"), not "${text}".`);
  const snapshot = picture.access.find((s) => foldPattern(s.system) === foldPattern(systemName));
  if (!snapshot) throw new AttestError('UNKNOWN_OWNER', `No system named "${systemName}" has an access snapshot. Systems: ${picture.access.map((s) => s.system).join(', ') || 'none yet'}.`);
  const id = ws.db.prepare('SELECT id FROM accounts WHERE snapshot_id = ? AND (login = ? COLLATE NOCASE OR account_key = ? COLLATE NOCASE) ORDER BY id LIMIT 1').pluck().get(snapshot.id, login, login) as number | undefined;
  if (id === undefined) throw new AttestError('UNKNOWN_OWNER', `No account "${login}" in ${snapshot.system}'s newest snapshot (#${snapshot.id}). Check the login or account key.`);
  const key = ownerKeyOfAccount(ws.db, picture, id);
  const identityRowId = key.startsWith('identity:') ? (ws.db.prepare('SELECT id FROM identities WHERE snapshot_id = ? AND employee_id = ?').pluck().get(picture.hr?.id ?? 0, key.slice('identity:'.length)) as number) : null;
  return { key, identityRowId, accountId: id };
}

export function resolveOwner(ws: Workspace, picture: CurrentPicture, selector: OwnerSelector): ResolvedOwner {
  if ((selector.identity === undefined) === (selector.account === undefined)) throw new AttestError('USAGE', 'Name the owner with --identity EMPLOYEE_ID or --account SYSTEM:ACCOUNT (one of them).');
  return selector.identity !== undefined ? resolveIdentity(ws, picture, selector.identity) : resolveAccount(ws, picture, selector.account ?? '');
}
