import { csvText } from '../csv-text.js';
import { dayString } from '../dates.js';
import type { Employee, EmployeeStatus } from '../roster.js';

/** The HR roster in a generic HR layout (dates YYYY-MM-DD), one row per employee by employee id. */

export const HR_ROSTER_COLUMNS = [
  'Employee ID', 'First Name', 'Last Name', 'Display Name', 'Email', 'Manager Employee ID', 'Department', 'Title',
  'Location', 'Employment Type', 'Status', 'Hire Date', 'Termination Date',
] as const;

const STATUS_TEXT: Record<EmployeeStatus, string> = { active: 'Active', leave: 'Leave', terminated: 'Terminated' };

export function hrRosterCsv(employees: readonly Employee[]): string {
  return csvText(
    HR_ROSTER_COLUMNS,
    employees.map((e) => ({
      'Employee ID': e.employeeId,
      'First Name': e.firstName,
      'Last Name': e.lastName,
      'Display Name': e.displayName,
      Email: e.email,
      'Manager Employee ID': e.managerId ?? '',
      Department: e.department,
      Title: e.title,
      Location: e.office.name,
      'Employment Type': e.employmentType,
      Status: STATUS_TEXT[e.status],
      'Hire Date': dayString(e.hireDate),
      'Termination Date': e.terminationDate ? dayString(e.terminationDate) : '',
    })),
  );
}
