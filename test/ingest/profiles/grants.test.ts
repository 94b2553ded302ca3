import { describe, expect, it } from 'vitest';
import { grantsProfile } from '../../../src/ingest/profiles/grants.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

const run = (text: string, options?: Parameters<typeof runTableProfile>[2]) => runTableProfile(grantsProfile, text, options);

describe('grants profile', () => {
  it('reads the generic grants layout: lists in a cell, privileged, status and account-type words', () => {
    const result = run(readFixture('grants.csv'));
    expect(countsOf(result)).toEqual({ rows: 11, identities: 0, accounts: 6, entitlements: 7, grants: 9, rejected: 4 });
    expect(result.accounts).toEqual([
      {
        key: 'ANOVAK', login: 'ANOVAK', email: 'ana.novak@example.com', displayName: 'Ana Novak', employeeId: 'E1001', status: 'enabled',
        accountType: 'human', privileged: true, lastLogin: '2026-10-28T09:14:02Z',
      },
      {
        key: 'BANGSTROM', login: 'BANGSTROM', email: 'bjorn.angstrom@example.com', displayName: 'Björn Ångström', employeeId: 'E1002', status: 'enabled',
        accountType: 'human', privileged: true, lastLogin: '2026-10-30T16:02:11Z',
      },
      {
        key: 'CCLERK', login: 'CCLERK', email: 'chidi.okafor@example.com', displayName: 'Chidi Okafor', employeeId: 'E1003', status: 'disabled',
        accountType: 'human', lastLogin: null,
      },
      {
        key: 'SVC-ERP-INTEGRATION', login: 'SVC-ERP-INTEGRATION', email: 'erp-integration@example.com', displayName: 'ERP integration (payroll feed)',
        status: 'enabled', accountType: 'service', lastLogin: '2026-10-31T02:00:00Z',
      },
      {
        key: 'SHARED-FINANCE', login: 'SHARED-FINANCE', email: 'finance-team@example.com', displayName: 'Finance team mailbox', status: 'disabled',
        accountType: 'shared', lastLogin: null,
      },
      {
        key: 'EVENDOR', login: 'EVENDOR', email: 'billing@acme-consulting.example', displayName: 'Acme Consulting', status: 'enabled',
        accountType: 'external', lastLogin: '2026-09-01T10:00:00Z',
      },
    ]);
    expect(result.entitlements).toEqual([
      { key: 'AP Approver', name: 'AP Approver', type: 'ERP Role', privileged: true },
      { key: 'GL Journal Entry', name: 'GL Journal Entry', type: 'ERP Role', privileged: false },
      { key: 'Payment Release', name: 'Payment Release', type: 'ERP Role', privileged: true },
      { key: 'Vendor Master Edit', name: 'Vendor Master Edit', type: 'ERP Role', privileged: true },
      { key: 'AP Clerk', name: 'AP Clerk', type: 'ERP Role', privileged: false },
      { key: 'Report Viewer', name: 'Report Viewer', type: 'ERP Role', privileged: false },
      { key: 'API Integration', name: 'API Integration', type: 'ERP Role', privileged: false },
    ]);
    expect(result.grants).toEqual([
      'ANOVAK → AP Approver',
      'ANOVAK → GL Journal Entry',
      'BANGSTROM → Payment Release',
      'BANGSTROM → Vendor Master Edit',
      'CCLERK → AP Clerk',
      'CCLERK → Report Viewer',
      'SVC-ERP-INTEGRATION → API Integration',
      'SHARED-FINANCE → Report Viewer',
      'EVENDOR → Report Viewer',
    ]);
    expect(result.rejections).toEqual([
      { line: 8, reason: 'Privileged "maybe" is not yes/no' },
      { line: 10, reason: 'Account Type "Robot" is not human, service, shared or external' },
      { line: 11, reason: 'Account is empty' },
      { line: 12, reason: 'Duplicate row (first at line 2)' },
    ]);
    expect(result.duplicateGrants).toBe(1);
    expect(result.conflicts).toEqual([]);
  });

  it('a "no" row next to a "yes" row leaves the account privileged', () => {
    const result = run('Account,Entitlement,Privileged\r\na,Admin,yes\r\na,Viewer,no\r\nb,Viewer,no\r\n');
    expect(result.accounts).toEqual([
      { key: 'a', login: 'a', status: 'enabled', privileged: true, lastLogin: null },
      { key: 'b', login: 'b', status: 'enabled', lastLogin: null },
    ]);
  });

  it('reads the synonyms an import names (User Name, Mail, Role, State)', () => {
    const result = run('User Name,Mail,Role,State\r\nalice,alice@example.com,AP Clerk,Active\r\nbob,bob@example.com,AP Approver;GL Journal Entry,Inactive\r\n');
    expect(result.accounts).toEqual([
      { key: 'alice', login: 'alice', email: 'alice@example.com', status: 'enabled', lastLogin: null },
      { key: 'bob', login: 'bob', email: 'bob@example.com', status: 'disabled', lastLogin: null },
    ]);
    expect(result.grants).toEqual(['alice → AP Clerk', 'bob → AP Approver', 'bob → GL Journal Entry']);
  });

  it('an account with an empty entitlement cell is an account without grants', () => {
    const result = run('Account,Entitlement\r\nlonely, ; ,\r\n');
    expect(countsOf(result)).toEqual({ rows: 1, identities: 0, accounts: 1, entitlements: 0, grants: 0, rejected: 0 });
  });

  it.each([
    ['Enabled', 'enabled'], ['active', 'enabled'], ['TRUE', 'enabled'],
    ['Disabled', 'disabled'], ['inactive', 'disabled'], ['Locked', 'disabled'], ['Suspended', 'disabled'], ['Deactivated', 'disabled'], ['locked_out', 'disabled'],
  ])('status %j is %s', (word, status) => {
    expect(run(`Account,Entitlement,Status\r\na,X,${word}\r\n`).accounts[0]?.status).toBe(status);
  });

  it.each([
    ['Human', 'human'], ['user', 'human'], ['Person', 'human'], ['Employee', 'human'],
    ['Service', 'service'], ['System', 'service'], ['bot', 'service'], ['Application', 'service'], ['Technical', 'service'], ['non-human', 'service'],
    ['Shared', 'shared'],
    ['External', 'external'], ['Guest', 'external'], ['Contractor', 'external'],
  ])('account type %j is %s', (word, type) => {
    expect(run(`Account,Entitlement,Account Type\r\na,X,${word}\r\n`).accounts[0]?.accountType).toBe(type);
  });

  it('refuses a file without an Entitlement column', () => {
    expect(() => run('Account,Email\r\na,a@example.com\r\n')).toThrow(/Entitlement/);
  });
});
