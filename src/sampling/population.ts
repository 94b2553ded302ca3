import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

/** What a population kind is asked for; a later kind (findings of a run) adds its own fields. */
export interface PopulationRequest {
  system?: string | undefined;
  snapshotId?: number | undefined;
  /** Findings: the analysis run (default the newest) and one finding type. */
  runId?: number | undefined;
  findingType?: string | undefined;
  /** Campaign items: the campaign. */
  campaignId?: number | undefined;
}

/** A population as loaded: the members' keys (in any order) and the resolved parameters that name it again. */
export interface LoadedPopulation {
  /** E.g. {system: "ERP", snapshotId: 12}: recorded with the sample, enough to load the same population. */
  parameters: Record<string, string | number>;
  /** For messages: "the accounts of ERP snapshot #12". */
  described: string;
  /** One array of key values per member, in the order of the kind's keyFields. */
  members: string[][];
}

/** One kind of population in the registry (population-registry.ts). */
export interface PopulationKind {
  name: string;
  description: string;
  /** What each part of a member's key is: ["account", "entitlement"]. */
  keyFields: readonly string[];
  load: (db: Database.Database, request: PopulationRequest) => LoadedPopulation;
}

/**
 * Order by Unicode code point (what `LC_ALL=C sort` does to UTF-8 text), not by UTF-16 code
 * unit (JavaScript's `<`): the two differ only when a surrogate meets a character U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x += x >= 0xe000 ? -0x800 : 0x2000;
      y += y >= 0xe000 ? -0x800 : 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** A member's key as one line: the JSON array of its key values, e.g. ["alice","AP Clerk"]. */
export function memberLine(key: readonly string[]): string {
  return JSON.stringify(key);
}

/** The population in its stable order: members' lines sorted by code point. Duplicates cannot occur (keys are unique per snapshot). */
export function sortedLines(members: readonly string[][]): string[] {
  return members.map(memberLine).sort(compareCodePoints);
}

/**
 * SHA-256 of the sorted lines, each followed by "\n", in UTF-8: an auditor can recompute it
 * from any export of the same keys (one JSON array per line, `LC_ALL=C sort`, `sha256sum`).
 */
export function populationSha256(lines: readonly string[]): string {
  const hash = createHash('sha256');
  // In chunks of lines: one update per line cost more than the hashing itself.
  for (let start = 0; start < lines.length; start += 4096) hash.update(`${lines.slice(start, start + 4096).join('\n')}\n`, 'utf8');
  return hash.digest('hex');
}
