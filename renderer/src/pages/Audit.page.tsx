import { Alert, Button, Code, Drawer, Group, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError, Result } from '../../../src/api/result';
import { call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { VirtualTable, type VirtualColumn } from '../components/VirtualTable';
import { formatCount, formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';

type AuditEvent = OperationOutput<'audit.list'>['events'][number];
type Verification = OperationOutput<'audit.verify'>;

const COLUMNS: VirtualColumn<AuditEvent>[] = [
  { key: 'seq', label: '#', width: '70px', render: (e) => e.seq },
  { key: 'at', label: 'When', width: '190px', render: (e) => formatDate(e.at, true) },
  { key: 'actor', label: 'Who', width: 'minmax(100px, 1fr)', render: (e) => e.actor },
  { key: 'action', label: 'What', width: 'minmax(160px, 1.2fr)', render: (e) => <Code>{e.action}</Code> },
  { key: 'payload', label: 'Details', width: 'minmax(240px, 3fr)', render: (e) => <Text size="xs" c="dimmed" truncate>{JSON.stringify(e.payload)}</Text> },
];

/** The workspace's append-only, hash-chained audit trail, and a check of the chain. */
export function AuditPage() {
  const info = useOperation('workspace.info', {});
  const total = info.data?.auditEvents ?? null;
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<AuditEvent | null>(null);
  // Sequence numbers run 1, 2, 3… (the chain checks it), so row N of the list is the event after seq N.
  const fetchPage = useCallback(
    async (offset: number, limit: number): Promise<Result<{ total: number; rows: AuditEvent[] }>> => {
      const page = await call('audit.list', { afterSeq: offset, limit });
      return page.ok ? { ok: true, value: { total: total ?? 0, rows: page.value.events } } : page;
    },
    [total],
  );
  const verify = async (): Promise<void> => {
    const result = await call('audit.verify', {});
    setVerification(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  };
  return (
    <>
      <PageHeader title="Audit trail" description="Every change to the workspace, in order; each event's hash covers the one before it." actions={<Button onClick={() => void verify()}>Verify the chain</Button>} />
      <Stack gap="md">
        <ApiErrorAlert error={error ?? info.error} title="The audit trail could not be read" />
        {verification && (
          <Alert color={verification.ok ? 'teal' : 'red'} title={verification.ok ? 'The chain holds' : `The chain breaks at event #${verification.firstBadSeq}`} role="status" data-testid="audit-verification">
            {formatCount(verification.events)} events checked; head <Code>{verification.head}</Code>
          </Alert>
        )}
        {total !== null && (
          <VirtualTable label="Audit events" noun="events" columns={COLUMNS} fetchPage={fetchPage} queryKey={String(total)} rowKey={(e) => String(e.seq)} onRowClick={setShown} height="calc(100vh - 280px)" />
        )}
      </Stack>
      <Drawer opened={shown !== null} onClose={() => setShown(null)} position="right" size="lg" title={shown ? `Event #${shown.seq}: ${shown.action}` : ''}>
        {shown && (
          <Stack gap="sm">
            <Group gap="xs">
              <Text size="sm">{formatDate(shown.at, true)}</Text>
              <Text size="sm" c="dimmed">
                by {shown.actor}
              </Text>
            </Group>
            <Code block>{JSON.stringify(shown.payload, null, 2)}</Code>
            <Text size="xs" c="dimmed">
              Previous hash <Code>{shown.prevHash}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              Hash <Code>{shown.hash}</Code>
            </Text>
          </Stack>
        )}
      </Drawer>
    </>
  );
}
