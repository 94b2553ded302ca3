import { Badge, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { OUTCOME_COLORS, OUTCOME_LABELS, type CampaignItemView, type CampaignStatusView } from '../../campaign-words';
import { usePagedCall } from '../../hooks/usePagedCall';
import { ContextBadges } from '../ContextBadges';
import { ItemDrawer } from '../ItemDrawer';
import { SearchInput } from '../SearchInput';
import { VirtualTable, type VirtualColumn } from '../VirtualTable';

const COLUMNS: VirtualColumn<CampaignItemView>[] = [
  { key: 'id', label: 'Item', width: '70px', render: (r) => r.id },
  { key: 'person', label: 'Person', width: 'minmax(150px, 1.3fr)', render: (r) => <Text size="sm" truncate>{r.person?.name ?? r.account}</Text> },
  { key: 'system', label: 'System', width: 'minmax(90px, 0.8fr)', render: (r) => r.system },
  { key: 'entitlement', label: 'Entitlement', width: 'minmax(150px, 1.3fr)', render: (r) => <Text size="sm" truncate title={r.entitlement}>{r.entitlement}</Text> },
  { key: 'context', label: 'Context', width: 'minmax(160px, 1.5fr)', render: (r) => <ContextBadges item={r} size="xs" /> },
  { key: 'reviewer', label: 'Reviewer', width: 'minmax(160px, 1.3fr)', render: (r) => <Text size="sm" truncate>{r.reviewer}</Text> },
  { key: 'outcome', label: 'Outcome', width: '100px', render: (r) => <Badge color={OUTCOME_COLORS[r.outcome]} variant="light">{OUTCOME_LABELS[r.outcome]}</Badge> },
];

/** A campaign's items, windowed and paged in the core, filtered by reviewer, outcome, system and text; a row opens the item. */
export function CampaignItemsTable({ status, onChanged }: { status: CampaignStatusView; onChanged: () => void }) {
  const [reviewer, setReviewer] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [system, setSystem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<CampaignItemView | null>(null);
  const [generation, setGeneration] = useState(0);
  const { fetchPage, queryKey } = usePagedCall('campaigns.itemsPage', {
    campaignId: status.campaignId,
    reviewer: reviewer ?? undefined,
    outcome: (outcome ?? undefined) as 'pending' | 'keep' | 'revoke' | undefined,
    system: system ?? undefined,
    text: text || undefined,
  });
  return (
    <>
      <Group align="flex-end" mb="md">
        <Select label="Reviewer" placeholder="Any" data={status.byReviewer.map((r) => r.reviewer)} value={reviewer} onChange={setReviewer} searchable clearable w={260} />
        <Select label="Outcome" placeholder="Any" data={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} value={outcome} onChange={setOutcome} clearable w={150} />
        <Select label="System" placeholder="Any" data={status.bySystem.map((s) => s.system)} value={system} onChange={setSystem} clearable w={160} />
        <SearchInput label="Search" placeholder="Person, account, entitlement, employee ID" onSearch={setText} />
      </Group>
      <VirtualTable
        label="Campaign items"
        noun="items"
        columns={COLUMNS}
        fetchPage={fetchPage}
        queryKey={`${queryKey}#${generation}`}
        rowKey={(r) => String(r.id)}
        onRowClick={setOpen}
        height="calc(100vh - 420px)"
      />
      <ItemDrawer
        campaignId={status.campaignId}
        item={open}
        launched={status.state === 'launched'}
        onClose={() => setOpen(null)}
        onChanged={() => {
          setGeneration((g) => g + 1);
          onChanged();
        }}
      />
    </>
  );
}
