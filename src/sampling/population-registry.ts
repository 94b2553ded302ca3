import { AttestError } from '../errors.js';
import type { PopulationKind } from './population.js';
import { FINDINGS_POPULATION } from './findings-population.js';
import { SNAPSHOT_POPULATIONS } from './snapshot-populations.js';
import { CAMPAIGN_ITEMS_POPULATION } from '../campaigns/campaign-population.js';

/**
 * The populations a sample can be drawn from, by name. Snapshot populations and the findings of an
 * analysis run are built in; other modules add theirs (a campaign's items) with registerPopulation.
 */
const registry = new Map<string, PopulationKind>([...SNAPSHOT_POPULATIONS, FINDINGS_POPULATION, CAMPAIGN_ITEMS_POPULATION].map((kind) => [kind.name, kind]));

export function registerPopulation(kind: PopulationKind): void {
  if (registry.has(kind.name)) throw new Error(`population "${kind.name}" is already registered`);
  registry.set(kind.name, kind);
}

export function populationKinds(): PopulationKind[] {
  return [...registry.values()];
}

export function populationKind(name: string): PopulationKind {
  const kind = registry.get(name);
  if (kind === undefined) throw new AttestError('UNKNOWN_POPULATION', `There is no population "${name}". Sample one of: ${[...registry.keys()].join(', ')}.`);
  return kind;
}
