import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSnapshot } from '../../../src/ingest/import-snapshot.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { newWorkspace } from '../../helpers/workspace.js';

/**
 * A small company where every finding type appears once, with its near-misses. HR has two
 * snapshots (Bob moves from Finance to Sales); the ERP has two (Ivy's CRM grant is new; Carl's
 * Payments Admin was there both times); VPN reports no activity dates at all; Mail reports MFA.
 */

const HR_HEADER = 'Employee ID,Display Name,Email,Department,Title,Status,Hire Date,Termination Date';
const person = (id: string, name: string, email: string, dept: string, title: string, status = 'active', term = ''): string =>
  `${id},${name},${email},${dept},${title},${status},2020-01-01,${term}`;

const FINANCE = [
  person('E1', 'Ann Lee', 'ann.lee@corp.example', 'Finance', 'Analyst'),
  person('E3', 'Carl Fox', 'carl.fox@corp.example', 'Finance', 'Analyst'),
  person('E4', 'Dina Oak', 'dina.oak@corp.example', 'Finance', 'Analyst'),
  person('E5', 'Ed Moss', 'ed.moss@corp.example', 'Finance', 'Analyst'),
  person('E6', 'Fay Lin', 'fay.lin@corp.example', 'Finance', 'Analyst'),
  person('E7', 'Gus Bell', 'gus.bell@corp.example', 'Finance', 'Analyst'),
];
const OTHERS = [
  person('E8', 'Eve Sales', 'eve.sales@corp.example', 'Sales', 'Rep'),
  person('E9', 'Ivy Kim', 'ivy.kim@corp.example', 'Sales', 'Rep'),
  person('E10', 'Tom Gone', 'tom.gone@corp.example', 'Finance', 'Clerk', 'terminated', '2026-05-01'),
  person('E11', 'Dan Gone', 'dan.gone@corp.example', 'Finance', 'Clerk', 'terminated', '2026-05-01'),
  person('E12', 'Pat One', 'pat@corp.example', 'IT', 'Engineer'),
  person('E13', 'Pat Two', 'pat@corp.example', 'IT', 'Engineer'),
  person('E14', 'Zoe Owner', 'zoe.owner@corp.example', 'IT', 'Engineer'),
  person('E15', 'Nora Name', 'nora.name@corp.example', 'IT', 'Engineer'),
];
const HR_BEFORE = [HR_HEADER, ...FINANCE, person('E2', 'Bob Ray', 'bob.ray@corp.example', 'Finance', 'Analyst'), ...OTHERS];
const HR_AFTER = [HR_HEADER, ...FINANCE, person('E2', 'Bob Ray', 'bob.ray@corp.example', 'Sales', 'Rep'), ...OTHERS];

const ERP_HEADER = 'Account,Email,Display Name,Employee ID,Entitlement,Privileged,Status,Last Login,Account Type';
const RECENT = '2026-05-30';
const erp = (account: string, email: string, name: string, id: string, entitlement: string, options: { privileged?: boolean; status?: string; login?: string; type?: string } = {}): string =>
  `${account},${email},${name},${id},${entitlement},${options.privileged ? 'yes' : 'no'},${options.status ?? 'enabled'},${options.login ?? RECENT},${options.type ?? 'human'}`;

const ERP_LATEST = [
  ERP_HEADER,
  erp('alee', '', 'Ann Lee', 'E1', 'GL View'),
  erp('cfox', '', 'Carl Fox', 'E3', 'GL View'),
  erp('cfox', '', 'Carl Fox', 'E3', 'Payments Admin', { privileged: true }),
  erp('doak', '', 'Dina Oak', 'E4', 'GL View', { login: '2026-01-15' }),
  erp('emoss', '', 'Ed Moss', 'E5', 'GL View'),
  erp('flin', '', 'Fay Lin', 'E6', 'GL View'),
  erp('gbell', '', 'Gus Bell', 'E7', 'GL View'),
  erp('bray', 'bob.ray@corp.example', 'Bob Ray', '', 'GL View'),
  erp('bray', 'bob.ray@corp.example', 'Bob Ray', '', 'CRM'),
  erp('eve.sales', '', 'Eve S', '', 'CRM'),
  erp('ikim', '', 'Ivy Kim', 'E9', 'CRM'),
  erp('tgone', '', 'Tom Gone', 'E10', 'GL View', { login: '2026-05-10' }),
  erp('dgone', '', 'Dan Gone', 'E11', 'GL View', { status: 'disabled', login: '2026-04-20' }),
  erp('pat', 'pat@corp.example', 'Pat', '', 'GL View'),
  erp('svc-batch', '', 'Batch job', '', 'GL View', { type: 'service' }),
  erp('svc-owned', '', 'Owned job', '', 'GL View', { type: 'service' }),
  erp('ghost', '', 'Casper', '', 'GL View'),
  erp('team', '', 'Team login', '', 'GL View', { type: 'shared' }),
  erp('guest1', 'guest@partner.example', 'A Guest', '', 'GL View', { type: 'external' }),
  erp('nn01', '', 'Nora Name', '', 'GL View'),
];
/** The previous ERP snapshot: the same, without Ivy's CRM grant. */
const ERP_PREVIOUS = ERP_LATEST.filter((row) => !row.startsWith('ikim,'));

const VPN = ['Account,Employee ID,Entitlement,Status', 'alee,E1,VPN Users,enabled', 'cfox,E3,VPN Users,enabled'];
const MAIL = [
  'First Name,Last Name,Email Address,Status,Last Sign In,Employee ID,2sv Enrolled',
  'Ann,Lee,ann.lee@corp.example,Active,2026/05/30 10:00:00,E1,True',
  'Ed,Moss,ed.moss@corp.example,Active,2026/05/30 10:00:00,E5,False',
  'Fay,Lin,fay.lin@corp.example,Suspended,2026/05/30 10:00:00,E6,False',
];

export async function load(ws: Workspace, dir: string, name: string, lines: string[], profile: string, system: string, asOf: string): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  await importSnapshot(ws, { files: [{ path }], profile, system, asOf, operator: 'tester' });
}

export const AS_OF = '2026-06-01';

export async function buildSmallEstate(dir: string): Promise<Workspace> {
  const ws = newWorkspace(dir);
  await load(ws, dir, 'hr-1.csv', HR_BEFORE, 'hr', 'HR', '2026-03-01');
  await load(ws, dir, 'hr-2.csv', HR_AFTER, 'hr', 'HR', AS_OF);
  await load(ws, dir, 'erp-1.csv', ERP_PREVIOUS, 'grants', 'ERP', '2026-05-15');
  await load(ws, dir, 'erp-2.csv', ERP_LATEST, 'grants', 'ERP', AS_OF);
  await load(ws, dir, 'vpn.csv', VPN, 'grants', 'VPN', AS_OF);
  await load(ws, dir, 'mail.csv', MAIL, 'google-workspace-users', 'Mail', AS_OF);
  return ws;
}
