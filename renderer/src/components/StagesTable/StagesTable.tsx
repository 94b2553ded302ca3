import { Table, Text } from '@mantine/core';
import { OUTCOME_LABELS, RULE_LABELS, type CampaignItemView } from '../../campaign-words';
import { TableHeader } from '../TableHeader';

/** An item's stages: who reviews each (and whom it was routed to first, and why), by which rule, and the decision in force. */
export function StagesTable({ stages }: { stages: CampaignItemView['stages'] }) {
  return (
    <Table verticalSpacing={4} aria-label="Stages">
      <TableHeader columns={['Stage', 'Reviewer', 'Rule', 'Decision']} />
      <Table.Tbody>
        {stages.map((s) => (
          <Table.Tr key={s.stage}>
            <Table.Td>{s.stage}</Table.Td>
            <Table.Td>
              {s.reviewer}
              {s.routedTo !== s.reviewer && <Text size="xs" c="dimmed">reassigned from {s.routedTo}</Text>}
              {s.note && <Text size="xs" c="dimmed">{s.note}</Text>}
            </Table.Td>
            <Table.Td>{RULE_LABELS[s.rule] ?? s.rule}</Table.Td>
            <Table.Td>{s.decision ? OUTCOME_LABELS[s.decision] : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
