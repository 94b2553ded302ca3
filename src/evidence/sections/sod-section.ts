import type { SodEvidence } from '../pack-data.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, when } from './format.js';

const STATUS_COLORS: Record<string, string> = { open: COLOR.bad, mitigated: COLOR.pending, excepted: COLOR.muted };

export async function sodSection(w: PackWriter, sod: SodEvidence | null): Promise<void> {
  w.section('sod', 'Segregation of duties');
  if (!sod) {
    w.paragraph('No segregation-of-duties run is stored in this workspace ("attest sod run").', { font: 'italic', color: COLOR.muted });
    return;
  }
  w.keyValues([
    ['Run', `#${sod.runId} as of ${sod.asOf}, ${when(sod.runAt)} by ${sod.runBy}`],
    ['Rules evaluated', count(sod.rules)],
    ['Violations', `${count(sod.counts.violations)}: ${count(sod.counts.open)} open, ${count(sod.counts.mitigated)} mitigated, ${count(sod.counts.excepted)} excepted`],
  ]);
  await w.table({
    columns: [
      { header: 'Rule', weight: 1.6 },
      { header: 'Risk', weight: 0.6 },
      { header: 'Owner', weight: 1.3, font: 'semibold' },
      { header: 'Status', weight: 0.75, font: 'semibold', color: (v) => STATUS_COLORS[v] },
      { header: 'Conflicting access', weight: 2.6, maxLines: 6 },
      { header: 'Mitigation or exception', weight: 2.2, maxLines: 6 },
    ],
    rows: sod.violations.map((v) => [
      `${v.ruleId} ${v.ruleName}`,
      v.risk,
      v.identity ? `${v.owner} (${v.identity})` : v.owner,
      v.status,
      v.evidence.join('\n'),
      [
        ...v.controls.map((c) => `Control ${c.id}: ${c.description}`),
        ...(v.exception ? [`Exception #${v.exception.id} ${v.exception.from} to ${v.exception.to}, approved by ${v.exception.approver}: ${v.exception.justification}`] : []),
      ].join('\n') || '—',
    ]),
    size: 7.5,
    continuedTitle: 'Violations',
  });
}
