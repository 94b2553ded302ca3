import type { GrantAccount, GrantSystem } from '../model.js';
import type { Employee } from '../roster.js';
import { DEMO_SOD_RULES, ruleLabel, sodConflicts } from '../sod-rules.js';
import type { GrantSystemId, HeldEntitlements, SodRule } from '../sod-rules.js';
import { accountOf, addEmployeeAccount } from '../systems/finance-apps.js';
import { isCurrent, plantedCase } from './context.js';
import type { PlantContext, PlantedCase } from './context.js';

/**
 * SoD conflicts: six people each given extra roles that break exactly one rule. A person is only
 * chosen when, after the change, the rules they break are exactly the intended one, so the
 * manifest stays exact whatever the roster looks like.
 */

interface SodPlan {
  rule: string;
  add: Readonly<Record<GrantSystemId, readonly string[]>>;
  /** Titles tried first; anyone current in `departments` is the fallback. */
  titles: readonly string[];
  departments: readonly string[];
}

const PLANS: readonly SodPlan[] = [
  { rule: 'SOD-01', add: { erp: ['AP Clerk', 'AP Approver'], bank: [] }, titles: ['Accounts Payable Specialist'], departments: ['Finance'] },
  { rule: 'SOD-02', add: { erp: ['Vendor Master Maintenance', 'Payment Release'], bank: [] }, titles: ['Treasury Analyst'], departments: ['Finance'] },
  { rule: 'SOD-03', add: { erp: ['GL Journal Entry', 'GL Journal Approve'], bank: [] }, titles: ['Senior Accountant', 'Accountant'], departments: ['Finance'] },
  {
    rule: 'SOD-04', add: { erp: ['Vendor Master Maintenance'], bank: ['Payment Approver'] },
    titles: ['Procurement Specialist'], departments: ['Operations', 'Finance'],
  },
  {
    rule: 'SOD-04', add: { erp: ['Vendor Master Maintenance'], bank: ['Payment Approver'] },
    titles: ['Financial Controller', 'Treasury Manager'], departments: ['Finance'],
  },
  { rule: 'SOD-05', add: { erp: [], bank: ['Payment Initiator', 'Payment Approver'] }, titles: ['Treasury Analyst'], departments: ['Finance'] },
];

function enabledAccount(system: GrantSystem, e: Employee): GrantAccount | undefined {
  const account = accountOf(system, e.employeeId);
  return account?.status === 'Active' ? account : undefined;
}

function heldAfter(ctx: PlantContext, e: Employee, add: SodPlan['add']): HeldEntitlements {
  const held = (id: GrantSystemId): Set<string> => new Set([...(enabledAccount(ctx.estate[id], e)?.entitlements ?? []), ...add[id]]);
  return { erp: held('erp'), bank: held('bank') };
}

function breaksExactly(ctx: PlantContext, e: Employee, plan: SodPlan): boolean {
  const broken = sodConflicts(heldAfter(ctx, e, plan.add)).map((r) => r.id);
  return broken.length === 1 && broken[0] === plan.rule;
}

function grant(ctx: PlantContext, id: GrantSystemId, e: Employee, roles: readonly string[]): GrantAccount | null {
  if (roles.length === 0) return null;
  const account = enabledAccount(ctx.estate[id], e) ?? addEmployeeAccount(ctx.rng, ctx.estate[id], e, [], ctx.asOf);
  for (const role of roles) if (!account.entitlements.includes(role)) account.entitlements.push(role);
  return account;
}

function findRule(id: string): SodRule {
  const rule = DEMO_SOD_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`demo generator: no SoD rule ${id}`);
  return rule;
}

function plant(ctx: PlantContext, plan: SodPlan): PlantedCase {
  const fits = (e: Employee): boolean => isCurrent(e) && plan.departments.includes(e.department) && breaksExactly(ctx, e, plan);
  const e = ctx.person(`an SoD conflict ${plan.rule}`, fits, (p) => plan.titles.includes(p.title));
  const erp = grant(ctx, 'erp', e, plan.add.erp);
  const bank = grant(ctx, 'bank', e, plan.add.bank);
  const detail = ruleLabel(findRule(plan.rule));
  if (erp && bank) return plantedCase('sodConflict', 'erp+bank', `${erp.account}+${bank.account}`, e.employeeId, detail);
  const only = erp ?? bank;
  if (!only) throw new Error(`demo generator: SoD plan ${plan.rule} grants nothing`);
  return plantedCase('sodConflict', erp ? 'erp' : 'bank', only.account, e.employeeId, detail);
}

export function plantSodConflicts(ctx: PlantContext): PlantedCase[] {
  return PLANS.map((plan) => plant(ctx, plan));
}
