import { Button, Grid, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SnapshotDiffView } from '../components/SnapshotDiffView';
import { SnapshotProvenance } from '../components/SnapshotProvenance';
import { TableHeader } from '../components/TableHeader';
import { formatCount, formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';

type Diff = OperationOutput<'snapshots.diff'>;

export interface SystemsPageProps {
  /** The system named in the route, or null for the first. */
  system: string | null;
  onNavigate: (...route: string[]) => void;
}

/** Each system's snapshots with their provenance, and what changed between two of them. */
export function SystemsPage({ system, onNavigate }: SystemsPageProps) {
  const { data, error } = useOperation('snapshots.list', {});
  const systems = [...new Set((data?.snapshots ?? []).map((s) => s.system))].sort((a, b) => a.localeCompare(b));
  const current = system ?? systems[0] ?? null;
  const snapshots = (data?.snapshots ?? []).filter((s) => s.system === current);
  const [selected, setSelected] = useState<number | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffError, setDiffError] = useState<ApiError | null>(null);
  useEffect(() => {
    setSelected(snapshots[0]?.id ?? null);
    setTo(snapshots[0] ? String(snapshots[0].id) : null);
    setFrom(snapshots[1] ? String(snapshots[1].id) : null);
    setDiff(null);
    setDiffError(null);
  }, [current, data]);
  const shown = snapshots.find((s) => s.id === selected) ?? null;
  const compare = async (): Promise<void> => {
    if (!current) return;
    const result = await call('snapshots.diff', { system: current, from: from ? Number(from) : undefined, to: to ? Number(to) : undefined });
    setDiff(result.ok ? result.value : null);
    setDiffError(result.ok ? null : result.error);
  };
  const options = snapshots.map((s) => ({ value: String(s.id), label: `#${s.id} · as of ${formatDate(s.asOf)}` }));

  return (
    <>
      <PageHeader
        title="Systems & snapshots"
        description="Every import is an immutable snapshot with its provenance."
        actions={<Select aria-label="System" data={systems} value={current} onChange={(value) => value && onNavigate('systems', value)} w={240} allowDeselect={false} />}
      />
      <ApiErrorAlert error={error} title="The snapshots could not be read" />
      {!data ? (
        !error && <Skeleton h={300} />
      ) : systems.length === 0 ? (
        <EmptyState title="No snapshots yet">Import the HR roster and each system's export (Import).</EmptyState>
      ) : (
        <Stack gap="lg">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Paper withBorder component="section" aria-label={`Snapshots of ${current}`}>
                <Table highlightOnHover verticalSpacing="xs">
                  <TableHeader columns={['Snapshot', 'As of', 'File', ['Imported', 'right'], ['Rejected', 'right']]} />
                  <Table.Tbody>
                    {snapshots.map((s) => (
                      <Table.Tr
                        key={s.id}
                        onClick={() => setSelected(s.id)}
                        style={{ cursor: 'pointer' }}
                        bg={s.id === selected ? 'var(--mantine-primary-color-light)' : undefined}
                        tabIndex={0}
                        onKeyDown={(event) => event.key === 'Enter' && setSelected(s.id)}
                        aria-selected={s.id === selected}
                      >
                        <Table.Td>#{s.id}</Table.Td>
                        <Table.Td>{formatDate(s.asOf)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" truncate maw={220}>
                            {s.fileName}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{formatCount(s.rowsImported)}</Table.Td>
                        <Table.Td ta="right" c={s.rowsRejected > 0 ? 'red' : undefined}>
                          {formatCount(s.rowsRejected)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="lg" mt="lg" component="section" aria-label="Compare two snapshots">
                <Title order={2} size="h4" mb="sm">
                  Compare two snapshots
                </Title>
                {snapshots.length < 2 ? (
                  <Text size="sm" c="dimmed">
                    {current} has one snapshot. Import a newer export to see what changed.
                  </Text>
                ) : (
                  <Group align="flex-end">
                    <Select label="From" data={options} value={from} onChange={setFrom} w={220} allowDeselect={false} />
                    <Select label="To" data={options} value={to} onChange={setTo} w={220} allowDeselect={false} />
                    <Button onClick={() => void compare()}>Compare</Button>
                  </Group>
                )}
                <ApiErrorAlert error={diffError} title="The snapshots could not be compared" />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>{shown && <SnapshotProvenance snapshot={shown} />}</Grid.Col>
          </Grid>
          {diff && <SnapshotDiffView diff={diff} />}
        </Stack>
      )}
    </>
  );
}
