import { describe, expect, it } from 'vitest';
import { AttestError } from '../../../src/errors.js';
import { headerKey, matchHeader } from '../../../src/ingest/normalize/header-match.js';
import type { FieldSpec } from '../../../src/ingest/profile.js';

describe('headerKey', () => {
  it.each([
    ['Employee ID', 'employeeid'],
    ['employee_id', 'employeeid'],
    ['EmployeeID', 'employeeid'],
    ['  EMPLOYEE-ID  ', 'employeeid'],
    ['\uFEFFEmployee ID', 'employeeid'],
    ['Last Sign In [READ ONLY]', 'lastsignin'],
    ['Email Address [Required]', 'emailaddress'],
    ['Recovery Phone [MUST BE IN THE E.164 FORMAT]', 'recoveryphone'],
    ['Date created (UTC)', 'datecreated'],
    ['Amount (EUR) [Required]', 'amount'],
    ['2sv Enrolled [READ ONLY]', '2svenrolled'],
    ['Ｅｍｐｌｏｙｅｅ　ＩＤ', 'employeeid'],
    ['Größe', 'größe'],
    ['Nom de l’employé', 'nomdelemployé'],
    ['(UTC)', 'utc'],
    ['[id]', 'id'],
    ['Note (a) here', 'noteahere'],
    ['', ''],
  ])('%j → %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

const FIELDS: FieldSpec[] = [
  { name: 'Account', required: true, synonyms: ['Username', 'Login', 'User'] },
  { name: 'Entitlement', required: true, synonyms: ['Role', 'Group'] },
  { name: 'Email', required: false, synonyms: ['Email Address', 'Mail'] },
  { name: 'Display Name', required: false, synonyms: ['Name', 'Login'] },
  { name: 'Status', required: false },
];

const columnsOf = (header: string[], mapping?: Record<string, string>) => Object.fromEntries(matchHeader(header, FIELDS, mapping).columns);

describe('matchHeader', () => {
  it('matches names and synonyms case-, space- and punctuation-insensitively', () => {
    expect(columnsOf(['user_name', 'ROLE', 'e-mail address', 'Display  Name', 'status [read only]'])).toEqual({ Account: 0, Entitlement: 1, Email: 2, 'Display Name': 3, Status: 4 });
    expect(matchHeader(['user_name', 'ROLE'], FIELDS).missing).toEqual([]);
  });

  it('lists the required fields it could not find, in field order', () => {
    const match = matchHeader(['Email', 'Something'], FIELDS);
    expect(match.missing).toEqual(['Account', 'Entitlement']);
    expect(Object.fromEntries(match.columns)).toEqual({ Email: 0 });
  });

  it('prefers the first synonym listed, and the first of two columns with one key', () => {
    expect(columnsOf(['User', 'Login', 'Role'])).toMatchObject({ Account: 1, Entitlement: 2 });
    expect(columnsOf(['Account', 'Role', 'account', 'ROLE'])).toEqual({ Account: 0, Entitlement: 1 });
  });

  it('gives each column to one field, exact names before synonyms', () => {
    // "Login" is a synonym of both Account and Display Name: the first field listed takes it.
    expect(columnsOf(['Login', 'Role'])).toEqual({ Account: 0, Entitlement: 1 });
    // A field named exactly like a column keeps it even when an earlier field lists it as a synonym.
    const fields: FieldSpec[] = [
      { name: 'Owner', required: false, synonyms: ['Account'] },
      { name: 'Account', required: true },
    ];
    expect(Object.fromEntries(matchHeader(['Account'], fields).columns)).toEqual({ Account: 0 });
  });

  it('a mapping overrides matching and takes its columns out of it', () => {
    expect(columnsOf(['Login', 'Permission', 'Username'], { Account: 'Login', Entitlement: 'Permission' })).toEqual({ Account: 0, Entitlement: 1 });
    // Mapped by headerKey too, and by field name in any case
    expect(columnsOf(['LOGIN NAME', 'Perm'], { account: 'login_name', Entitlement: 'Perm' })).toEqual({ Account: 0, Entitlement: 1 });
    // The mapped column is not matched again for another field
    expect(columnsOf(['Mail', 'Role', 'Account'], { Account: 'Mail' })).toEqual({ Account: 0, Entitlement: 1 });
    expect(matchHeader(['Mail', 'Role'], FIELDS, { Account: 'Mail' }).missing).toEqual([]);
  });

  it('an unknown field or a header not in the file is INVALID_MAPPING, naming what is wrong and what is valid', () => {
    let error: unknown;
    try {
      matchHeader(['Login', 'Permission'], FIELDS, { Acount: 'Login', Entitlement: 'Perms' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttestError);
    expect((error as AttestError).code).toBe('INVALID_MAPPING');
    const message = (error as AttestError).message;
    expect(message).toContain('"Acount" is not a field of this profile (fields: Account, Entitlement, Email, Display Name, Status)');
    expect(message).toContain('the header "Perms" given for Entitlement is not in the file (headers: Login, Permission)');
    expect(message).toMatch(/Fix the mapping file/);
  });

  it('a long header list is cut short in the message', () => {
    const header = Array.from({ length: 100 }, (_, i) => `Column ${i}`);
    expect(() => matchHeader(header, FIELDS, { Account: 'nope' })).toThrow(/Column 39 and 60 more\)/);
  });
});
