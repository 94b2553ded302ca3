import { describe, expect, it } from 'vitest';
import { accountStatus } from '../../../src/ingest/directory/account-status.js';
import { guidText, sidText } from '../../../src/ingest/directory/windows-ids.js';
import { ldifEntry } from '../profiles-structured/helpers/collecting-sink.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15);

describe('directory entries: Windows identifiers as text', () => {
  it('reads a binary objectSid (base64) as S-1-…', () => {
    // S-1-5-32-544 (BUILTIN\Administrators): revision 1, two sub-authorities, authority 5.
    const sid = Buffer.from([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 2, 0, 0]).toString('base64');
    expect(sidText(sid)).toBe('S-1-5-32-544');
    expect(sidText('AQUAAAAAAAUVAAAAobLD1OX2p7jJ0OHy9AEAAA==')).toBe('S-1-5-21-3569595041-3098015461-4074885321-500');
    expect(sidText('S-1-5-21-1-2-3-1104')).toBe('S-1-5-21-1-2-3-1104');
    expect(sidText(Buffer.from([2, 0, 0, 0, 0, 0, 0, 5]).toString('base64'))).toBeUndefined();
  });

  it('reads a binary objectGUID with its first three fields little-endian', () => {
    const guid = Buffer.from('33221100554477668899aabbccddeeff', 'hex').toString('base64');
    expect(guidText(guid)).toBe('00112233-4455-6677-8899-aabbccddeeff');
    expect(guidText('not a guid!')).toBeUndefined();
  });
});

describe('directory entries: disabled markers', () => {
  const user = (attributes: Record<string, string>) => ldifEntry('uid=a,ou=people,dc=example,dc=org', { objectClass: ['inetOrgPerson'], ...attributes });

  it.each([
    [{}, 'enabled'],
    [{ userAccountControl: '512' }, 'enabled'],
    [{ userAccountControl: '514' }, 'disabled'],
    [{ pwdAccountLockedTime: '000001010000Z' }, 'disabled'],
    [{ nsAccountLock: 'TRUE' }, 'disabled'],
    [{ nsAccountLock: 'false' }, 'enabled'],
    [{ shadowExpire: String(Math.floor(NOW / DAY) - 1) }, 'disabled'],
    [{ shadowExpire: String(Math.floor(NOW / DAY) + 30) }, 'enabled'],
    [{ shadowExpire: '-1' }, 'enabled'],
  ])('%j → %s', (attributes, status) => {
    expect(accountStatus(user(attributes), NOW)).toBe(status);
  });

  it('refuses a shadowExpire that is not a number of days', () => {
    expect(() => accountStatus(user({ shadowExpire: 'soon' }), NOW)).toThrowError(/shadowExpire "soon" is not a number of days/);
  });
});
