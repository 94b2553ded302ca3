/**
 * The segregation-of-duties rules the demo company is tested against. Normal access is
 * conflict-free by construction (see ./systems/finance-apps.ts); every conflict is planted.
 */

export type GrantSystemId = 'erp' | 'bank';

export interface SodSide {
  system: GrantSystemId;
  entitlement: string;
}

export interface SodRule {
  id: string;
  description: string;
  left: SodSide;
  right: SodSide;
}

export const DEMO_SOD_RULES: readonly SodRule[] = [
  {
    id: 'SOD-01', description: 'enter and approve the same supplier invoice',
    left: { system: 'erp', entitlement: 'AP Clerk' }, right: { system: 'erp', entitlement: 'AP Approver' },
  },
  {
    id: 'SOD-02', description: 'create a vendor and release payments to it',
    left: { system: 'erp', entitlement: 'Vendor Master Maintenance' }, right: { system: 'erp', entitlement: 'Payment Release' },
  },
  {
    id: 'SOD-03', description: 'post and approve the same journal entry',
    left: { system: 'erp', entitlement: 'GL Journal Entry' }, right: { system: 'erp', entitlement: 'GL Journal Approve' },
  },
  {
    id: 'SOD-04', description: 'create a vendor in the ERP and approve the payment at the bank',
    left: { system: 'erp', entitlement: 'Vendor Master Maintenance' }, right: { system: 'bank', entitlement: 'Payment Approver' },
  },
  {
    id: 'SOD-05', description: 'initiate and approve the same bank payment',
    left: { system: 'bank', entitlement: 'Payment Initiator' }, right: { system: 'bank', entitlement: 'Payment Approver' },
  },
];

export type HeldEntitlements = Readonly<Record<GrantSystemId, ReadonlySet<string>>>;

/** The rules one person's combined access breaks. */
export function sodConflicts(held: HeldEntitlements, rules: readonly SodRule[] = DEMO_SOD_RULES): SodRule[] {
  const has = (side: SodSide): boolean => held[side.system].has(side.entitlement);
  return rules.filter((rule) => has(rule.left) && has(rule.right));
}

export function ruleLabel(rule: SodRule): string {
  const side = (s: SodSide): string => `${s.entitlement} (${s.system.toUpperCase()})`;
  return `${rule.id} ${side(rule.left)} + ${side(rule.right)}: ${rule.description}`;
}
