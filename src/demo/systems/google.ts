import { daysBefore, recentActivity } from '../dates.js';
import type { GoogleUser } from '../model.js';
import type { Rng } from '../prng.js';
import { departmentSpec } from '../roster.js';
import type { Employee } from '../roster.js';
import { officePhone } from './entra.js';

/**
 * Normal Google Workspace users: one per employee. Current staff are Active, enrolled in 2-step
 * verification (enforced for /Staff) and signed in within 45 days; leavers are Suspended and moved
 * to /Leavers, with their last sign-in shortly before the termination date.
 */

export function googleUserFor(rng: Rng, e: Employee, managerEmail: string, asOf: Date): GoogleUser {
  const left = e.terminationDate;
  return {
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    orgUnitPath: left ? '/Leavers' : `/Staff/${e.department}`,
    status: left ? 'Suspended' : 'Active',
    lastSignIn: left ? daysBefore(rng, left, 0, 10, e.hireDate) : recentActivity(rng, asOf, e.hireDate),
    employeeId: e.employeeId,
    employeeType: e.employmentType,
    title: e.title,
    managerEmail,
    department: e.department,
    costCenter: departmentSpec(e.department).costCenter,
    twoSvEnrolled: left ? rng.chance(0.8) : true,
    twoSvEnforced: !left,
    office: e.office,
    workPhone: officePhone(rng, e.office),
    emailUsageMb: rng.int(40, 14_000),
    driveUsageMb: rng.int(0, 40_000),
  };
}

export function buildGoogle(rng: Rng, employees: readonly Employee[], asOf: Date): GoogleUser[] {
  const emailOf = new Map(employees.map((e) => [e.employeeId, e.email]));
  return employees.map((e) => googleUserFor(rng, e, e.managerId ? (emailOf.get(e.managerId) ?? '') : '', asOf));
}
