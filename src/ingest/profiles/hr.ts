import type { MappedRow } from '../profile.js';
import type { RecordSink } from '../records.js';
import { defineTableProfile, optional, required } from './table/define-table-profile.js';
import { compact, dayOf, requireValue } from './table/record-parts.js';
import { IDENTITY_STATUS, readWord } from './table/vocabulary.js';

/** The generic HR roster (CLI.md "Generic file layouts"): the authoritative list of people. */

const FIELDS = [
  required('Employee ID', 'Employee Number', 'Employee No', 'Emp ID', 'Emp No', 'Worker ID', 'Associate ID', 'Personnel Number', 'Staff ID', 'Staff Number', 'Person ID'),
  optional('First Name', 'Given Name', 'First', 'Forename', 'Legal First Name', 'Preferred First Name'),
  optional('Last Name', 'Surname', 'Family Name', 'Last', 'Legal Last Name'),
  optional('Display Name', 'Full Name', 'Name', 'Employee Name', 'Worker Name', 'Preferred Name'),
  optional('Email', 'Email Address', 'Work Email', 'Work Email Address', 'Business Email', 'Primary Email', 'E-mail', 'Mail'),
  optional('Manager Employee ID', 'Manager ID', 'Manager Employee Number', 'Manager Number', 'Supervisor ID', 'Supervisor Employee ID', 'Reports To ID'),
  optional('Manager Email', 'Manager Email Address', 'Manager Work Email', 'Supervisor Email', 'Reports To Email'),
  optional('Department', 'Dept', 'Department Name', 'Team'),
  optional('Title', 'Job Title', 'Position', 'Position Title', 'Job'),
  optional('Location', 'Office', 'Office Location', 'Work Location', 'Site'),
  optional('Employment Type', 'Employee Type', 'Worker Type', 'Worker Category', 'Contract Type'),
  optional('Status', 'Employee Status', 'Employment Status', 'Worker Status', 'Active Status'),
  optional('Hire Date', 'Start Date', 'Date Hired', 'Original Hire Date', 'Date of Joining', 'Joining Date'),
  optional('Termination Date', 'Term Date', 'Terminated On', 'Date Terminated', 'End Date', 'Leaving Date', 'Last Day', 'Separation Date', 'Exit Date'),
];

function mapRow(row: MappedRow, sink: RecordSink): void {
  const employeeId = requireValue(row, 'Employee ID');
  const status = readWord(row, 'Status', IDENTITY_STATUS);
  const hireDate = dayOf(row.date('Hire Date'));
  const terminationDate = dayOf(row.date('Termination Date'));
  sink.identity(
    compact({
      employeeId,
      firstName: row.get('First Name'),
      lastName: row.get('Last Name'),
      displayName: row.get('Display Name'),
      email: row.get('Email'),
      managerEmployeeId: row.get('Manager Employee ID'),
      managerEmail: row.get('Manager Email'),
      department: row.get('Department'),
      title: row.get('Title'),
      location: row.get('Location'),
      employmentType: row.get('Employment Type'),
      // Without a status, a termination date is the only word on it. As given otherwise, even
      // "active" with a past termination date: the roster is the authority, analysis flags it.
      status: status ?? (terminationDate ? 'terminated' : 'active'),
      hireDate,
      terminationDate,
    }),
  );
}

export const hrProfile = defineTableProfile({
  name: 'hr',
  content: 'identities',
  description: 'HR roster in any layout: employee ID, names, email, manager, department, title, status, hire and termination dates',
  defaultSystem: 'HR',
  fields: FIELDS,
  signature: {
    all: ['Employee ID', ['First Name', 'Last Name', 'Display Name', 'Email'], ['Status', 'Termination Date']],
    some: ['Manager Employee ID', 'Manager Email', 'Department', 'Title', 'Location', 'Employment Type', 'Hire Date', 'Termination Date'],
    base: 0.5,
    max: 0.7,
  },
  mapRow,
});
