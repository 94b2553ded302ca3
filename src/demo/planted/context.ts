import { dayString, daysBetween } from '../dates.js';
import type { AdUser, AwsUser, Estate, GoogleUser, SystemId } from '../model.js';
import type { Rng } from '../prng.js';
import type { Employee } from '../roster.js';

export const PLANTED_TYPES = ['leaver', 'orphan', 'dormant', 'privileged', 'noMfa', 'service', 'sodConflict'] as const;
export type PlantedType = (typeof PLANTED_TYPES)[number];

/**
 * One planted finding. `system` is a SystemId, or "erp+bank" for a cross-system SoD conflict
 * (then `account` is "<erp account>+<bank account>"). `employeeId` is the HR identity behind the
 * account; null for orphans, service accounts and the AWS root user.
 */
export interface PlantedCase {
  type: PlantedType;
  system: string;
  account: string;
  employeeId: string | null;
  detail: string;
}

/** Accounts last used more than this many days before asOf (or never) are dormant. */
export const DORMANT_AFTER_DAYS = 90;

export function plantedCase(type: PlantedType, system: SystemId | 'erp+bank', account: string, employeeId: string | null, detail: string): PlantedCase {
  return { type, system, account, employeeId, detail };
}

/** Shared state while planting: the estate, a random stream, and who has already been used. */
export class PlantContext {
  private readonly used = new Set<string>();

  constructor(
    readonly rng: Rng,
    readonly estate: Estate,
  ) {}

  get asOf(): Date {
    return this.estate.asOf;
  }

  /** Unused employees matching `filter`: those matching `prefer` first, each group shuffled. */
  candidates(filter: (e: Employee) => boolean, prefer: (e: Employee) => boolean = () => true): Employee[] {
    const pool = this.estate.employees.filter((e) => !this.used.has(e.employeeId) && filter(e));
    return [...this.rng.shuffle(pool.filter(prefer)), ...this.rng.shuffle(pool.filter((e) => !prefer(e)))];
  }

  /** Takes (marks used) the first candidate; throws when nobody fits, which is a bug in the generator. */
  person(what: string, filter: (e: Employee) => boolean, prefer?: (e: Employee) => boolean): Employee {
    const e = this.candidates(filter, prefer)[0];
    if (!e) throw new Error(`demo generator: nobody left to plant ${what}`);
    return this.take(e);
  }

  take(e: Employee): Employee {
    this.used.add(e.employeeId);
    return e;
  }

  employedSince(days: number): (e: Employee) => boolean {
    return (e) => daysBetween(e.hireDate, this.asOf) >= days;
  }

  awsUserOf(e: Employee): AwsUser | undefined {
    return this.estate.aws.users.find((u) => u.employeeId === e.employeeId);
  }

  adUserOf(e: Employee): AdUser {
    return this.must(this.estate.ad.users.find((u) => u.employeeId === e.employeeId && u.container.endsWith('OU=Staff')), 'AD', e);
  }

  googleUserOf(e: Employee): GoogleUser {
    return this.must(this.estate.google.find((u) => u.employeeId === e.employeeId), 'Google', e);
  }

  enableEntra(e: Employee): string {
    const user = this.must(this.estate.entra.find((u) => u.employeeId === e.employeeId), 'Entra', e);
    user.accountEnabled = true;
    return user.userPrincipalName;
  }

  /** "on 2026-09-14 (47 days before asOf)" */
  when(date: Date | null): string {
    if (!date) return 'never';
    return `${dayString(date)} (${daysBetween(date, this.asOf)} days before ${dayString(this.asOf)})`;
  }

  private must<T>(value: T | undefined, system: string, e: Employee): T {
    if (value === undefined) throw new Error(`demo generator: ${e.employeeId} has no ${system} account`);
    return value;
  }
}

export const isCurrent = (e: Employee): boolean => e.status === 'active';
export const inDepartment =
  (...names: string[]) =>
  (e: Employee): boolean =>
    names.includes(e.department);
export const hasTitle =
  (...titles: string[]) =>
  (e: Employee): boolean =>
    titles.includes(e.title);
