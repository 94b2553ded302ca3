import type { Workspace } from '../store/workspace.js';
import { populationSha256, sortedLines, type PopulationRequest } from './population.js';
import { populationKind } from './population-registry.js';
import { SAMPLING_ALGORITHM, Xoshiro256 } from './prng.js';
import { sampleSize, type RequestedSize } from './sample-size.js';
import { storeSample, type SampleDetail } from './sample-store.js';
import { generateSeed, parseSeed } from './seed.js';
import { selectIndices, type SamplingMethod } from './select.js';

export interface DrawRequest extends PopulationRequest {
  population: string;
  requested: RequestedSize;
  /** Decimal, 0 to 2^64 − 1; generated (and recorded) when absent. */
  seed?: string | undefined;
  method?: SamplingMethod | undefined;
  operator: string;
}

/**
 * Draws a reproducible sample and stores it with its audit event (`sample.drawn`) in one
 * transaction. The population is sorted by its keys, hashed, and indexed by the seeded generator:
 * the same seed over the same population selects the same members, on any machine.
 */
export function drawSample(ws: Workspace, request: DrawRequest): SampleDetail {
  const seedSource = request.seed === undefined ? 'generated' : 'given';
  const seedText = request.seed ?? generateSeed();
  const seed = parseSeed(seedText);
  const method = request.method ?? 'simple-random';
  const kind = populationKind(request.population);
  return ws.change(
    request.operator,
    'sample.drawn',
    () => {
      const loaded = kind.load(ws.db, request);
      const lines = sortedLines(loaded.members);
      const size = sampleSize(request.requested, lines.length, loaded.described);
      const indices = selectIndices(method, new Xoshiro256(seed), lines.length, size);
      const sample: Omit<SampleDetail, 'id'> = {
        population: kind.name,
        parameters: loaded.parameters,
        keyFields: [...kind.keyFields],
        populationSize: lines.length,
        populationSha256: populationSha256(lines),
        method,
        algorithm: SAMPLING_ALGORITHM,
        seed: seed.toString(),
        seedSource,
        requested: request.requested,
        size,
        createdAt: new Date().toISOString(),
        createdBy: request.operator,
        items: indices.map((index, i) => ({ position: i + 1, populationIndex: index, key: JSON.parse(lines[index] as string) as string[] })),
      };
      return { ...sample, id: storeSample(ws.db, sample) };
    },
    (s) => ({ sampleId: s.id, population: s.population, parameters: s.parameters, populationSize: s.populationSize, populationSha256: s.populationSha256, method: s.method, seed: s.seed, size: s.size }),
  ).result;
}
