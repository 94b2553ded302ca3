import type { FindingContext } from './found.js';
import { countKeys, entitlementNames, insertFound } from './holdings.js';

interface Mover {
  employeeId: string;
  oldDepartment: string;
  newDepartment: string;
}

/**
 * mover: an identity whose department differs between the two latest HR snapshots and who still
 * holds entitlements that no peer in the new department holds and some peer in the old one does
 * (access that belonged to the old job). Peers are the current roster's other, non-terminated
 * members of a department. One finding per account, naming what was kept and who holds it.
 * Department coverage is counted over the packed holdings, for the movers' entitlements only.
 */
export function findMovers({ db, scope, holdings }: FindingContext): void {
  if (scope.hr.previousId === null) return;
  const movers = new Map(
    (
      db
        .prepare(
          `SELECT cur.id, cur.employee_id, prev.department, cur.department
           FROM identities cur JOIN identities prev ON prev.snapshot_id = ? AND prev.employee_id = cur.employee_id
           WHERE cur.snapshot_id = ? AND cur.status <> 'terminated' AND cur.department <> prev.department`,
        )
        .raw()
        .all(scope.hr.previousId, scope.hr.snapshotId) as [number, string, string, string][]
    ).map(([id, employeeId, oldDepartment, newDepartment]): [number, Mover] => [id, { employeeId, oldDepartment, newDepartment }]),
  );
  if (movers.size === 0) return;
  const held = holdings();
  const { width } = held;
  const moverEntitlements = new Set<number>();
  for (let i = 0; i < held.length; i++) if (movers.has(held.identity[i]!)) moverEntitlements.add(held.entitlement[i]!);

  // Departments of the current roster's non-terminated people (the mover counts in the new one, never the old).
  const departments = new Map<string, number>();
  const departmentOf = new Map<number, number>();
  for (const [id, department] of db.prepare("SELECT id, department FROM identities WHERE snapshot_id = ? AND status <> 'terminated' AND department IS NOT NULL").raw().all(scope.hr.snapshotId) as [number, string][]) {
    if (!departments.has(department)) departments.set(department, departments.size);
    departmentOf.set(id, departments.get(department)!);
  }
  const keys: number[] = [];
  for (let i = 0; i < held.length; i++) {
    const entitlement = held.entitlement[i]!;
    if (held.first[i] !== 1 || !moverEntitlements.has(entitlement)) continue;
    const department = departmentOf.get(held.identity[i]!);
    if (department !== undefined) keys.push(department * width + entitlement);
  }
  const coverage = countKeys(Float64Array.from(keys), departments.size * width);
  const holders = (department: string, entitlement: number): number => {
    const index = departments.get(department);
    return index === undefined ? 0 : coverage.get(index * width + entitlement);
  };

  const kept = new Map<number, { mover: Mover; parts: [entitlement: number, oldHolders: number][] }>();
  for (let i = 0; i < held.length; i++) {
    const mover = movers.get(held.identity[i]!);
    if (!mover) continue;
    const entitlement = held.entitlement[i]!;
    const oldHolders = holders(mover.oldDepartment, entitlement);
    if (holders(mover.newDepartment, entitlement) !== 1 || oldHolders === 0) continue;
    const account = held.account[i]!;
    const entry = kept.get(account) ?? { mover, parts: [] };
    entry.parts.push([entitlement, oldHolders]);
    kept.set(account, entry);
  }
  const names = entitlementNames(db, [...kept.values()].flatMap((k) => k.parts.map(([e]) => e)));
  insertFound(
    db,
    'mover',
    [...kept].map(([account, { mover, parts }]) => [
      account,
      mover.employeeId,
      `moved from ${mover.oldDepartment} to ${mover.newDepartment} between the HR snapshots of ${scope.hr.previousAsOf} and ${scope.hr.asOf}; still holds ` +
        parts.map(([e, old]) => `${names.get(e) ?? ''} (held by ${old} in ${mover.oldDepartment}, none in ${mover.newDepartment})`).join('; '),
    ]),
  );
}
