import { describe, expect, it } from 'vitest';
import { foldKey } from '../../../src/ingest/normalize/keys.js';

describe('foldKey', () => {
  it.each([
    ['Ana.Novak@Example.COM', 'ana.novak@example.com'],
    ['  bob@example.com\t', 'bob@example.com'],
    // NFD (e + combining acute) and NFC (é) fold to the same key
    ['Jose\u0301@example.com', 'jos\u00e9@example.com'],
    ['JOS\u00c9@example.com', 'jos\u00e9@example.com'],
    ['ÅNGSTRÖM', 'ångström'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(foldKey(text)).toBe(expected);
  });

  it('keeps what is not case or composition: punctuation, inner spaces, compatibility forms', () => {
    expect(foldKey('first last')).toBe('first last');
    expect(foldKey('ﬁnance')).toBe('ﬁnance');
    expect(foldKey('a.b')).not.toBe(foldKey('ab'));
  });
});
