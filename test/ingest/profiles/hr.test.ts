import { describe, expect, it } from 'vitest';
import { hrProfile } from '../../../src/ingest/profiles/hr.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

const run = (text: string, options?: Parameters<typeof runTableProfile>[2]) => runTableProfile(hrProfile, text, options);

describe('hr profile', () => {
  it('reads the roster layout: statuses with synonyms, dates, rejections with their line', () => {
    const result = run(readFixture('hr-roster.csv'));
    expect(countsOf(result)).toEqual({ rows: 11, identities: 7, accounts: 0, entitlements: 0, grants: 0, rejected: 4 });
    expect(result.identities.map((i) => [i.employeeId, i.status])).toEqual([
      ['E1001', 'active'],
      ['E1002', 'active'],
      ['E1003', 'leave'],
      ['E1004', 'terminated'],
      ['E1005', 'terminated'],
      ['E1006', 'active'],
      ['E1010', 'leave'],
    ]);
    expect(result.identities[1]).toEqual({
      employeeId: 'E1002',
      firstName: 'Björn',
      lastName: 'Ångström',
      displayName: 'Björn Ångström',
      email: 'bjorn.angstrom@example.com',
      managerEmployeeId: 'E1001',
      department: 'Finance',
      title: 'Director, Finance',
      location: 'Amsterdam',
      employmentType: 'Full-time',
      status: 'active',
      hireDate: '2017-06-19',
      terminationDate: null,
    });
    expect(result.identities[3]).toMatchObject({ employeeId: 'E1004', status: 'terminated', employmentType: 'Contractor', hireDate: '2019-09-30', terminationDate: '2026-09-15' });
    // Terminated with no termination date is fine; active with a past termination date is kept as given.
    expect(result.identities[4]).toMatchObject({ employeeId: 'E1005', status: 'terminated', terminationDate: null });
    expect(result.identities[5]).toMatchObject({ employeeId: 'E1006', status: 'active', terminationDate: '2026-08-31' });
    expect(result.identities[0]).not.toHaveProperty('managerEmployeeId');
    expect(result.rejections).toEqual([
      { line: 8, reason: 'Status "Pending" is not active, leave or terminated' },
      { line: 9, reason: 'Employee ID is empty' },
      { line: 10, reason: 'Hire Date "2020-02-30" is not a date' },
      { line: 12, reason: 'Employee ID E1002 appears again (first at line 3)' },
    ]);
  });

  it('matches synonym headers, reads day-first dates once a date proves it, and infers status from a termination date', () => {
    const result = run(readFixture('hr-roster-synonyms-day-first.csv'));
    expect(countsOf(result)).toEqual({ rows: 6, identities: 5, accounts: 0, entitlements: 0, grants: 0, rejected: 1 });
    expect(result.identities).toEqual([
      {
        employeeId: '7001', firstName: 'Katja', lastName: 'Meier', email: 'katja.meier@example.de', department: 'Vorstand', title: 'Geschäftsführerin',
        location: 'Berlin', employmentType: 'Festanstellung', status: 'active', hireDate: '2017-06-19', terminationDate: null,
      },
      {
        employeeId: '7002', firstName: 'Lars', lastName: 'Jensen', email: 'lars.jensen@example.de', managerEmail: 'katja.meier@example.de', department: 'Finanzen',
        title: 'Buchhalter', location: 'Berlin', employmentType: 'Festanstellung', status: 'terminated', hireDate: '2015-02-03', terminationDate: '2026-10-31',
      },
      {
        employeeId: '7003', firstName: 'Mia', lastName: 'Schulz', email: 'mia.schulz@example.de', managerEmail: 'katja.meier@example.de', department: 'Finanzen',
        title: 'Controllerin', location: 'Hamburg', employmentType: 'Teilzeit', status: 'leave', hireDate: '2022-04-01', terminationDate: null,
      },
      {
        employeeId: '7004', firstName: 'Nils', lastName: 'Braun', email: 'nils.braun@example.de', managerEmail: 'katja.meier@example.de', department: 'IT',
        title: 'Administrator', location: 'Hamburg', employmentType: 'Festanstellung', status: 'active', hireDate: '2020-05-04', terminationDate: null,
      },
      {
        employeeId: '7005', firstName: 'Olga', lastName: 'Wolf', email: 'olga.wolf@example.de', managerEmail: 'katja.meier@example.de', department: 'IT',
        title: 'Entwicklerin', location: 'Berlin', employmentType: 'Festanstellung', status: 'terminated', hireDate: '2019-08-01', terminationDate: '2026-09-30',
      },
    ]);
    // The file proved day-first on its first row: a month-first date later is refused, not misread.
    expect(result.rejections).toEqual([{ line: 7, reason: 'Hire Date "02/13/2021" is not a date' }]);
  });

  it.each([
    ['Active', 'active'], ['ACTIVE', 'active'], ['Employed', 'active'], ['A', 'active'],
    ['Leave', 'leave'], ['On Leave', 'leave'], ['on-leave', 'leave'], ['LOA', 'leave'], ['Leave of absence', 'leave'], ['Sabbatical', 'leave'], ['Parental leave', 'leave'],
    ['Terminated', 'terminated'], ['Term', 'terminated'], ['Inactive', 'terminated'], ['Withdrawn', 'terminated'], ['Separated', 'terminated'], ['Resigned', 'terminated'], ['T', 'terminated'],
  ])('status %j is %s', (word, status) => {
    expect(run(`Employee ID,Email,Status\r\nE1,a@example.com,${word}\r\n`).identities[0]?.status).toBe(status);
  });

  it.each(['Pending', 'Pre-hire', 'Suspended', 'Activ', 'yes'])('status %j rejects the row', (word) => {
    expect(run(`Employee ID,Email,Status\r\nE1,a@example.com,${word}\r\n`).rejections).toEqual([{ line: 2, reason: `Status "${word}" is not active, leave or terminated` }]);
  });

  it('a mapping names columns the synonyms do not know', () => {
    const text = 'Personalnummer,Vorname,Nachname,Status,Austritt\r\n42,Eva,Roth,Aktiv,\r\n43,Tom,Lang,,2026-01-31\r\n';
    const result = run(text, { mapping: { 'Employee ID': 'Personalnummer', 'First Name': 'Vorname', 'Last Name': 'Nachname', 'Termination Date': 'Austritt' } });
    expect(result.rejections).toEqual([{ line: 2, reason: 'Status "Aktiv" is not active, leave or terminated' }]);
    expect(result.identities).toEqual([{ employeeId: '43', firstName: 'Tom', lastName: 'Lang', status: 'terminated', hireDate: null, terminationDate: '2026-01-31' }]);
    const withoutStatus = run(text.replace('Status', 'Zustand'), { mapping: { 'Employee ID': 'Personalnummer', 'Termination Date': 'Austritt' } });
    expect(withoutStatus.identities).toEqual([
      { employeeId: '42', status: 'active', hireDate: null, terminationDate: null },
      { employeeId: '43', status: 'terminated', hireDate: null, terminationDate: '2026-01-31' },
    ]);
  });

  it('refuses a file without an Employee ID column', () => {
    expect(() => run('Name,Email,Status\r\nA,a@example.com,Active\r\n')).toThrow(/Employee ID/);
  });
});
