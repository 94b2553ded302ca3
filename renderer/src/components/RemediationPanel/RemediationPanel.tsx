import { Badge, Button, Group, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatDate } from '../../format';
import { useOperation } from '../../hooks/useOperation';
import { ActionForm } from '../ActionForm';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { EmptyState } from '../EmptyState';
import { StatCard } from '../StatCard';
import { TableHeader } from '../TableHeader';

const VERIFICATION: Record<string, { label: string; color: string }> = {
  'verified-removed': { label: 'Verified removed', color: 'teal' },
  'still-present': { label: 'Still present', color: 'red' },
  pending: { label: 'Awaiting a newer snapshot', color: 'gray' },
};
const SHOWN = 200;

/** The remediation list with its closed-loop verification (computed from newer snapshots each time it is read), and its export for IT. */
export function RemediationPanel({ campaignId }: { campaignId: number }) {
  const { data, error } = useOperation('campaigns.remediation', { campaignId });
  const [path, setPath] = useState('');
  const [written, setWritten] = useState<string | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const write = async (): Promise<void> => {
    setExportError(null);
    const result = await call('campaigns.remediation', { campaignId, path });
    if (result.ok) setWritten(result.value.path);
    else setExportError(result.error);
  };
  if (error) return <ApiErrorAlert error={error} title="The remediation list could not be read" />;
  if (!data) return <Skeleton h={200} />;
  return (
    <Stack gap="md">
      <SimpleGrid cols={3}>
        <StatCard label="Verified removed" value={data.counts.verified} hint="a newer snapshot lacks the grant" />
        <StatCard label="Still present" value={data.counts.stillPresent} hint="a newer snapshot still holds it" />
        <StatCard label="Awaiting verification" value={data.counts.pending} hint="import a newer snapshot of the system" />
      </SimpleGrid>
      {data.lines.length === 0 ? (
        <EmptyState title="Nothing to remediate">No access was revoked in this campaign.</EmptyState>
      ) : (
        <Table verticalSpacing={4} aria-label="Remediation list">
          <TableHeader columns={['Item', 'System', 'Account', 'Entitlement', 'Reviewer', 'Decided', 'Verification']} />
          <Table.Tbody>
            {data.lines.slice(0, SHOWN).map((l) => (
              <Table.Tr key={l.itemId}>
                <Table.Td>{l.itemId}</Table.Td>
                <Table.Td>{l.system}</Table.Td>
                <Table.Td>{l.account}</Table.Td>
                <Table.Td>{l.entitlement}</Table.Td>
                <Table.Td>{l.reviewer}</Table.Td>
                <Table.Td>{formatDate(l.decidedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={VERIFICATION[l.verification]?.color} variant="light" data-verification={l.verification}>
                    {VERIFICATION[l.verification]?.label}
                  </Badge>
                  {l.verifiedBy && <Text size="xs" c="dimmed">snapshot #{l.verifiedBy.snapshotId}, {formatDate(l.verifiedBy.asOf)}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data.lines.length > SHOWN && <Text size="xs" c="dimmed">The first {SHOWN} lines; the export holds them all.</Text>}
      <ActionForm label="Export the remediation list" onSubmit={write}>
        <Group align="flex-end">
          <TextInput label="Export to" description="A new .csv or .xlsx file, with Ticket Reference and Date Removed columns for IT" placeholder="/home/me/remediation.xlsx" value={path} onChange={(e) => setPath(e.currentTarget.value)} required w={420} spellCheck={false} />
          <Button type="submit" variant="default">
            Export
          </Button>
        </Group>
      </ActionForm>
      <ApiErrorAlert error={exportError} title="The remediation list was not written" />
      {written && <Text size="sm" c="teal" role="status">Written to {written}</Text>}
    </Stack>
  );
}
