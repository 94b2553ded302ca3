import type { AuditEvidence } from '../pack-data.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { count, grouped, when } from './format.js';

export async function auditSection(w: PackWriter, audit: AuditEvidence): Promise<void> {
  w.section('audit', 'Audit trail');
  w.paragraph('Every change to the workspace is an event whose hash covers the one before it. The chain was recomputed from the first event when this pack was made; audit-log.jsonl, attached, holds every event so that anyone can recompute it.', { color: COLOR.muted });
  w.keyValues(
    [
      ['Verification', audit.ok ? 'Intact: every event links to the one before it.' : `BROKEN at event ${audit.firstBadSeq ?? '?'}: the workspace was altered outside Attest.`],
      ['Events', count(audit.events)],
      ['Chain head (SHA-256)', grouped(audit.head)],
      ['First event', when(audit.firstAt)],
      ['Last event', when(audit.lastAt)],
    ],
    { labelWidth: 150, valueColor: (label) => (label === 'Verification' ? (audit.ok ? COLOR.ok : COLOR.bad) : undefined) },
  );
  w.heading('Events by action', 2);
  await w.table({ columns: [{ header: 'Action', weight: 3 }, { header: 'Events', weight: 1, align: 'right' }], rows: audit.byAction.map((a) => [a.action, count(a.count)]), size: 8.5, continuedTitle: 'Events by action' });
}
