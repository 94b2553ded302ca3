import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatBytes, formatCount, formatDate } from '../../format';

type ImportResult = OperationOutput<'import.run'>;

export interface ImportResultViewProps {
  result: ImportResult;
  onShowSnapshot: () => void;
  onAnother: () => void;
}

/** The landed snapshot: its counts, its provenance, and each rejected row with the reason. */
export function ImportResultView({ result, onShowSnapshot, onAnother }: ImportResultViewProps) {
  return (
    <Stack gap="md">
      <Alert color={result.rowsRejected > 0 ? 'orange' : 'teal'} title={`Snapshot #${result.snapshotId} of ${result.system} imported`} data-testid="import-result">
        {formatCount(result.rowsImported)} of {formatCount(result.rowsRead)} rows imported as of {formatDate(result.asOf)}
        {result.rowsRejected > 0 ? `; ${formatCount(result.rowsRejected)} rejected (listed below).` : '.'}
      </Alert>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {(
          [
            ['Identities', result.identities],
            ['Accounts', result.accounts],
            ['Entitlements', result.entitlements],
            ['Grants', result.grants],
          ] as const
        )
          .filter(([label, value]) => value > 0 || (label === 'Identities') === result.identities > 0)
          .map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fw={600} fz="lg">
              {formatCount(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-label="Provenance">
        <Title order={3} size="h5" mb="xs">
          Provenance
        </Title>
        {result.files.map((f) => (
          <div key={f.sha256}>
            <Text size="sm" fw={500}>
              {f.name} · {formatBytes(f.size)} · {f.profile}
            </Text>
            <Code block fz="xs">
              SHA-256 {f.sha256}
            </Code>
          </div>
        ))}
        {result.evidence.map((e) => (
          <Text key={e.sha256} size="xs" mt={4}>
            Evidence: {e.name} ({formatBytes(e.size)}), SHA-256 {e.sha256.slice(0, 16)}…
          </Text>
        ))}
      </Paper>
      {result.rejected.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Rejected rows">
          <Title order={3} size="h5" mb="xs">
            Rejected rows
          </Title>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Line</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rejected.slice(0, 200).map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{r.file}</Table.Td>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group>
        <Button onClick={onShowSnapshot}>Show the snapshot</Button>
        <Button variant="default" onClick={onAnother}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}
