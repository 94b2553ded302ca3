import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Steps } from '../long-work.js';
import { ensureCorrelations } from '../identity/correlation-store.js';
import { currentPicture } from '../sod/current-picture.js';
import { compileGlob } from '../sod/glob.js';
import type { CampaignSpec } from './campaign-model.js';
import { ItemContext } from './item-context.js';
import { previousCampaignOutcomes } from './campaign-read.js';
import { listReviewOwners, OwnerDirectory } from './review-owners.js';
import { People, routeItem, type Person, type Route } from './route-reviewers.js';

/**
 * One review item as it will be frozen: the grant (by row ids; launch copies the account's,
 * entitlement's and identity's fields from them) and what launch computes for it.
 */
export interface FrozenItem {
  ordinal: number;
  accountId: number;
  entitlementId: number;
  identityId: number | null;
  manager: string | null;
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

type AccountRow = [id: number, snapshotId: number, key: string, login: string, privileged: number, email: string | null, identityId: number | null];
type EntitlementRow = [id: number, key: string, name: string, privileged: number];

const DAY_MS = 86_400_000;

function staleWarnings(snapshots: readonly { system: string; asOf: string }[], staleDays: number, now: Date): string[] {
  const staleBefore = new Date(now.getTime() - staleDays * DAY_MS).toISOString().slice(0, 10);
  return snapshots
    .filter((s) => s.asOf.slice(0, 10) < staleBefore)
    .map((s) => `The snapshot of ${s.system} is as of ${s.asOf.slice(0, 10)}, more than ${staleDays} days old: import a fresh one before launching.`);
}

function managerText(manager: Person | undefined): string | null {
  return manager ? `${manager.name ?? manager.employeeId}${manager.email ? ` <${manager.email}>` : ''}` : null;
}

/** How many grants the population build reads between two checkpoints. */
const GRANTS_PER_STEP = 8192;

/**
 * The population a campaign would freeze now: every grant of the newest access snapshot of each
 * system in scope, correlated to the newest HR roster (the stored correlation, src/identity/correlation-store.ts),
 * filtered by the scope, with its findings and its reviewers per stage. Reconciles per system:
 * grants = items + excluded (by scope, or for want of a reviewer). The population hash is SHA-256
 * over one line per item, in order: the JSON array [ordinal, system, snapshot id, account key,
 * entitlement key, employee id, [reviewer per stage]]. Writes nothing but the stored correlation
 * when it is missing. Long work (src/long-work.ts): a checkpoint ("Reading the population",
 * grants read of all) every few thousand grants.
 */
export function* populationSteps(db: Database.Database, spec: CampaignSpec, now = new Date()): Steps<Population> {
  const picture = currentPicture(db, null);
  const wanted = new Set(spec.scope.systems.map((s) => s.toLowerCase()));
  const access = picture.access.filter((s) => wanted.size === 0 || wanted.has(s.system.toLowerCase()));
  const warnings = spec.scope.systems.filter((system) => !access.some((s) => s.system.toLowerCase() === system.toLowerCase())).map((system) => `${system} has no access snapshot: nothing of it is in the campaign.`);
  if (picture.hr === null && spec.stages.includes('manager')) warnings.push('No HR roster is imported: no item can be routed to a manager.');
  warnings.push(...staleWarnings([...(picture.hr ? [picture.hr] : []), ...access], spec.options.staleDays, now));

  const hrId = picture.hr?.id ?? 0;
  if (picture.hr) ensureCorrelations(db, picture.hr.id, access.map((s) => s.id));
  const snapshots = new Map(
    (db
      .prepare(
        `SELECT s.id, s.sha256, s.as_of, (SELECT s2.id FROM snapshots s2 WHERE s2.system_id = s.system_id AND s2.content = 'access' AND s2.id <> s.id
                 AND (s2.as_of < s.as_of OR (s2.as_of = s.as_of AND s2.id < s.id)) ORDER BY s2.as_of DESC, s2.id DESC LIMIT 1)
         FROM snapshots s WHERE s.id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(JSON.stringify(access.map((s) => s.id))) as [number, string, string, number | null][]).map((r) => [r[0], r]),
  );
  const context = new ItemContext(db, previousCampaignOutcomes(db));
  const people = new People(db, picture.hr?.id ?? null);
  const router = { people, owners: new OwnerDirectory(listReviewOwners(db)), fallback: spec.fallback };
  const entitlementFilters = spec.scope.entitlements.map(compileGlob);
  // The stored correlation (src/identity/correlation-store.ts); a service account's owner is its subject.
  const accountOf = db
    .prepare(
      `SELECT a.id, a.snapshot_id, a.account_key, a.login, a.privileged, a.email_key, c.identity_id FROM accounts a
       LEFT JOIN account_correlations c ON c.hr_snapshot_id = @hr AND c.snapshot_id = a.snapshot_id AND c.account_id = a.id
       WHERE a.snapshot_id = @snapshot ORDER BY a.account_key`,
    )
    .raw();
  const entitlementsOf = db.prepare('SELECT id, entitlement_key, name, privileged FROM entitlements WHERE snapshot_id = ? ORDER BY entitlement_key').raw();
  const grantsOf = db.prepare('SELECT account_id * @m + entitlement_id FROM grants WHERE snapshot_id = @s').pluck();
  const multiplier = (db.prepare('SELECT ifnull(max(id), 0) + 1 FROM entitlements').pluck().get() as number);

  const countGrants = db.prepare('SELECT count(*) FROM grants WHERE snapshot_id = ?').pluck();
  const progress = { phase: 'Reading the population', done: 0, total: access.reduce((n, a) => n + (countGrants.get(a.id) as number), 0) };
  let nextStep = 0;
  yield { ...progress };

  const items: FrozenItem[] = [];
  const unresolved: UnresolvedItem[] = [];
  const reconciliation: Reconciliation[] = [];
  const hash = createHash('sha256');
  for (const snapshot of access) {
    const [, sha256, asOf, previousId] = snapshots.get(snapshot.id) ?? [snapshot.id, '', snapshot.asOf, null];
    const tally: Reconciliation = { system: snapshot.system, snapshotId: snapshot.id, snapshotSha256: sha256, snapshotAsOf: asOf, grants: 0, items: 0, excluded: 0 };
    reconciliation.push(tally);
    const entitlements = new Map<number, EntitlementRow & { order: number }>();
    for (const [order, e] of (entitlementsOf.all(snapshot.id) as EntitlementRow[]).entries()) entitlements.set(e[0], Object.assign(e, { order }));
    // Grants as packed integers (account id × multiplier + entitlement id), grouped by account.
    const grantsByAccount = new Map<number, number[]>();
    for (const packed of grantsOf.all({ m: multiplier, s: snapshot.id }) as number[]) {
      const account = Math.floor(packed / multiplier);
      const list = grantsByAccount.get(account);
      if (list === undefined) grantsByAccount.set(account, [packed - account * multiplier]);
      else list.push(packed - account * multiplier);
    }
    for (const [accountId, , accountKey, login, accountPrivileged, accountEmail, identityId] of accountOf.all({ hr: hrId, snapshot: snapshot.id }) as AccountRow[]) {
      const held = (grantsByAccount.get(accountId) ?? []).map((id) => entitlements.get(id)!).sort((a, b) => a.order - b.order);
      if (held.length === 0) continue;
      const person = people.row(identityId);
      const selfEmails = [person?.email, accountEmail].filter((e): e is string => !!e);
      progress.done += held.length;
      if (progress.done >= nextStep) {
        nextStep = progress.done + GRANTS_PER_STEP;
        yield { ...progress };
      }
      for (const [entitlementId, entitlementKey, entitlement, entitlementPrivileged] of held) {
        tally.grants += 1;
        const privileged = accountPrivileged === 1 || entitlementPrivileged === 1;
        const isNew = context.isNew(snapshot.id, previousId, accountKey, entitlementKey);
        const inScope =
          (entitlementFilters.length === 0 || entitlementFilters.some((m) => m(entitlement) || m(entitlementKey))) && (!spec.scope.privilegedOnly || privileged) && (!spec.scope.newAccessOnly || isNew === true);
        if (!inScope) {
          tally.excluded += 1;
          continue;
        }
        const routing = routeItem(router, spec.stages, { system: snapshot.system, entitlement, entitlementKey, employeeId: person?.employeeId ?? null, selfEmails });
        if (!routing.ok) {
          unresolved.push({ system: snapshot.system, account: login, entitlement, employeeId: person?.employeeId ?? null, stage: routing.stage, reason: routing.reason });
          tally.excluded += 1;
          continue;
        }
        tally.items += 1;
        const findings = context.findings(snapshot.system, accountKey, accountId, entitlementId);
        if (privileged && !findings.includes('privileged')) findings.push('privileged');
        if (isNew === true) findings.push('new-access');
        const ordinal = items.length + 1;
        items.push({
          ordinal, accountId, entitlementId, identityId: person?.rowId ?? null, manager: person ? managerText(people.managerOf(person)) : null, findings,
          previousDecision: context.previousOutcome(snapshot.system, accountKey, entitlementKey), routes: routing.routes,
        });
        // Arrays of strings and numbers: JSON.stringify is canonical for them.
        hash.update(`${JSON.stringify([ordinal, snapshot.system, snapshot.id, accountKey, entitlementKey, person?.employeeId ?? null, routing.routes.map((r) => r.reviewer)])}\n`);
      }
    }
  }
  yield { ...progress, done: progress.total };
  return { hrSnapshotId: picture.hr?.id ?? null, items, reconciliation, unresolved, warnings, sha256: hash.digest('hex') };
}
