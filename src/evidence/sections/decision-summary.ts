import type { CampaignSummary, Outcomes } from '../campaign-evidence.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, percent } from './format.js';

const SERIES = [
  ['kept', 'Kept', COLOR.keep],
  ['revoked', 'Revoked', COLOR.revoke],
  ['pending', 'Pending', COLOR.pending],
] as const;

/** Horizontal stacked bars, one per system, scaled to that system's items. */
function outcomeChart(w: PackWriter, rows: readonly [string, Outcomes][]): void {
  const barHeight = 14;
  const labelWidth = 130;
  const height = rows.length * (barHeight + 8) + 30;
  w.ensure(height);
  const top = w.y;
  const barWidth = w.width - labelWidth - 60;
  rows.forEach(([system, o], i) => {
    const y = top + i * (barHeight + 8);
    const total = o.kept + o.revoked + o.pending;
    w.textAt(w.wrap(system, 'semibold', 8.5, labelWidth - 8, 1)[0] ?? '', w.left, y + 2, 'semibold', 8.5);
    let x = w.left + labelWidth;
    for (const [field, , color] of SERIES) {
      const part = total === 0 ? 0 : (o[field] / total) * barWidth;
      if (part > 0) w.fillRect(x, y, part, barHeight, color);
      x += part;
    }
    w.textAt(count(total), w.left + labelWidth + barWidth + 6, y + 2, 'regular', 8.5, COLOR.muted);
  });
  let x = w.left + labelWidth;
  const legendY = top + rows.length * (barHeight + 8) + 4;
  for (const [, label, color] of SERIES) {
    w.fillRect(x, legendY + 2, 9, 9, color);
    w.textAt(label, x + 13, legendY + 1, 'regular', 8.5, COLOR.muted);
    x += 70;
  }
  w.y = top + height;
}

export async function decisionSummary(w: PackWriter, summary: CampaignSummary, all: number): Promise<void> {
  w.section('summary', 'Decision summary');
  const total = summary.total;
  w.keyValues([
    ['Items', count(all)],
    ['Kept', `${count(total.kept)} (${percent(total.kept, all)})`],
    ['Revoked', `${count(total.revoked)} (${percent(total.revoked, all)})`],
    ['Pending', `${count(total.pending)} (${percent(total.pending, all)})`],
  ]);
  w.heading('Outcome by system', 2);
  const bySystem = summary.bySystem;
  outcomeChart(w, bySystem);
  const columns = (first: string) =>
    [
      { header: first, weight: 2.4, font: 'semibold' as const },
      { header: 'Items', weight: 0.8, align: 'right' as const },
      { header: 'Kept', weight: 0.8, align: 'right' as const },
      { header: 'Revoked', weight: 0.8, align: 'right' as const },
      { header: 'Pending', weight: 0.8, align: 'right' as const },
      { header: 'Decided', weight: 0.8, align: 'right' as const },
    ];
  const row = ([name, o]: [string, Outcomes]): string[] => {
    const n = o.kept + o.revoked + o.pending;
    return [name, count(n), count(o.kept), count(o.revoked), count(o.pending), percent(o.kept + o.revoked, n)];
  };
  await w.table({ columns: columns('System'), rows: bySystem.map(row), size: 8.5 });
  w.heading('Outcome by reviewer', 2);
  await w.table({ columns: columns('Reviewer (who decided, or who it waits for)'), rows: summary.byReviewer.map(row), size: 8.5, continuedTitle: 'Outcome by reviewer' });
}
