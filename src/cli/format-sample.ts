import type { OperationOutput } from '../api/contract.js';
import { firstLines, formatRows } from './format.js';

type Sample = OperationOutput<'samples.show'>;
type Summary = OperationOutput<'samples.list'>['samples'][number];

const parameters = (s: Summary): string => Object.entries(s.parameters).map(([name, value]) => `${name} ${value}`).join(', ');
const requested = (s: Summary): string => ('size' in s.requested ? `${s.requested.size}` : `${s.requested.percent}%`);

/** `attest sample` / `attest sample show` for people: how it was drawn (enough to re-perform it), then the selection. */
export function formatSample(s: Sample): string {
  return [
    `Sample #${s.id}: ${s.size} of ${s.populationSize} ${s.population} (${parameters(s)})`,
    formatRows([
      ['Method', `${s.method} (${s.algorithm})`],
      ['Seed', `${s.seed} (${s.seedSource})`],
      ['Requested', requested(s)],
      ['Population SHA-256', s.populationSha256],
      ['Drawn', `${s.createdAt} by ${s.createdBy}`],
    ]),
    ...firstLines(`Selected (${s.keyFields.join(' → ')}), in drawing order`, s.items, (item) => `${String(item.position).padStart(4)}. ${item.key.join(' → ')}`, 50),
  ].join('\n');
}

export function formatSampleList(samples: readonly Summary[]): string {
  if (samples.length === 0) return 'No samples yet. Draw one with "attest sample --population accounts --system NAME --size N".';
  return samples.map((s) => `#${s.id}  ${s.population} (${parameters(s)})  ${s.size} of ${s.populationSize}  ${s.method}  seed ${s.seed}  sha256 ${s.populationSha256.slice(0, 12)}…  by ${s.createdBy} ${s.createdAt}`).join('\n');
}
