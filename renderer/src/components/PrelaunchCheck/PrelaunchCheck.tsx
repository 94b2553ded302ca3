import { Alert, Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatCount, formatDate } from '../../format';
import { SectionPanel } from '../SectionPanel';
import { StatCard } from '../StatCard';
import { TableHeader } from '../TableHeader';

export type LaunchPreview = OperationOutput<'campaigns.preview'>;

const SHOWN = 50;

/** What a launch would freeze, stated before it happens: counts, reviewers, unroutable items, stale snapshots, reconciliation. */
export function PrelaunchCheck({ preview }: { preview: LaunchPreview }) {
  const excluded = preview.reconciliation.reduce((n, r) => n + r.excluded, 0);
  return (
    <Stack gap="lg" data-testid="prelaunch-check">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label="Items to review" value={preview.items} />
        <StatCard label="Reviewers" value={preview.reviewers.length} />
        <StatCard label="Unroutable items" value={preview.unresolved.length} hint={preview.unresolved.length > 0 ? 'Launch is refused until each has a reviewer' : 'Every item has a reviewer'} />
        <StatCard label="Excluded by scope" value={excluded} />
      </SimpleGrid>
      {preview.unresolved.length > 0 && (
        <Alert color="red" variant="light" title={`${formatCount(preview.unresolved.length)} items have no reviewer`} role="alert" data-error-code="UNRESOLVED_REVIEWERS">
          <Text size="sm" mb="xs">
            No rule finds a reviewer for these items. Set the system's owner (below), add the person's manager in the HR roster, or create the campaign again with a fallback reviewer; then check again.
          </Text>
          <Table verticalSpacing={4} aria-label="Unroutable items">
            <TableHeader columns={['System', 'Account', 'Entitlement', 'Employee ID', 'Stage', 'Why']} />
            <Table.Tbody>
              {preview.unresolved.slice(0, SHOWN).map((u, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{u.system}</Table.Td>
                  <Table.Td>{u.account}</Table.Td>
                  <Table.Td>{u.entitlement}</Table.Td>
                  <Table.Td>{u.employeeId ?? '—'}</Table.Td>
                  <Table.Td>{u.stage}</Table.Td>
                  <Table.Td>{u.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.unresolved.length > SHOWN && <Text size="xs" mt={4}>…and {formatCount(preview.unresolved.length - SHOWN)} more ("attest campaign preview" lists them all).</Text>}
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="orange" variant="light" title="Warnings" data-testid="prelaunch-warnings">
          <List size="sm">
            {preview.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SectionPanel title="Reconciliation" subtitle="Per system: grants in the snapshot = items + excluded by scope.">
          <Table verticalSpacing={4} aria-label="Reconciliation">
            <TableHeader columns={['System', 'Snapshot', ['Grants', 'right'], ['Items', 'right'], ['Excluded', 'right']]} />
            <Table.Tbody>
              {preview.reconciliation.map((r) => (
                <Table.Tr key={r.system}>
                  <Table.Td>{r.system}</Table.Td>
                  <Table.Td>
                    #{r.snapshotId} · as of {formatDate(r.snapshotAsOf)}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(r.grants)}</Table.Td>
                  <Table.Td ta="right">{formatCount(r.items)}</Table.Td>
                  <Table.Td ta="right">{formatCount(r.excluded)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap={6} mt="xs">
            <Text size="xs" c="dimmed">
              Population SHA-256
            </Text>
            <Badge variant="outline" color="gray" tt="none" ff="monospace" title={preview.populationSha256}>
              {preview.populationSha256.slice(0, 16)}…
            </Badge>
          </Group>
        </SectionPanel>
        <SectionPanel title="Reviewers" subtitle="Who will owe decisions, and how many.">
          <Table verticalSpacing={4} aria-label="Reviewers and their items">
            <TableHeader columns={['Reviewer', ['Items', 'right']]} />
            <Table.Tbody>
              {preview.reviewers.slice(0, 12).map((r) => (
                <Table.Tr key={r.reviewer}>
                  <Table.Td>{r.reviewer}</Table.Td>
                  <Table.Td ta="right">{formatCount(r.items)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.reviewers.length > 12 && (
            <Text size="xs" c="dimmed" mt={4}>
              …and {formatCount(preview.reviewers.length - 12)} more reviewers.
            </Text>
          )}
        </SectionPanel>
      </SimpleGrid>
    </Stack>
  );
}
