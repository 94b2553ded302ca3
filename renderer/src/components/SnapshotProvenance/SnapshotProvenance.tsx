import { Badge, Code, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatBytes, formatCount, formatDate } from '../../format';

type Snapshot = OperationOutput<'snapshots.list'>['snapshots'][number];

export interface SnapshotProvenanceProps {
  snapshot: Snapshot;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Where a snapshot came from: each source file's hash and size, who imported it and when, its counts and evidence. */
export function SnapshotProvenance({ snapshot: s }: SnapshotProvenanceProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={`Provenance of snapshot ${s.id}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Snapshot #{s.id} · {s.system}
        </Title>
        {!s.complete && (
          <Badge color="red" variant="light">
            Incomplete population
          </Badge>
        )}
      </Group>
      <DataList labelWidth="150px">
        <Row label="As of">{formatDate(s.asOf)}</Row>
        <Row label="Imported">
          {formatDate(s.importedAt, true)} by {s.importedBy}
        </Row>
        <Row label="Profile">{s.profile}</Row>
        <Row label="Rows">
          {formatCount(s.rowsRead)} read, {formatCount(s.rowsImported)} imported, {formatCount(s.rowsRejected)} rejected
        </Row>
      </DataList>
      <Stack gap="sm" mt="md">
        {s.sources.map((source, i) => (
          <Paper key={i} withBorder p="sm" bg="var(--mantine-color-default-hover)">
            <Text fw={600} size="sm">
              {source.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(source.sizeBytes)} · {source.profile}
              {source.encoding ? ` · ${source.encoding}` : ''}
            </Text>
            <Code block mt={4} fz="xs">
              SHA-256 {source.sha256}
            </Code>
            {source.search && (
              <Text size="xs" mt={4}>
                Searched {source.search.server} under {source.search.base} for {source.search.filter} ({formatCount(source.search.entries)} entries)
              </Text>
            )}
            {source.details && (
              <Text size="xs" mt={4} c="dimmed">
                {Object.entries(source.details)
                  .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
                  .join(' · ')}
              </Text>
            )}
          </Paper>
        ))}
        {s.evidence.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              Extraction evidence
            </Text>
            {s.evidence.map((e) => (
              <Text key={e.sha256} size="xs">
                {e.fileName} ({formatBytes(e.sizeBytes)}, SHA-256 {e.sha256.slice(0, 16)}…)
              </Text>
            ))}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
