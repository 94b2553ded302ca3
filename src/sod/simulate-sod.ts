import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { accountOwners } from './account-owners.js';
import { compileRules } from './compile-terms.js';
import { currentPicture } from './current-picture.js';
import { HeldTerms, ruleHolds } from './evaluate-sod.js';
import { compileGlob, foldPattern } from './glob.js';
import { resolveOwner, type OwnerSelector } from './owner-ref.js';
import { loadRules } from './rule-store.js';

export interface SimulateRequest extends OwnerSelector {
  /** SYSTEM:ENTITLEMENT, each access the owner would be given. */
  add: readonly string[];
}

export interface SimulationResult {
  owner: string;
  added: { system: string; entitlement: string }[];
  /** Every rule the owner would break with the added access; `already` when they break it today. */
  wouldFire: { ruleId: string; ruleName: string; risk: string; already: boolean }[];
}

function parseAddition(text: string): { system: string; entitlement: string } {
  const colon = text.indexOf(':');
  const system = colon < 0 ? '' : text.slice(0, colon).trim();
  const entitlement = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (system === '' || entitlement === '') throw new AttestError('USAGE', `--add takes SYSTEM:ENTITLEMENT (e.g. "Finance ERP:AP Approver"), not "${text}".`);
  return { system, entitlement };
}

/** Which rules would fire if the owner were given this access (on top of what they hold now). Nothing is stored. */
export function simulateSod(ws: Workspace, request: SimulateRequest): SimulationResult {
  if (request.add.length === 0) throw new AttestError('USAGE', 'Name the access to simulate with --add SYSTEM:ENTITLEMENT (repeatable).');
  const added = request.add.map(parseAddition);
  const picture = currentPicture(ws.db, null);
  const target = resolveOwner(ws, picture, request);
  const rules = loadRules(ws.db);
  const compiled = compileRules(ws.db, picture, rules);
  const owners = accountOwners(ws.db, picture);
  const index =
    target.identityRowId !== null ? owners.ownerIdentity.indexOf(target.identityRowId) : (owners.ownerOf[(target.accountId ?? 0) - owners.base] ?? -1);
  const accounts: number[] = [];
  if (index >= 0) owners.ownerOf.forEach((o, i) => o === index && accounts.push(owners.base + i));
  const held = new HeldTerms(1, compiled.terms.length);
  const grantsOf = ws.db.prepare('SELECT g.entitlement_id FROM accounts a JOIN grants g ON g.snapshot_id = a.snapshot_id AND g.account_id = a.id WHERE a.id = ?').pluck();
  for (const account of accounts) {
    for (const entitlement of grantsOf.all(account) as number[]) {
      for (const t of compiled.termsOfEntitlement.get(entitlement) ?? []) held.add(0, t);
    }
  }
  const before = compiled.rules.map((sides) => ruleHolds(held, 0, sides));
  for (const a of added) {
    compiled.terms.forEach((term, t) => {
      if (term.kind === 'entitlement' && foldPattern(term.system) === foldPattern(a.system) && compileGlob(term.entitlement)(a.entitlement)) held.add(0, t);
    });
  }
  const wouldFire = rules
    .map((rule, r) => ({ ruleId: rule.id, ruleName: rule.name, risk: rule.risk, already: before[r] ?? false, fires: ruleHolds(held, 0, compiled.rules[r]!) }))
    .filter((r) => r.fires)
    .map(({ fires: _fires, ...r }) => r);
  return { owner: target.key, added, wouldFire };
}
