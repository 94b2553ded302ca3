import type { RemediationLine } from '../campaign-evidence.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, when } from './format.js';

const WORDS: Record<RemediationLine['verification'], string> = { 'verified-removed': 'Verified removed', 'still-present': 'Still present', pending: 'Pending' };
const COLORS: Record<string, string> = { 'Verified removed': COLOR.ok, 'Still present': COLOR.bad, Pending: COLOR.pending };

export async function remediationSection(w: PackWriter, lines: readonly RemediationLine[]): Promise<void> {
  w.section('remediation', 'Revocations and remediation');
  const n = (status: RemediationLine['verification']): number => lines.filter((l) => l.verification === status).length;
  w.keyValues(
    [
      ['Revocations', count(lines.length)],
      ['Verified removed', count(n('verified-removed'))],
      ['Still present', count(n('still-present'))],
      ['Pending verification', count(n('pending'))],
    ],
    { valueColor: (label, value) => (label === 'Still present' && value !== '0' ? COLOR.bad : undefined) },
  );
  w.paragraph('A revocation is verified by the next snapshot of its system taken on or after the decision: verified when the grant is gone from it, still present when it is not, pending until such a snapshot is imported.', { color: COLOR.muted });
  await w.table({
    columns: [
      { header: 'Item', weight: 0.5 },
      { header: 'System', weight: 1 },
      { header: 'Account', weight: 1.4 },
      { header: 'Entitlement', weight: 1.6 },
      { header: 'Decided by', weight: 1.5 },
      { header: 'Decided', weight: 1 },
      { header: 'Status', weight: 1, font: 'semibold', color: (v) => COLORS[v] },
      { header: 'Checked in', weight: 1 },
    ],
    rows: lines.map((l) => [String(l.itemId), l.system, l.account, l.entitlement, l.reviewer, when(l.decidedAt), WORDS[l.verification], l.verifiedBy ? `#${l.verifiedBy.snapshotId} (${l.verifiedBy.asOf.slice(0, 10)})` : '—']),
    size: 7.5,
    continuedTitle: 'Revocations',
  });
}
