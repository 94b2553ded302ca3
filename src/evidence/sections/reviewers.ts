import type { CampaignSummary, Reroute } from '../campaign-evidence.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, when } from './format.js';

export interface ReviewerData {
  summary: CampaignSummary;
  reroutes: readonly Reroute[];
}

export async function reviewerRoster(w: PackWriter, data: ReviewerData): Promise<void> {
  w.section('reviewers', 'Reviewer roster and independence');
  const tallies = [...data.summary.reviewers].sort(([a], [b]) => a.localeCompare(b, 'en'));
  await w.table({
    columns: [
      { header: 'Reviewer', weight: 2.6, font: 'semibold' },
      { header: 'Stages', weight: 0.7 },
      { header: 'Items', weight: 0.8, align: 'right' },
      { header: 'Kept', weight: 0.8, align: 'right' },
      { header: 'Revoked', weight: 0.8, align: 'right' },
      { header: 'Pending', weight: 0.8, align: 'right', color: (v) => (v !== '0' ? COLOR.pending : undefined) },
    ],
    rows: tallies.map(([reviewer, t]) => [reviewer, [...t.stages].sort().join(', '), count(t.items), count(t.kept), count(t.revoked), count(t.pending)]),
    size: 8.5,
    continuedTitle: 'Reviewers',
  });
  const independence = data.summary.independence;
  const kinds = (kind: Reroute['kind']): number => data.reroutes.filter((r) => r.kind === kind).length;
  w.heading('Independence', 2);
  w.keyValues(
    [
      ['Self-reviews decided', independence.selfReviewed === 0 ? 'None: no decided item was decided by the person whose access it is.' : `${count(independence.selfReviewed)} item(s) decided by their own subject`],
      ['Repeated stage reviewers', independence.repeatedReviewer === 0 ? 'None: every stage of an item has a different reviewer.' : `${count(independence.repeatedReviewer)} item(s) with one reviewer in two stages`],
      ['Self-review re-routes', count(kinds('self-review'))],
      ['Reassignments', count(kinds('reassignment'))],
      ['Routed to the fallback', count(kinds('fallback'))],
    ],
    { labelWidth: 160, valueColor: (label, value) => (label.startsWith('Self-reviews') || label.startsWith('Repeated') ? (value.startsWith('None') ? COLOR.ok : COLOR.bad) : undefined) },
  );
  if (data.reroutes.length > 0) {
    w.heading('Re-routes and reassignments', 2);
    await w.table({
      columns: [
        { header: 'Item', weight: 0.6 },
        { header: 'Stage', weight: 0.5 },
        { header: 'From', weight: 2 },
        { header: 'To', weight: 2 },
        { header: 'Kind', weight: 1 },
        { header: 'Reason', weight: 2.6 },
        { header: 'When', weight: 1.3 },
      ],
      rows: data.reroutes.map((r) => [String(r.itemId), String(r.stage), r.from, r.to, r.kind, r.reason, when(r.at)]),
      size: 7.5,
      continuedTitle: 'Re-routes and reassignments',
    });
  }
}
