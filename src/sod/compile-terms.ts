import type Database from 'better-sqlite3-multiple-ciphers';
import type { CurrentPicture } from './current-picture.js';
import { compileFoldedGlob, foldPattern, isGlob } from './glob.js';
import { matcherKey, type SodMatcher, type SodRule } from './rule-model.js';

/**
 * Matchers compiled against the entitlements of the picture. Each distinct matcher becomes one
 * term (a bit); an entitlement lists the terms it satisfies. A rule becomes, per side, a list of
 * alternatives, each a list of term numbers that must all be held.
 */
export interface CompiledRules {
  terms: SodMatcher[];
  /** Entitlement id → the terms it satisfies (only entitlements some term matches). */
  termsOfEntitlement: Map<number, number[]>;
  /** Per rule, per side, per alternative: the terms that must all be held. */
  rules: number[][][][];
  /** Finding terms: finding type → [term, system name folded or null]. */
  findingTerms: { term: number; finding: string; system: string | null }[];
  /** Per access snapshot: the entitlement ids some term matches (the only grants worth loading). */
  relevantBySnapshot: Map<number, number[]>;
  /** Systems that rules name but the picture does not hold (folded name → as written). */
  unknownSystems: Map<string, string>;
}


interface SystemEntitlements {
  all: FoldedEntitlement[];
  exact: Map<string, number[]>;
  snapshotOf: Map<number, number>;
}

interface EntitlementRow {
  id: number;
  snapshotId: number;
  name: string;
  key: string;
}

interface FoldedEntitlement {
  id: number;
  /** The name and the key, folded (one entry when they fold alike). */
  texts: string[];
}

/** Entitlements of the picture's snapshots, per system (folded name), with exact lookup by folded name and key. */
function entitlementsBySystem(db: Database.Database, picture: CurrentPicture): Map<string, SystemEntitlements> {
  const systemOf = new Map(picture.access.map((s) => [s.id, foldPattern(s.system)]));
  const rows = db
    .prepare('SELECT id, snapshot_id AS snapshotId, name, entitlement_key AS key FROM entitlements WHERE snapshot_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(picture.access.map((s) => s.id))) as EntitlementRow[];
  const bySystem = new Map<string, SystemEntitlements>();
  for (const s of picture.access) bySystem.set(foldPattern(s.system), { all: [], exact: new Map(), snapshotOf: new Map() });
  for (const row of rows) {
    const entry = bySystem.get(systemOf.get(row.snapshotId) ?? '');
    if (!entry) continue;
    const name = foldPattern(row.name);
    const key = foldPattern(row.key);
    const texts = name === key ? [name] : [name, key];
    entry.all.push({ id: row.id, texts });
    entry.snapshotOf.set(row.id, row.snapshotId);
    for (const text of texts) {
      const list = entry.exact.get(text) ?? [];
      list.push(row.id);
      entry.exact.set(text, list);
    }
  }
  return bySystem;
}

export function compileRules(db: Database.Database, picture: CurrentPicture, rules: readonly SodRule[]): CompiledRules {
  const bySystem = entitlementsBySystem(db, picture);
  const terms: SodMatcher[] = [];
  const termIndex = new Map<string, number>();
  const termsOfEntitlement = new Map<number, number[]>();
  const findingTerms: CompiledRules['findingTerms'] = [];
  const unknownSystems = new Map<string, string>();
  const relevantBySnapshot = new Map<number, number[]>();
  const termOf = (m: SodMatcher): number => {
    const key = matcherKey(m);
    const known = termIndex.get(key);
    if (known !== undefined) return known;
    const term = terms.length;
    terms.push(m);
    termIndex.set(key, term);
    if (m.kind === 'finding') {
      findingTerms.push({ term, finding: m.finding, system: m.system === null ? null : foldPattern(m.system) });
      return term;
    }
    const system = bySystem.get(foldPattern(m.system));
    if (!system) {
      unknownSystems.set(foldPattern(m.system), m.system);
      return term;
    }
    const glob = isGlob(m.entitlement) ? compileFoldedGlob(m.entitlement) : null;
    const matches = glob ? system.all.filter((e) => e.texts.some(glob)).map((e) => e.id) : (system.exact.get(foldPattern(m.entitlement)) ?? []);
    for (const id of new Set(matches)) {
      const snapshot = system.snapshotOf.get(id) ?? 0;
      if (!termsOfEntitlement.has(id)) {
        const relevant = relevantBySnapshot.get(snapshot) ?? [];
        relevant.push(id);
        relevantBySnapshot.set(snapshot, relevant);
      }
      const list = termsOfEntitlement.get(id) ?? [];
      list.push(term);
      termsOfEntitlement.set(id, list);
    }
    return term;
  };
  const compiled = rules.map((rule) => rule.sides.map((side) => side.alternatives.map((alt) => alt.matchers.map(termOf))));
  return { terms, termsOfEntitlement, rules: compiled, findingTerms, relevantBySnapshot, unknownSystems };
}
