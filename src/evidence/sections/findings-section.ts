import type { FindingsEvidence } from '../pack-data.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, when } from './format.js';

export async function findingsSection(w: PackWriter, findings: FindingsEvidence | null): Promise<void> {
  w.section('findings', 'Findings and their disposition');
  if (!findings) {
    w.paragraph('No analysis run is stored in this workspace ("attest analyze").', { font: 'italic', color: COLOR.muted });
    return;
  }
  w.keyValues([['Analysis run', `#${findings.runId} as of ${findings.asOf}, ${when(findings.createdAt)} by ${findings.createdBy}`]]);
  const byType = new Map<string, { all: number; open: number }>();
  for (const f of findings.findings) {
    const t = byType.get(f.type) ?? { all: 0, open: 0 };
    t.all += 1;
    if (f.disposition === 'Open') t.open += 1;
    byType.set(f.type, t);
  }
  await w.table({
    columns: [{ header: 'Finding type', weight: 2, font: 'semibold' }, { header: 'Count', weight: 1, align: 'right' }, { header: 'Still open', weight: 1, align: 'right' }],
    rows: [...byType].map(([type, t]) => [type, count(t.all), count(t.open)]),
    size: 8.5,
  });
  w.heading('Every finding', 2);
  await w.table({
    columns: [
      { header: 'Type', weight: 1 },
      { header: 'System', weight: 1 },
      { header: 'Account', weight: 1.5 },
      { header: 'Identity', weight: 0.9 },
      { header: 'Detail', weight: 2.6 },
      { header: 'Disposition', weight: 1.6, color: (v) => (v === 'Open' ? COLOR.bad : undefined) },
    ],
    rows: findings.findings.map((f) => [f.type, f.system, f.account, f.identity ?? '—', f.detail, f.disposition]),
    size: 7.5,
    continuedTitle: 'Findings',
  });
}

