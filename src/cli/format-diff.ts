import type { OperationOutput } from '../api/contract.js';
import { firstLines, formatRows } from './format.js';

type Diff = OperationOutput<'snapshots.diff'>;
type Change = { field: string; from: string | boolean | null; to: string | boolean | null };

const shown = (value: string | boolean | null): string => (value === null ? '—' : String(value));
const changes = (list: readonly Change[]): string => list.map((c) => `${c.field} ${shown(c.from)} → ${shown(c.to)}`).join('; ');

/** `attest diff` for people: what was compared, the counts, then the first lines of each list. */
export function formatSnapshotDiff(out: Diff): string {
  const header = `${out.system}: snapshot #${out.from.id} (as of ${out.from.asOf}) → #${out.to.id} (as of ${out.to.asOf})`;
  const counts = formatRows(Object.entries(out.counts).map(([name, n]) => [name.replace(/([A-Z])/g, ' $1').toLowerCase(), n]));
  const lists = out.identities
    ? [
        ...firstLines('Joiners', out.identities.joiners, (j) => `${j.employeeId}  ${j.displayName ?? ''}  ${j.department ?? ''}  ${j.title ?? ''}`),
        ...firstLines('Leavers', out.identities.leavers, (l) => `${l.employeeId}  ${l.displayName ?? ''}  ${l.reason === 'gone' ? 'no longer in the roster' : `terminated${l.terminationDate ? ` ${l.terminationDate}` : ''}`}`),
        ...firstLines('Movers', out.identities.movers, (m) => `${m.employeeId}  ${m.displayName ?? ''}  ${changes(m.changes)}`),
      ]
    : [
        ...firstLines('Grants added', out.added, (g) => `${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`),
        ...firstLines('Grants removed', out.removed, (g) => `${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`),
        ...firstLines('Accounts added', out.accounts?.added ?? [], (a) => `${a.account}  ${a.status}${a.privileged ? '  privileged' : ''}`),
        ...firstLines('Accounts removed', out.accounts?.removed ?? [], (a) => `${a.account}  ${a.status}${a.privileged ? '  privileged' : ''}`),
        ...firstLines('Accounts changed', out.accounts?.changed ?? [], (a) => `${a.account}  ${changes(a.changes)}`),
        ...firstLines('Entitlements added', out.entitlements?.added ?? [], (e) => `${e.entitlement}${e.privileged ? '  privileged' : ''}`),
        ...firstLines('Entitlements removed', out.entitlements?.removed ?? [], (e) => `${e.entitlement}${e.privileged ? '  privileged' : ''}`),
      ];
  return [header, counts, ...(lists.length === 0 ? ['No differences.'] : lists)].join('\n');
}
