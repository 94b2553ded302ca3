import {
  DEPARTMENTS,
  EMPLOYMENT_TYPES,
  EXECUTIVE,
  FIRST_NAMES,
  LAST_NAMES,
  OFFICES,
  ON_LEAVE_COUNT,
  ORG,
  RECENT_LEAVER_DEPARTMENTS,
  TERMINATED_SHARE,
} from './company-data.js';
import type { DepartmentSpec, Office } from './company-data.js';
import { addDays, day, daysBetween, latest } from './dates.js';
import type { Rng } from './prng.js';
import { UniqueNames, emailLocalPart } from './usernames.js';

/**
 * The HR roster: the authoritative identity source. A real hierarchy (CEO -> department heads ->
 * managers -> staff); only staff are ever terminated or on leave, so every manager is an active
 * employee. Employee ids follow hire order (E1001 is the longest-serving).
 */

export type EmployeeStatus = 'active' | 'leave' | 'terminated';
export type Level = 'ceo' | 'head' | 'manager' | 'staff';

export interface Employee {
  employeeId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  managerId: string | null;
  department: string;
  title: string;
  level: Level;
  office: Office;
  employmentType: string;
  status: EmployeeStatus;
  hireDate: Date;
  terminationDate: Date | null;
}

interface Position {
  department: DepartmentSpec;
  title: string;
  level: Level;
  /** Index of the manager's position; null for the CEO. */
  manager: number | null;
}

interface Draft extends Position {
  firstName: string;
  lastName: string;
  office: Office;
  employmentType: string;
  status: EmployeeStatus;
  hireDate: Date;
  terminationDate: Date | null;
}

function departmentPositions(rng: Rng, dept: DepartmentSpec, ceo: number, start: number): Position[] {
  const isExec = dept.name === EXECUTIVE;
  const positions: Position[] = isExec ? [] : [{ department: dept, title: dept.headTitle, level: 'head', manager: ceo }];
  const head = isExec ? ceo : start;
  const managerIndexes: number[] = [];
  for (let i = 0; i < dept.managers; i++) {
    managerIndexes.push(start + positions.length);
    positions.push({ department: dept, title: dept.managerTitles[i % dept.managerTitles.length] ?? dept.headTitle, level: 'manager', manager: head });
  }
  const staffCount = dept.headcount - positions.length - (isExec ? 1 : 0);
  const titles = rng.shuffle(dept.staffTitles);
  for (let i = 0; i < staffCount; i++) {
    const manager = managerIndexes.length === 0 ? head : (managerIndexes[i % managerIndexes.length] ?? head);
    positions.push({ department: dept, title: titles[i % titles.length] ?? 'Associate', level: 'staff', manager });
  }
  return positions;
}

/** The org chart's shape: position 0 is the CEO. */
function buildPositions(rng: Rng): Position[] {
  const exec = DEPARTMENTS.find((d) => d.name === EXECUTIVE);
  if (!exec) throw new Error('company data has no Executive department');
  const positions: Position[] = [{ department: exec, title: exec.headTitle, level: 'ceo', manager: null }];
  for (const dept of DEPARTMENTS) positions.push(...departmentPositions(rng, dept, 0, positions.length));
  return positions;
}

/** Cycles through shuffled copies of a pool, so every name is used before any repeats. */
function cycledNames(rng: Rng, pool: readonly string[], count: number): string[] {
  const out: string[] = [];
  while (out.length < count) out.push(...rng.shuffle(pool));
  return out.slice(0, count);
}

interface Statuses {
  status: EmployeeStatus[];
  terminationDate: (Date | null)[];
}

function assignStatuses(rng: Rng, positions: readonly Position[], asOf: Date): Statuses {
  const status: EmployeeStatus[] = positions.map(() => 'active');
  const terminationDate: (Date | null)[] = positions.map(() => null);
  const staff = positions.flatMap((p, i) => (p.level === 'staff' && p.department.name !== EXECUTIVE ? [i] : []));
  const free = (i: number): boolean => status[i] === 'active';
  for (const dept of RECENT_LEAVER_DEPARTMENTS) {
    const i = rng.pick(staff.filter((s) => free(s) && positions[s]?.department.name === dept));
    status[i] = 'terminated';
    terminationDate[i] = addDays(asOf, -rng.int(5, 60));
  }
  const more = Math.round(positions.length * TERMINATED_SHARE) - RECENT_LEAVER_DEPARTMENTS.length;
  for (const i of rng.sample(staff.filter(free), more)) {
    status[i] = 'terminated';
    terminationDate[i] = addDays(asOf, -rng.int(1, 364));
  }
  for (const i of rng.sample(staff.filter(free), ON_LEAVE_COUNT)) status[i] = 'leave';
  return { status, terminationDate };
}

function hireDate(rng: Rng, level: Level, asOf: Date, terminated: Date | null): Date {
  const founded = day(ORG.founded);
  if (level === 'ceo') return founded;
  const latestHire = terminated ? addDays(terminated, -60) : addDays(asOf, -14);
  const span = Math.max(0, daysBetween(founded, latestHire));
  return latest(addDays(founded, 1), addDays(latestHire, -rng.int(0, Math.min(span, terminated ? 3000 : 5200))));
}

function drafts(rng: Rng, asOf: Date): Draft[] {
  const positions = buildPositions(rng.fork('positions'));
  const firsts = cycledNames(rng.fork('first-names'), FIRST_NAMES, positions.length);
  const lasts = cycledNames(rng.fork('last-names'), LAST_NAMES, positions.length);
  const { status, terminationDate } = assignStatuses(rng.fork('statuses'), positions, asOf);
  const details = rng.fork('details');
  const offices = OFFICES.map((o) => [o, o.weight] as const);
  return positions.map((p, i) => {
    const terminated = terminationDate[i] ?? null;
    return {
      ...p,
      firstName: firsts[i] ?? 'Alex',
      lastName: lasts[i] ?? 'Smith',
      office: details.weighted(offices),
      employmentType: p.level === 'staff' ? details.weighted(EMPLOYMENT_TYPES) : 'Full-time',
      status: status[i] ?? 'active',
      hireDate: hireDate(details, p.level, asOf, terminated),
      terminationDate: terminated,
    };
  });
}

/** Builds the roster; employees come back ordered by employee id. */
export function buildRoster(rng: Rng, asOf: Date): Employee[] {
  const all = drafts(rng, asOf);
  const order = all.map((_, i) => i).sort((a, b) => (all[a]?.hireDate.getTime() ?? 0) - (all[b]?.hireDate.getTime() ?? 0) || a - b);
  const idOf = new Map(order.map((position, rank) => [position, `E${1001 + rank}`]));
  const emails = new UniqueNames();
  return order.map((i) => {
    const d = all[i] as Draft;
    return {
      employeeId: idOf.get(i) ?? '',
      firstName: d.firstName,
      lastName: d.lastName,
      displayName: `${d.firstName} ${d.lastName}`,
      email: `${emails.take(emailLocalPart(d.firstName, d.lastName))}@${ORG.domain}`,
      managerId: d.manager === null ? null : (idOf.get(d.manager) ?? null),
      department: d.department.name,
      title: d.title,
      level: d.level,
      office: d.office,
      employmentType: d.employmentType,
      status: d.status,
      hireDate: d.hireDate,
      terminationDate: d.terminationDate,
    };
  });
}

export function departmentSpec(name: string): DepartmentSpec {
  const spec = DEPARTMENTS.find((d) => d.name === name);
  if (!spec) throw new Error(`unknown department ${name}`);
  return spec;
}
