import { quoteValue } from '../normalize/quote-value.js';
import { RowRejected } from '../profile.js';
import type { AccountStatus } from '../records.js';
import type { LdifEntry } from '../source.js';
import { firstValue } from './entry-values.js';

/**
 * Whether a directory account can sign in, from the markers each kind of server keeps:
 * - Active Directory: the ACCOUNTDISABLE bit (0x2) of userAccountControl;
 * - OpenLDAP's password policy (ppolicy): any pwdAccountLockedTime (an administrator's lock is
 *   `000001010000Z`; a lockout after failed binds lasts until it is cleared or its policy's
 *   duration passes, which the entry alone does not tell: a locked account is reported disabled);
 * - 389 Directory Server / FreeIPA: nsAccountLock TRUE;
 * - RFC 2307 shadow accounts: shadowExpire (days since 1970-01-01) on or before today.
 */

export const UAC_ACCOUNTDISABLE = 0x2;
const DAY_MS = 86_400_000;

export function userAccountControl(entry: LdifEntry): number | undefined {
  const text = firstValue(entry, 'userAccountControl');
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text)) throw new RowRejected(`userAccountControl ${quoteValue(text)} is not a number`);
  // Stored as a signed 32-bit integer; the flags are its bits.
  return Number(text) >>> 0;
}

function shadowExpired(entry: LdifEntry, now: number): boolean {
  const text = firstValue(entry, 'shadowExpire');
  if (text === undefined) return false;
  if (!/^-?\d{1,9}$/.test(text)) throw new RowRejected(`shadowExpire ${quoteValue(text)} is not a number of days`);
  const days = Number(text);
  // -1 means "never"; 0 is read as "never" too by most tools (shadow(5) says not to use it).
  return days > 0 && days * DAY_MS <= now;
}

export function accountStatus(entry: LdifEntry, now = Date.now()): AccountStatus {
  const uac = userAccountControl(entry);
  const disabled =
    (uac !== undefined && (uac & UAC_ACCOUNTDISABLE) !== 0) ||
    firstValue(entry, 'pwdAccountLockedTime') !== undefined ||
    firstValue(entry, 'nsAccountLock')?.toUpperCase() === 'TRUE' ||
    shadowExpired(entry, now);
  return disabled ? 'disabled' : 'enabled';
}
