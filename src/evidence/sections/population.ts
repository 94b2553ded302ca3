import type { CampaignEvidence } from '../campaign-evidence.js';
import type { SnapshotEvidence } from '../pack-data.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, grouped, when } from './format.js';

export interface PopulationData {
  snapshots: SnapshotEvidence[];
  campaign: Pick<CampaignEvidence, 'launch' | 'reconciliation'> | null;
}

export async function populationCompleteness(w: PackWriter, data: PopulationData): Promise<void> {
  w.section('population', 'Population completeness');
  w.paragraph('The snapshots this pack rests on, as imported: the file and its SHA-256, the date the data is as of, and the rows read, imported and rejected (a rejected row was not silently dropped: it is stored with its reason).', { color: COLOR.muted });
  await w.table({
    columns: [
      { header: 'ID', weight: 0.55 },
      { header: 'System', weight: 1.4, font: 'semibold' },
      { header: 'File', weight: 2 },
      { header: 'SHA-256', weight: 2.6, maxLines: 4 },
      { header: 'As of', weight: 1.1 },
      { header: 'Read', weight: 0.8, align: 'right' },
      { header: 'Imported', weight: 0.9, align: 'right' },
      { header: 'Rejected', weight: 0.9, align: 'right', color: (v) => (v !== '0' ? COLOR.bad : undefined) },
    ],
    rows: data.snapshots.map((s) => [`#${s.id}${s.complete ? '' : ' (incomplete)'}`, `${s.system}${s.content === 'identities' && !/\bHR\b/i.test(s.system) ? ' (HR roster)' : ''}`, s.fileName, s.sha256, when(s.asOf), count(s.rowsRead), count(s.rowsImported), count(s.rowsRejected)]),
    size: 7.5,
    continuedTitle: 'Snapshots',
  });
  const multi = data.snapshots.filter((s) => s.sources.length > 1);
  if (multi.length > 0) {
    w.heading('Source files of multi-file snapshots', 2);
    await w.table({
      columns: [{ header: 'Snapshot', weight: 0.8 }, { header: 'File', weight: 2.5 }, { header: 'SHA-256', weight: 3 }, { header: 'Bytes', weight: 1, align: 'right' }],
      rows: multi.flatMap((s) => s.sources.map((f) => [`#${s.id}`, f.fileName, f.sha256, count(f.sizeBytes)])),
      size: 7.5,
    });
  }
  const campaign = data.campaign;
  if (!campaign) return;
  w.heading('Campaign population', 2);
  w.keyValues([
    ['Items frozen at launch', campaign.launch ? count(campaign.launch.items) : 'not launched'],
    ['Population SHA-256', campaign.launch ? grouped(campaign.launch.populationSha256) : '—'],
    ['Frozen', campaign.launch ? `${when(campaign.launch.launchedAt)} by ${campaign.launch.launchedBy}` : '—'],
    ...(campaign.launch?.warnings.length ? ([['Launch warnings', campaign.launch.warnings.join(' ')]] as [string, string][]) : []),
  ]);
  await w.table({
    columns: [
      { header: 'System', weight: 1.4, font: 'semibold' },
      { header: 'Snapshot', weight: 0.8 },
      { header: 'As of', weight: 1.1 },
      { header: 'Grants in snapshot', weight: 1, align: 'right' },
      { header: 'Items', weight: 0.8, align: 'right' },
      { header: 'Excluded by scope', weight: 1, align: 'right' },
      { header: 'Reconciles', weight: 0.9, color: (v) => (v === 'Yes' ? COLOR.ok : COLOR.bad) },
    ],
    rows: campaign.reconciliation.map((r) => [r.system, `#${r.snapshotId}`, when(r.snapshotAsOf), count(r.grants), count(r.items), count(r.excluded), r.grants === r.items + r.excluded ? 'Yes' : 'No']),
    size: 8,
  });
}
