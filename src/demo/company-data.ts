/**
 * The fixed facts of the fictional demo company: its name, domains, offices, departments with
 * their titles, and the name lists people are drawn from. Everything random is drawn from these.
 * All names, addresses and numbers are invented (phone numbers are in ranges reserved for drama
 * or fiction: +44 20 7946 0xxx, +44 161 496 0xxx, 555-01xx).
 */

export const ORG = {
  name: 'Northwind Demo Ltd',
  domain: 'northwind-demo.example',
  /** Entra's initial domain, used in guest user principal names. */
  tenantDomain: 'northwinddemo.onmicrosoft.com',
  adDomain: 'corp.northwind-demo.example',
  adBaseDn: 'DC=corp,DC=northwind-demo,DC=example',
  founded: '2012-01-09',
  awsAccountCreated: '2016-03-14',
} as const;

export interface Office {
  /** As the HR roster spells the location. */
  name: string;
  building: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  countryCode: string;
  /** The office number is this prefix plus three digits. */
  phonePrefix: string;
  weight: number;
}

export const OFFICES: readonly Office[] = [
  {
    name: 'London HQ', building: 'LON-HQ', street: '1 Fenchurch Place, 4th Floor', city: 'London', state: '',
    postalCode: 'EC3M 4AJ', country: 'United Kingdom', countryCode: 'GB', phonePrefix: '+44 20 7946 0', weight: 40,
  },
  {
    name: 'Manchester', building: 'MAN-01', street: 'Unit 4, Canal Wharf', city: 'Manchester', state: '',
    postalCode: 'M1 2AB', country: 'United Kingdom', countryCode: 'GB', phonePrefix: '+44 161 496 0', weight: 14,
  },
  {
    name: 'Dublin', building: 'DUB-01', street: '12 Harbour Quay', city: 'Dublin', state: 'County Dublin',
    postalCode: 'D02 X123', country: 'Ireland', countryCode: 'IE', phonePrefix: '+353 1 555 0', weight: 12,
  },
  {
    name: 'Amsterdam', building: 'AMS-01', street: 'Keizersgracht 100', city: 'Amsterdam', state: 'Noord-Holland',
    postalCode: '1015 AA', country: 'Netherlands', countryCode: 'NL', phonePrefix: '+31 20 555 0', weight: 10,
  },
  {
    name: 'New York', building: 'NYC-01', street: '200 Hudson Street, Suite 1200', city: 'New York', state: 'NY',
    postalCode: '10013', country: 'United States', countryCode: 'US', phonePrefix: '+1 212 555 0', weight: 16,
  },
  {
    name: 'Austin', building: 'AUS-01', street: '500 Congress Avenue', city: 'Austin', state: 'TX',
    postalCode: '78701', country: 'United States', countryCode: 'US', phonePrefix: '+1 512 555 0', weight: 8,
  },
];

export interface DepartmentSpec {
  name: string;
  headcount: number;
  costCenter: string;
  /** The department head reports to the CEO (in Executive, the head is the CEO). */
  headTitle: string;
  /** How many managers report to the head; staff are spread over them. 0: staff report to the head. */
  managers: number;
  managerTitles: readonly string[];
  staffTitles: readonly string[];
}

export const EXECUTIVE = 'Executive';

/** Headcounts add up to 300. */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { name: EXECUTIVE, headcount: 2, costCenter: 'CC-100', headTitle: 'Chief Executive Officer', managers: 0, managerTitles: [], staffTitles: ['Executive Assistant'] },
  {
    name: 'Engineering', headcount: 80, costCenter: 'CC-300', headTitle: 'VP, Engineering', managers: 8,
    managerTitles: ['Engineering Manager'],
    staffTitles: ['Software Engineer', 'Senior Software Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Data Engineer', 'Staff Engineer'],
  },
  {
    name: 'Sales', headcount: 50, costCenter: 'CC-400', headTitle: 'VP, Sales', managers: 5,
    managerTitles: ['Sales Manager', 'Regional Sales Manager'],
    staffTitles: ['Account Executive', 'Sales Development Representative', 'Solutions Consultant', 'Account Manager'],
  },
  {
    name: 'Operations', headcount: 40, costCenter: 'CC-500', headTitle: 'Chief Operating Officer', managers: 4,
    managerTitles: ['Operations Manager', 'Procurement Manager', 'Facilities Manager', 'Logistics Manager'],
    staffTitles: ['Procurement Specialist', 'Operations Analyst', 'Logistics Coordinator', 'Facilities Coordinator'],
  },
  {
    name: 'Customer Support', headcount: 34, costCenter: 'CC-450', headTitle: 'Director, Customer Support', managers: 3,
    managerTitles: ['Support Manager'],
    staffTitles: ['Support Specialist', 'Senior Support Specialist', 'Support Engineer'],
  },
  {
    name: 'Finance', headcount: 26, costCenter: 'CC-200', headTitle: 'Chief Financial Officer', managers: 3,
    managerTitles: ['Financial Controller', 'Finance Manager', 'Treasury Manager'],
    staffTitles: [
      'Accounts Payable Specialist', 'Accountant', 'Senior Accountant', 'Treasury Analyst', 'FP&A Analyst',
      'Payroll Specialist', 'Accounts Receivable Specialist',
    ],
  },
  {
    name: 'Marketing', headcount: 24, costCenter: 'CC-600', headTitle: 'VP, Marketing', managers: 2,
    managerTitles: ['Marketing Manager'],
    staffTitles: ['Marketing Specialist', 'Content Writer', 'Product Marketing Manager', 'Marketing Operations Analyst'],
  },
  {
    name: 'IT', headcount: 20, costCenter: 'CC-700', headTitle: 'Head of IT', managers: 2,
    managerTitles: ['IT Manager', 'Security Manager'],
    staffTitles: ['Systems Administrator', 'IT Support Analyst', 'Network Engineer', 'Security Analyst'],
  },
  {
    name: 'HR', headcount: 14, costCenter: 'CC-800', headTitle: 'Director, People', managers: 1,
    managerTitles: ['HR Manager'],
    staffTitles: ['HR Business Partner', 'Recruiter', 'HR Coordinator'],
  },
  {
    name: 'Legal', headcount: 10, costCenter: 'CC-900', headTitle: 'General Counsel', managers: 1,
    managerTitles: ['Senior Counsel'],
    staffTitles: ['Counsel', 'Paralegal', 'Compliance Analyst'],
  },
];

/** Share of the roster terminated within the year before asOf. */
export const TERMINATED_SHARE = 0.07;
/** Departments that each get one termination in the 5-60 days before asOf (the leavers are planted among them). */
export const RECENT_LEAVER_DEPARTMENTS: readonly string[] = ['Engineering', 'Finance', 'Sales', 'IT', 'Operations'];
export const ON_LEAVE_COUNT = 6;

export const EMPLOYMENT_TYPES: readonly (readonly [string, number])[] = [
  ['Full-time', 85],
  ['Part-time', 7],
  ['Fixed-term', 5],
  ['Contractor', 3],
];

/**
 * First names. Every one is used at least once in a 300-person roster (the pool is cycled), so
 * the names with non-ASCII letters are always present. None is "Test", "Summer" or "Intern",
 * which the planted orphan accounts use.
 */
export const FIRST_NAMES: readonly string[] = [
  'Aaron', 'Abigail', 'Adam', 'Adrian', 'Agnès', 'Aidan', 'Aisha', 'Alan', 'Alexandra', 'Alice', 'Amara', 'Amelia',
  'Andrew', 'Angela', 'Anika', 'Anthony', 'Aoife', 'Arjun', 'Beatrice', 'Ben', 'Björn', 'Bridget', 'Caleb', 'Carla',
  'Carlos', 'Catherine', 'Charlotte', 'Chen', 'Chloé', 'Christopher', 'Claire', 'Conor', 'Daniel', 'Daniela', 'David',
  'Deepa', 'Diana', 'Dominic', 'Eleanor', 'Elena', 'Eliza', 'Élodie', 'Emeka', 'Emily', 'Emma', 'Ethan', 'Fatima',
  'Felix', 'Fiona', 'François', 'Gabriel', 'Grace', 'Hannah', 'Harry', 'Hassan', 'Helen', 'Henrik', 'Ian', 'Imogen',
  'Inès', 'Isaac', 'Isabel', 'Ivan', 'Jack', 'Jacob', 'James', 'Jasmine', 'Javier', 'Jennifer', 'Jessica', 'Joanna',
  'Jonathan', 'José', 'Julia', 'Jürgen', 'Karen', 'Katarzyna', 'Kenji', 'Laura', 'Leo', 'Liam', 'Lily', 'Lucy',
  'Łukasz', 'Maeve', 'Marcus', 'Maria', 'Mark', 'Martin', 'Maya', 'Mei', 'Michael', 'Mohammed', 'Natalie', 'Nathan',
  'Nia', 'Nicholas', 'Niamh', 'Noah', 'Olivia', 'Omar', 'Oscar', 'Patrick', 'Paul', 'Priya', 'Rachel', 'Rahul',
  'Rebecca', 'Renée', 'Ricardo', 'Robert', 'Rosa', 'Ruth', 'Ryan', 'Samuel', 'Sara', 'Seán', 'Sebastian', 'Simon',
  'Siobhán', 'Sofia', 'Søren', 'Sophie', 'Stephen', 'Tariq', 'Thomas', 'Tobias', 'Tom', 'Valentina', 'Victoria',
  'Wei', 'William', 'Yusuf', 'Zara', 'Zoë',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Ahmed', 'Allen', 'Andersen', 'Bailey', 'Baker', 'Banerjee', 'Barnes', 'Bennett', 'Brennan', 'Brooks',
  'Campbell', 'Carter', 'Chen', 'Clarke', 'Collins', 'Cooper', "D'Souza", 'Davies', 'de la Cruz', 'Dvořák', 'Edwards',
  'Evans', 'Fischer', 'Fitzgerald', 'Fletcher', 'García', 'Graham', 'Gray', 'Green', 'Hall', 'Harris', 'Hart-Davis',
  'Hughes', 'Hussain', 'Jackson', 'Jansen', 'Johnson', 'Jones', 'Kapoor', 'Kelly', 'Khan', 'King', 'Kowalski', 'Lee',
  'Lewis', 'Lopez', 'Martin', 'Mason', 'Mitchell', 'Moore', 'Morgan', 'Müller', 'Murphy', 'Nakamura', 'Nguyen',
  'Núñez', "O'Brien", "O'Neill", 'Okafor', 'Öztürk', 'Parker', 'Patel', 'Phillips', 'Price', 'Quinn', 'Reid',
  'Richardson', 'Roberts', 'Robinson', 'Rossi', 'Russell', 'Schmidt', 'Scott', 'Shah', 'Singh', 'Smith', 'Stewart',
  'Sullivan', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'van der Berg', 'Walker', 'Walsh', 'Ward', 'Watson', 'White',
  'Williams', 'Wilson', 'Wood', 'Wright', 'Yamamoto', 'Young', 'Zhang',
];
