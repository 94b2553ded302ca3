import { ORG } from '../company-data.js';
import type { Office } from '../company-data.js';
import type { EntraUser } from '../model.js';
import type { Rng } from '../prng.js';
import type { Employee } from '../roster.js';

/**
 * Normal Entra ID users: one member per employee (UPN = e-mail), disabled for every leaver, plus
 * two B2B guests. Guests are external by design: they are neither orphans nor leavers.
 */

export function officePhone(rng: Rng, office: Office): string {
  return `${office.phonePrefix}${String(rng.int(100, 199))}`;
}

export function memberFor(rng: Rng, e: Employee): EntraUser {
  return {
    userPrincipalName: e.email,
    displayName: e.displayName,
    givenName: e.firstName,
    surname: e.lastName,
    mail: e.email,
    objectId: rng.guid(),
    userType: 'Member',
    jobTitle: e.title,
    department: e.department,
    accountEnabled: e.status !== 'terminated',
    office: e.office,
    telephoneNumber: officePhone(rng, e.office),
    employeeId: e.employeeId,
  };
}

function guest(rng: Rng, first: string, last: string, company: string, domain: string): EntraUser {
  const local = `${first}.${last}`.toLowerCase();
  return {
    userPrincipalName: `${local}_${domain}#EXT#@${ORG.tenantDomain}`,
    displayName: `${first} ${last} (${company})`,
    givenName: first,
    surname: last,
    mail: `${local}@${domain}`,
    objectId: rng.guid(),
    userType: 'Guest',
    jobTitle: '',
    department: '',
    accountEnabled: true,
    office: null,
    telephoneNumber: '',
    employeeId: null,
  };
}

export function buildEntra(rng: Rng, employees: readonly Employee[]): EntraUser[] {
  return [
    ...employees.map((e) => memberFor(rng, e)),
    guest(rng, 'Alex', 'Morgan', 'Fabrikam', 'fabrikam-partners.example'),
    guest(rng, 'Priyanka', 'Rao', 'Contoso Audit', 'contoso-audit.example'),
  ];
}
