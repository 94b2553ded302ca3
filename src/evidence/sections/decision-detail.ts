import type { EvidenceItem, ItemSource } from '../campaign-evidence.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { outcomeColor, when } from './format.js';

function* detailRows(items: Iterable<EvidenceItem>): Generator<string[]> {
  for (const item of items) {
    const who = item.identity ? `${item.identity.name ?? item.identity.employeeId} (${item.identity.employeeId})` : 'No identity (orphan)';
    const decision = item.outcome === 'keep' ? 'Kept' : item.outcome === 'revoke' ? 'Revoked' : 'Pending';
    yield [String(item.id), who, item.account, item.system, item.entitlement + (item.privileged ? ' [privileged]' : ''), item.reviewer, decision, item.comment ?? '', when(item.decidedAt).replace(' UTC', '')];
  }
}

/** Every item of the campaign, in population order (landscape: nine columns). */
export async function decisionDetail(w: PackWriter, items: ItemSource): Promise<void> {
  w.section('detail', 'Decision detail', 'landscape');
  w.paragraph(`All ${items.count.toLocaleString('en-US')} items in population order. Long values are shortened with "…"; decisions.csv, attached, holds every value and every stage.`, { color: COLOR.muted, size: 8.5 });
  await w.table({
    columns: [
      { header: 'Item', weight: 0.45 },
      { header: 'Identity', weight: 1.6 },
      { header: 'Account', weight: 1.3 },
      { header: 'System', weight: 0.95 },
      { header: 'Entitlement', weight: 1.6 },
      { header: 'Reviewer', weight: 2.05 },
      { header: 'Decision', weight: 0.6, font: 'semibold', color: outcomeColor },
      { header: 'Justification', weight: 2.1 },
      { header: 'Decided (UTC)', weight: 0.95 },
    ],
    rows: detailRows(items),
    size: 7,
    continuedTitle: 'Decision detail',
  });
}
