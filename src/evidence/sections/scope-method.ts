import type { CampaignDefinition } from '../campaign-evidence.js';
import type { PackWriter } from '../pdf/pack-writer.js';
import { when } from './format.js';

export interface ScopeData {
  campaign: CampaignDefinition | null;
  systems: string[];
  snapshots: number;
  analysisRun: number | null;
  sodRun: number | null;
}

const NO_RESPONSE: Record<string, string> = {
  none: 'items nobody decided stay undecided and are reported as pending',
  revoke: 'items nobody decided are revoked at close',
  keep: 'items nobody decided are kept at close',
};

export function scopeAndMethod(w: PackWriter, data: ScopeData): void {
  w.section('scope', 'Scope and method');
  const c = data.campaign;
  if (c) {
    w.keyValues([
      ['Campaign', `${c.name} (#${c.id})`],
      ['Type', c.type],
      ['Systems', c.scope.systems.length > 0 ? c.scope.systems.join(', ') : `every system with an access snapshot (${data.systems.join(', ')})`],
      ['Entitlements', c.scope.entitlements.length > 0 ? c.scope.entitlements.join(', ') : 'all'],
      ['Filters', [c.scope.privilegedOnly ? 'privileged access only' : null, c.scope.newAccessOnly ? 'access new since the previous snapshot only' : null].filter(Boolean).join('; ') || 'none'],
      ['Review stages', c.stages.map((rule, i) => `${i + 1}: ${rule}`).join(', ')],
      ['Fallback reviewer', c.fallback ?? '—'],
      ['Due', c.dueOn ?? '—'],
      ['Unanswered items', NO_RESPONSE[c.noResponse] ?? c.noResponse],
      ['Created', `${when(c.createdAt)} by ${c.createdBy}`],
      ['Launched', when(c.launchedAt)],
      ['Closed', when(c.closedAt)],
    ]);
  } else {
    w.paragraph('This pack covers the workspace as it stands, not one review campaign: the current snapshot of every system, the newest analysis and segregation-of-duties runs, and the audit trail.');
  }
  w.heading('Method', 2);
  const steps = [
    `Population. Every system's access was imported from its own export into an immutable snapshot whose file SHA-256, size and row counts (read, imported, rejected with reasons) were recorded at import (${data.snapshots} snapshot${data.snapshots === 1 ? '' : 's'} in this pack, section "Population completeness").`,
    c
      ? 'Freezing. At launch the campaign froze its population: one review item per grant in scope, with a copy of the identity and account context, and a SHA-256 over the items in order. The reconciliation shows, per system, that every grant in the snapshot became an item or was excluded by the scope.'
      : 'No campaign population is frozen in a workspace-level pack.',
    c
      ? 'Review. Each item was routed to its reviewer by the stage\'s rule. Nobody reviews their own access: such items are re-routed, and every re-route and reassignment is listed with its reason. Decisions are append-only; a changed decision is a new record that supersedes the old one.'
      : 'Review. Not applicable.',
    c ? 'Remediation. Each revocation is verified against the next snapshot of its system: verified when the grant is gone, flagged when it is still present, pending until such a snapshot exists.' : 'Remediation. Not applicable.',
    `Analytics. ${data.analysisRun === null ? 'No analysis run is stored.' : `Findings come from analysis run #${data.analysisRun}.`} ${data.sodRun === null ? 'No segregation-of-duties run is stored.' : `SoD violations come from run #${data.sodRun}.`}`,
    'Integrity. Every change to the workspace is an event in a hash-chained audit trail; its head and a fresh verification are in section "Audit trail". The raw data is attached to this PDF, and the manifest lists the SHA-256 of every attachment and source file.',
  ];
  for (const step of steps) w.paragraph(step, { gap: 5 });
}
