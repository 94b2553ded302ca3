import { blankRecord, csvText, trueFalse } from '../csv-text.js';
import type { CsvRecord } from '../csv-text.js';
import { googleTimestamp } from '../dates.js';
import type { GoogleUser } from '../model.js';

/** Google Workspace admin console "Download users" CSV (CRLF), ordered by e-mail address. */

export const GOOGLE_WORKSPACE_COLUMNS = [
  'First Name [Required]', 'Last Name [Required]', 'Email Address [Required]', 'Password [Required]',
  'Password Hash Function [UPLOAD ONLY]', 'Org Unit Path [Required]', 'New Primary Email [UPLOAD ONLY]',
  'Status [READ ONLY]', 'Last Sign In [READ ONLY]', 'Recovery Email', 'Home Secondary Email', 'Work Secondary Email',
  'Recovery Phone [MUST BE IN THE E.164 FORMAT]', 'Work Phone', 'Home Phone', 'Mobile Phone', 'Work Address',
  'Home Address', 'Employee ID', 'Employee Type', 'Employee Title', 'Manager Email', 'Department', 'Cost Center',
  '2sv Enrolled [READ ONLY]', '2sv Enforced [READ ONLY]', 'Building ID', 'Floor Name', 'Floor Section',
  'Email Usage [READ ONLY]', 'Drive Usage [READ ONLY]', 'Total Storage [READ ONLY]',
  'Change Password at Next Sign-In', 'New Status [UPLOAD ONLY]',
] as const;

const storage = (mb: number): string => `${(mb / 1024).toFixed(2)} GB`;

function googleRecord(u: GoogleUser): CsvRecord<typeof GOOGLE_WORKSPACE_COLUMNS> {
  const office = u.office;
  return {
    ...blankRecord(GOOGLE_WORKSPACE_COLUMNS),
    'First Name [Required]': u.firstName,
    'Last Name [Required]': u.lastName,
    'Email Address [Required]': u.email,
    'Password [Required]': '****',
    'Org Unit Path [Required]': u.orgUnitPath,
    'Status [READ ONLY]': u.status,
    'Last Sign In [READ ONLY]': u.lastSignIn ? googleTimestamp(u.lastSignIn) : 'Never logged in',
    'Work Phone': u.workPhone,
    'Work Address': office ? `${office.street}, ${office.city} ${office.postalCode}, ${office.country}` : '',
    'Employee ID': u.employeeId,
    'Employee Type': u.employeeType,
    'Employee Title': u.title,
    'Manager Email': u.managerEmail,
    Department: u.department,
    'Cost Center': u.costCenter,
    '2sv Enrolled [READ ONLY]': trueFalse(u.twoSvEnrolled),
    '2sv Enforced [READ ONLY]': trueFalse(u.twoSvEnforced),
    'Building ID': office?.building ?? '',
    'Email Usage [READ ONLY]': storage(u.emailUsageMb),
    'Drive Usage [READ ONLY]': storage(u.driveUsageMb),
    'Total Storage [READ ONLY]': storage(u.emailUsageMb + u.driveUsageMb),
    'Change Password at Next Sign-In': 'False',
  };
}

export function googleWorkspaceCsv(users: readonly GoogleUser[]): string {
  const sorted = [...users].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  return csvText(GOOGLE_WORKSPACE_COLUMNS, sorted.map(googleRecord));
}
