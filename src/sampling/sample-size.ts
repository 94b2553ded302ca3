import { AttestError } from '../errors.js';

/** What the user asked for: a count, or a percentage of the population. */
export type RequestedSize = { size: number } | { percent: number };

/**
 * The number of members to draw. A percentage is taken to 4 decimal places and rounded up
 * (ceil(n × p / 100), at least 1), in integer arithmetic so that no float error adds a member.
 */
export function sampleSize(requested: RequestedSize, populationSize: number, described: string): number {
  if (populationSize === 0) {
    throw new AttestError('EMPTY_POPULATION', `There is nothing to sample: ${described} is empty. Choose a population with members (see "attest snapshots").`);
  }
  let size: number;
  if ('size' in requested) {
    size = requested.size;
  } else {
    const tenThousandths = BigInt(Math.round(requested.percent * 10_000));
    size = Math.max(1, Number((BigInt(populationSize) * tenThousandths + 999_999n) / 1_000_000n));
  }
  if (size > populationSize) {
    throw new AttestError('SAMPLE_TOO_LARGE', `A sample of ${size} cannot be drawn without replacement from ${populationSize} members (${described}). Ask for at most ${populationSize}, or test the whole population.`);
  }
  return size;
}
