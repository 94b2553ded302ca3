import type Database from 'better-sqlite3-multiple-ciphers';
import { accountOwners, type AccountOwners } from './account-owners.js';
import { compileRules, type CompiledRules } from './compile-terms.js';
import type { CurrentPicture } from './current-picture.js';
import { foldPattern } from './glob.js';
import { NO_FINDINGS, type FindingProvider } from './finding-provider.js';
import type { SodRule } from './rule-model.js';

/** One thing that satisfies a side: a grant, or an account carrying a finding. */
export interface SideEvidence {
  side: string;
  snapshotId: number;
  accountId: number;
  entitlementId: number | null;
  finding: string | null;
}

export interface OwnerViolation {
  /** Index into the rules evaluated. */
  rule: number;
  /** Owner index (see AccountOwners). */
  owner: number;
  evidence: SideEvidence[];
}

export interface SodEvaluation {
  violations: OwnerViolation[];
  owners: AccountOwners;
  compiled: CompiledRules;
  /** Grants read: only those of entitlements some rule names. */
  grantsRead: number;
  /** Owners holding at least one term. */
  ownersWithTerms: number;
}

/**
 * Term bits per owner, and who holds each term (the inverted index rules are checked from). Only
 * owners holding some term get a row of bits, in one flat array that grows by doubling: memory
 * follows the owners that matter, not the population.
 */
export class HeldTerms {
  readonly holders: number[][];
  private readonly words: number;
  private readonly slotOf: Int32Array;
  private bits: Uint32Array;
  private slots = 0;

  constructor(owners: number, terms: number) {
    this.holders = Array.from({ length: terms }, () => []);
    this.words = Math.max(1, Math.ceil(terms / 32));
    this.slotOf = new Int32Array(owners).fill(-1);
    this.bits = new Uint32Array(this.words * 1024);
  }

  get ownersWithTerms(): number {
    return this.slots;
  }

  add(owner: number, term: number): void {
    let slot = this.slotOf[owner]!;
    if (slot < 0) {
      slot = this.slots++;
      this.slotOf[owner] = slot;
      if (this.slots * this.words > this.bits.length) {
        const grown = new Uint32Array(this.bits.length * 2);
        grown.set(this.bits);
        this.bits = grown;
      }
    }
    const word = slot * this.words + (term >>> 5);
    const bit = 1 << (term & 31);
    if ((this.bits[word]! & bit) === 0) {
      this.bits[word] = this.bits[word]! | bit;
      this.holders[term]!.push(owner);
    }
  }

  holdsAll(owner: number, terms: readonly number[]): boolean {
    const slot = this.slotOf[owner]!;
    if (slot < 0) return false;
    const row = slot * this.words;
    for (const t of terms) if ((this.bits[row + (t >>> 5)]! & (1 << (t & 31))) === 0) return false;
    return true;
  }
}

/** The accounts holding each entitlement some rule names: one indexed read per entitlement, small integers only. */
function loadRelevantGrants(db: Database.Database, compiled: CompiledRules): { snapshot: number; entitlement: number; accounts: number[] }[] {
  const select = db.prepare('SELECT account_id FROM grants WHERE snapshot_id = ? AND entitlement_id = ?').pluck();
  return [...compiled.relevantBySnapshot].flatMap(([snapshot, ids]) => ids.map((entitlement) => ({ snapshot, entitlement, accounts: select.all(snapshot, entitlement) as number[] })));
}

function sideHolds(held: HeldTerms, owner: number, alternatives: readonly (readonly number[])[]): boolean {
  return alternatives.some((alt) => held.holdsAll(owner, alt));
}

/** Whether an owner holds every side of a compiled rule. */
export function ruleHolds(held: HeldTerms, owner: number, sides: readonly (readonly (readonly number[])[])[]): boolean {
  return sides.every((alternatives) => sideHolds(held, owner, alternatives));
}

/** The side whose holders are fewest: the owners worth checking a rule for. */
function anchorTerms(held: HeldTerms, sides: readonly (readonly (readonly number[])[])[]): number[] {
  let best: number[] = [];
  let bestCount = Infinity;
  for (const alternatives of sides) {
    const anchors = alternatives.map((alt) => alt.reduce((a, b) => (held.holders[a]!.length <= held.holders[b]!.length ? a : b)));
    const count = anchors.reduce((n, t) => n + held.holders[t]!.length, 0);
    if (count < bestCount) {
      best = anchors;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Evaluates rules over the picture: loads only the grants of entitlements a rule names, builds
 * per-owner term bitsets, then checks each rule from the holders of its rarest side.
 */
export function evaluateSodRules(db: Database.Database, picture: CurrentPicture, rules: readonly SodRule[], findings: FindingProvider = NO_FINDINGS): SodEvaluation {
  const compiled = compileRules(db, picture, rules);
  const owners = accountOwners(db, picture);
  const segments = loadRelevantGrants(db, compiled);
  const held = new HeldTerms(owners.ownerIdentity.length, compiled.terms.length);
  const ownerOfAccount = (account: number): number => {
    const i = account - owners.base;
    return i >= 0 && i < owners.ownerOf.length ? owners.ownerOf[i]! : -1;
  };
  // Each grant's owner, worked out once: the evidence pass below reads it back.
  const grantOwners = segments.map(({ entitlement, accounts }) => {
    const terms = compiled.termsOfEntitlement.get(entitlement) ?? [];
    const ownerOfGrant = new Int32Array(accounts.length);
    for (let i = 0; i < accounts.length; i++) {
      const owner = ownerOfAccount(accounts[i]!);
      ownerOfGrant[i] = owner;
      if (owner >= 0) for (const t of terms) held.add(owner, t);
    }
    return ownerOfGrant;
  });
  const systemOfSnapshot = new Map(picture.access.map((s) => [s.id, foldPattern(s.system)]));
  const accountFindings = [...findings.findingsFor(picture.access.map((s) => s.id))];
  const findingTermsOf = (snapshotId: number, finding: string): number[] => {
    const system = systemOfSnapshot.get(snapshotId);
    return compiled.findingTerms.filter((f) => f.finding === finding && (f.system === null || f.system === system)).map((f) => f.term);
  };
  for (const f of accountFindings) {
    const owner = ownerOfAccount(f.accountId);
    if (owner >= 0) for (const t of findingTermsOf(f.snapshotId, f.finding)) held.add(owner, t);
  }

  const found: { rule: number; owner: number }[] = [];
  const checked = new Int32Array(owners.ownerIdentity.length).fill(-1);
  compiled.rules.forEach((sides, r) => {
    for (const anchor of anchorTerms(held, sides)) {
      for (const owner of held.holders[anchor]!) {
        if (checked[owner] === r) continue;
        checked[owner] = r;
        if (ruleHolds(held, owner, sides)) found.push({ rule: r, owner });
      }
    }
  });

  // Evidence: per violated side, every grant (or finding) that satisfies an alternative the owner holds in full.
  const violations: OwnerViolation[] = found.map((f) => ({ ...f, evidence: [] }));
  const byOwner = new Map<number, OwnerViolation[]>();
  for (const v of violations) byOwner.set(v.owner, [...(byOwner.get(v.owner) ?? []), v]);
  const addEvidence = (owner: number, terms: readonly number[], item: Omit<SideEvidence, 'side'>): void => {
    for (const v of byOwner.get(owner) ?? []) {
      rules[v.rule]!.sides.forEach((side, s) => {
        const alternatives = compiled.rules[v.rule]![s]!;
        const satisfies = alternatives.some((alt) => held.holdsAll(owner, alt) && alt.some((t) => terms.includes(t)));
        if (satisfies) v.evidence.push({ side: side.label, ...item });
      });
    }
  };
  if (byOwner.size > 0) {
    const violating = new Uint8Array(owners.ownerIdentity.length);
    for (const owner of byOwner.keys()) violating[owner] = 1;
    segments.forEach(({ snapshot, entitlement, accounts }, s) => {
      const ownerOfGrant = grantOwners[s]!;
      const terms = compiled.termsOfEntitlement.get(entitlement) ?? [];
      for (let i = 0; i < accounts.length; i++) {
        const owner = ownerOfGrant[i]!;
        if (owner >= 0 && violating[owner] === 1) addEvidence(owner, terms, { snapshotId: snapshot, accountId: accounts[i]!, entitlementId: entitlement, finding: null });
      }
    });
    for (const f of accountFindings) {
      const owner = ownerOfAccount(f.accountId);
      if (byOwner.has(owner)) addEvidence(owner, findingTermsOf(f.snapshotId, f.finding), { snapshotId: f.snapshotId, accountId: f.accountId, entitlementId: null, finding: f.finding });
    }
  }
  return { violations, owners, compiled, grantsRead: segments.reduce((n, s) => n + s.accounts.length, 0), ownersWithTerms: held.ownersWithTerms };
}
