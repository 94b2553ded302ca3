import type Database from 'better-sqlite3-multiple-ciphers';
import { reviewerKey, type ReviewerRule } from './campaign-model.js';
import type { OwnerDirectory } from './review-owners.js';

/** A person of the HR roster, as routing and an item's context need them. */
export interface Person {
  rowId: number;
  employeeId: string;
  email: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  status: string;
  managerEmployeeId: string | null;
  managerEmail: string | null;
}

type PersonRow = [rowId: number, employeeId: string, email: string | null, name: string | null, title: string | null, department: string | null, status: string, managerEmployeeId: string | null, managerEmail: string | null];

/** The HR roster by row id, employee id and e-mail: who manages whom. */
export class People {
  private readonly byRow = new Map<number, Person>();
  private readonly byEmployee = new Map<string, Person>();
  private readonly byEmail = new Map<string, Person>();

  constructor(db: Database.Database, hrSnapshotId: number | null) {
    if (hrSnapshotId === null) return;
    const rows = db
      .prepare(
        `SELECT id, employee_id, email_key, coalesce(display_name, nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '')),
                title, department, status, manager_employee_id, lower(manager_email)
         FROM identities WHERE snapshot_id = ?`,
      )
      .raw()
      .all(hrSnapshotId) as PersonRow[];
    for (const [rowId, employeeId, email, name, title, department, status, managerEmployeeId, managerEmail] of rows) {
      const p: Person = { rowId, employeeId, email, name, title, department, status, managerEmployeeId, managerEmail };
      this.byRow.set(rowId, p);
      this.byEmployee.set(employeeId, p);
      if (email) this.byEmail.set(email, p);
    }
  }

  get(employeeId: string | null): Person | undefined {
    return employeeId === null ? undefined : this.byEmployee.get(employeeId);
  }

  row(rowId: number | null): Person | undefined {
    return rowId === null ? undefined : this.byRow.get(rowId);
  }

  managerOf(person: Person | undefined): Person | undefined {
    if (!person) return undefined;
    const manager = (person.managerEmployeeId ? this.byEmployee.get(person.managerEmployeeId) : undefined) ?? (person.managerEmail ? this.byEmail.get(person.managerEmail) : undefined);
    return manager?.employeeId === person.employeeId ? undefined : manager;
  }
}

/** What routing knows of one item: its access and whose it is. */
export interface RoutingSubject {
  system: string;
  entitlement: string;
  entitlementKey: string;
  employeeId: string | null;
  /** Addresses that are the subject's own: the identity's and the account's e-mail. */
  selfEmails: readonly string[];
}

export interface Route {
  reviewer: string;
  rule: ReviewerRule;
  /** Why the item is not with the stage's own rule: a re-route's reason, recorded on the item. */
  note: string | null;
}

export type StageRouting = { ok: true; routes: Route[] } | { ok: false; stage: number; reason: string };

export interface Router {
  people: People;
  owners: OwnerDirectory;
  fallback: string | null;
}

function email(person: Person | undefined): string | null {
  return person?.email ? reviewerKey(person.email) : null;
}

/** The stage rule's own reviewer, or why there is none. */
function ruleReviewer(router: Router, rule: ReviewerRule, subject: RoutingSubject): { reviewer: string | null; missing: string } {
  switch (rule) {
    case 'manager': {
      const person = router.people.get(subject.employeeId);
      if (!person) return { reviewer: null, missing: 'the account belongs to no identity in HR, so it has no manager' };
      return { reviewer: email(router.people.managerOf(person)), missing: `${person.employeeId} has no manager with an e-mail in HR` };
    }
    case 'owner':
      return { reviewer: router.owners.systemOwner(subject.system), missing: `${subject.system} has no owner (set one with "attest campaign owner")` };
    case 'entitlement-owner':
      return {
        reviewer: router.owners.entitlementOwner(subject.system, subject.entitlement, subject.entitlementKey) ?? router.owners.systemOwner(subject.system),
        missing: `neither "${subject.entitlement}" nor ${subject.system} has an owner (set one with "attest campaign owner")`,
      };
    case 'fallback':
      return { reviewer: router.fallback, missing: 'the campaign has no fallback reviewer' };
  }
}

/**
 * Routes one item through every stage. Independence: nobody reviews their own access (a route to
 * the subject goes to the fallback, else to the subject's manager's manager, with the reason noted),
 * and each stage needs a reviewer no earlier stage had. An item no rule can route is reported,
 * with the stage and the reason, never dropped.
 */
export function routeItem(router: Router, stages: readonly ReviewerRule[], subject: RoutingSubject): StageRouting {
  const self = subject.selfEmails.map(reviewerKey);
  const routes: Route[] = [];
  // Who may take a stage: someone, not the subject, not an earlier stage's reviewer.
  const allowed = (who: string | null): boolean => who !== null && !self.includes(who) && !routes.some((r) => r.reviewer === who);
  for (let i = 0; i < stages.length; i++) {
    const rule = stages[i]!;
    const own = ruleReviewer(router, rule, subject);
    if (own.reviewer !== null && allowed(own.reviewer)) {
      routes.push({ reviewer: own.reviewer, rule, note: null });
      continue;
    }
    const why = own.reviewer === null ? own.missing : self.includes(own.reviewer) ? `${own.reviewer} would review their own access` : `${own.reviewer} already reviews this item at an earlier stage`;
    const fallback = router.fallback === null ? null : reviewerKey(router.fallback);
    if (fallback !== null && allowed(fallback)) {
      routes.push({ reviewer: fallback, rule: 'fallback', note: `${why}: routed to the fallback reviewer` });
      continue;
    }
    const skip = own.reviewer === null ? null : email(router.people.managerOf(router.people.managerOf(router.people.get(subject.employeeId))));
    if (skip !== null && allowed(skip)) {
      routes.push({ reviewer: skip, rule: 'manager', note: `${why}: routed to the manager's manager` });
      continue;
    }
    return { ok: false, stage: i + 1, reason: fallback === null ? `${why}, and the campaign has no fallback reviewer` : `${why}, and the fallback ${fallback} cannot take it either` };
  }
  return { ok: true, routes };
}
