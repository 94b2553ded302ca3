import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../audit/canonical-json.js';
import { correlatePicture } from '../sod/account-owners.js';
import { currentPicture } from '../sod/current-picture.js';
import { compileGlob } from '../sod/glob.js';
import type { CampaignSpec } from './campaign-model.js';
import { ItemContext } from './item-context.js';
import { previousCampaignOutcomes } from './campaign-read.js';
import { listReviewOwners, OwnerDirectory } from './review-owners.js';
import { People, routeItem, type Route } from './route-reviewers.js';

/** One review item as frozen at launch: the grant and a copy of its context. */
export interface FrozenItem {
  ordinal: number;
  system: string;
  snapshotId: number;
  accountKey: string;
  account: string;
  accountStatus: string;
  accountType: string;
  lastLogin: string | null;
  entitlementKey: string;
  entitlement: string;
  entitlementDescription: string | null;
  privileged: boolean;
  employeeId: string | null;
  identityName: string | null;
  identityEmail: string | null;
  identityTitle: string | null;
  identityDepartment: string | null;
  identityManager: string | null;
  identityStatus: string | null;
  findings: string[];
  previousDecision: string | null;
  routes: Route[];
}

export interface Reconciliation {
  system: string;
  snapshotId: number;
  snapshotSha256: string;
  snapshotAsOf: string;
  grants: number;
  items: number;
  excluded: number;
}

export interface UnresolvedItem {
  system: string;
  account: string;
  entitlement: string;
  employeeId: string | null;
  stage: number;
  reason: string;
}

export interface Population {
  hrSnapshotId: number | null;
  items: FrozenItem[];
  reconciliation: Reconciliation[];
  unresolved: UnresolvedItem[];
  warnings: string[];
  sha256: string;
}

type GrantRow = [
  system: string, snapshotId: number, previousId: number | null, accountId: number, accountKey: string, login: string, accountStatus: string, accountType: string,
  lastLogin: string | null, accountPrivileged: number, accountEmail: string | null, entitlementId: number, entitlementKey: string, entitlement: string,
  description: string | null, entitlementPrivileged: number, employeeId: string | null, name: string | null, email: string | null, title: string | null,
  department: string | null, managerEmployeeId: string | null, managerEmail: string | null, status: string | null,
];

const DAY_MS = 86_400_000;

/** The fields the population hash covers, per item, in this order (docs/campaigns.md). */
export function itemHashFields(item: FrozenItem): unknown[] {
  return [item.ordinal, item.system, item.snapshotId, item.accountKey, item.entitlementKey, item.employeeId, item.routes.map((r) => r.reviewer)];
}

/**
 * The population a campaign would freeze now: every grant of the newest access snapshot of each
 * system in scope, correlated to the newest HR roster, filtered by the scope, with its context and
 * its reviewers per stage. Reconciles per system: grants = items + excluded by scope. Nothing is
 * written but temporary tables.
 */
export function buildPopulation(db: Database.Database, spec: CampaignSpec, now = new Date()): Population {
  const picture = currentPicture(db, null);
  const wanted = new Set(spec.scope.systems.map((s) => s.toLowerCase()));
  const access = picture.access.filter((s) => wanted.size === 0 || wanted.has(s.system.toLowerCase()));
  const warnings: string[] = [];
  for (const system of spec.scope.systems) {
    if (!access.some((s) => s.system.toLowerCase() === system.toLowerCase())) warnings.push(`${system} has no access snapshot: nothing of it is in the campaign.`);
  }
  const needsHr = spec.stages.includes('manager');
  if (picture.hr === null && needsHr) warnings.push('No HR roster is imported: no item can be routed to a manager.');
  const staleBefore = new Date(now.getTime() - spec.options.staleDays * DAY_MS).toISOString().slice(0, 10);
  for (const s of [...(picture.hr ? [picture.hr] : []), ...access]) {
    if (s.asOf.slice(0, 10) < staleBefore) warnings.push(`The snapshot of ${s.system} is as of ${s.asOf.slice(0, 10)}, more than ${spec.options.staleDays} days old: import a fresh one before launching.`);
  }

  correlatePicture(db, { ...picture, access });
  const previous = new Map(
    (db.prepare(`SELECT id, (SELECT s2.id FROM snapshots s2 WHERE s2.system_id = s.system_id AND s2.content = 'access' AND s2.id <> s.id AND (s2.as_of < s.as_of OR (s2.as_of = s.as_of AND s2.id < s.id)) ORDER BY s2.as_of DESC, s2.id DESC LIMIT 1) FROM snapshots s WHERE id IN (SELECT snapshot_id FROM temp.scope_snapshots)`).raw().all() as [number, number | null][]),
  );
  const context = new ItemContext(db, previousCampaignOutcomes(db));
  const router = { people: new People(db, picture.hr?.id ?? null), owners: new OwnerDirectory(listReviewOwners(db)), fallback: spec.fallback };
  const entitlementFilters = spec.scope.entitlements.map(compileGlob);

  const rows = db
    .prepare(
      `SELECT s.system, s.snapshot_id, NULL, a.id, a.account_key, a.login, a.status, a.account_type, a.last_login, a.privileged, a.email_key,
              e.id, e.entitlement_key, e.name, e.description, e.privileged,
              i.employee_id, coalesce(i.display_name, nullif(trim(coalesce(i.first_name, '') || ' ' || coalesce(i.last_name, '')), '')), i.email, i.title, i.department, i.manager_employee_id, i.manager_email, i.status
       FROM temp.scope_snapshots s JOIN grants g ON g.snapshot_id = s.snapshot_id
       JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id
       LEFT JOIN temp.correlation c ON c.account_id = a.id LEFT JOIN identities i ON i.id = c.identity_id
       ORDER BY s.system, a.account_key, e.entitlement_key`,
    )
    .raw()
    .all() as GrantRow[];

  const reconciliation = new Map<string, Reconciliation>();
  const shaOf = new Map(db.prepare('SELECT id, sha256, as_of FROM snapshots WHERE id IN (SELECT snapshot_id FROM temp.scope_snapshots)').raw().all().map((r) => [(r as [number])[0], r as [number, string, string]]));
  for (const s of access) {
    const [, sha256, asOf] = shaOf.get(s.id) ?? [s.id, '', s.asOf];
    reconciliation.set(s.system, { system: s.system, snapshotId: s.id, snapshotSha256: sha256, snapshotAsOf: asOf, grants: 0, items: 0, excluded: 0 });
  }
  const items: FrozenItem[] = [];
  const unresolved: UnresolvedItem[] = [];
  const managerName = (employeeId: string | null, email: string | null): string | null => {
    const m = router.people.get(employeeId) ?? undefined;
    return m ? `${m.name ?? m.employeeId}${m.email ? ` <${m.email}>` : ''}` : email;
  };
  const hash = createHash('sha256');
  for (const row of rows) {
    const [system, snapshotId, , accountId, accountKey, login, accountStatus, accountType, lastLogin, accountPrivileged, accountEmail, entitlementId, entitlementKey, entitlement, description, entitlementPrivileged, employeeId, name, email, title, department, managerEmployeeId, managerEmail, status] = row;
    const tally = reconciliation.get(system)!;
    tally.grants += 1;
    const privileged = accountPrivileged === 1 || entitlementPrivileged === 1;
    const isNew = context.isNew(snapshotId, previous.get(snapshotId) ?? null, accountKey, entitlementKey);
    const inScope =
      (entitlementFilters.length === 0 || entitlementFilters.some((m) => m(entitlement) || m(entitlementKey))) && (!spec.scope.privilegedOnly || privileged) && (!spec.scope.newAccessOnly || isNew === true);
    if (!inScope) {
      tally.excluded += 1;
      continue;
    }
    const routing = routeItem(router, spec.stages, { system, entitlement, entitlementKey, employeeId, selfEmails: [email, accountEmail].filter((e): e is string => !!e) });
    if (!routing.ok) {
      unresolved.push({ system, account: login, entitlement, employeeId, stage: routing.stage, reason: routing.reason });
      tally.excluded += 1;
      continue;
    }
    tally.items += 1;
    const findings = context.findings(system, accountKey, accountId, entitlementId);
    if (privileged && !findings.includes('privileged')) findings.push('privileged');
    if (isNew === true) findings.push('new-access');
    const item: FrozenItem = {
      ordinal: items.length + 1, system, snapshotId, accountKey, account: login, accountStatus, accountType, lastLogin, entitlementKey, entitlement,
      entitlementDescription: description, privileged, employeeId, identityName: name, identityEmail: email, identityTitle: title, identityDepartment: department,
      identityManager: employeeId === null ? null : managerName(managerEmployeeId, managerEmail), identityStatus: status, findings,
      previousDecision: context.previousOutcome(system, accountKey, entitlementKey), routes: routing.routes,
    };
    items.push(item);
    hash.update(`${canonicalJson(itemHashFields(item))}\n`);
  }
  return { hrSnapshotId: picture.hr?.id ?? null, items, reconciliation: [...reconciliation.values()], unresolved, warnings, sha256: hash.digest('hex') };
}
