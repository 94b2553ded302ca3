import { Badge, Box, Button, Code, Container, DataList, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { AttestMark } from '../components/AttestMark';

export type WorkspaceInfo = OperationOutput<'workspace.info'>;

export interface WorkspacePageProps {
  info: WorkspaceInfo;
  /** Locks the workspace: closes the file and forgets the key. */
  onLock: () => void;
  /** Set when locking failed. */
  error: ApiError | null;
}

type CountKey = 'identities' | 'accounts' | 'entitlements' | 'grants' | 'systems' | 'snapshots' | 'campaigns' | 'auditEvents';

const COUNTS: { key: CountKey; label: string }[] = [
  { key: 'identities', label: 'Identities' },
  { key: 'accounts', label: 'Accounts' },
  { key: 'entitlements', label: 'Entitlements' },
  { key: 'grants', label: 'Grants' },
  { key: 'systems', label: 'Systems' },
  { key: 'snapshots', label: 'Snapshots' },
  { key: 'campaigns', label: 'Campaigns' },
  { key: 'auditEvents', label: 'Audit events' },
];

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The unlocked workspace at a glance: what it holds and who is working in it. */
export function WorkspacePage({ info, onLock, error }: WorkspacePageProps) {
  return (
    <Box bg="gray.0" mih="100vh">
      <Container size="lg" py={48}>
        <Stack gap="xl">
          <Group justify="space-between" align="flex-start">
            <Group gap="sm" align="center">
              <AttestMark size={36} />
              <div>
                <Group gap="xs">
                  <Title order={1} size="h2">
                    {info.org || 'Workspace'}
                  </Title>
                  <Badge color="teal" variant="light">
                    Unlocked
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  <Code>{info.path}</Code>
                </Text>
              </div>
            </Group>
            <Button variant="default" onClick={onLock}>
              Lock
            </Button>
          </Group>
          <ApiErrorAlert error={error} title="The workspace was not locked" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="section" aria-label="What the workspace holds">
            {COUNTS.map(({ key, label }) => (
              <Paper key={key} withBorder p="md">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {label}
                </Text>
                <Text fz={28} fw={600} mt={4}>
                  {info[key].toLocaleString()}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="lg" component="section" aria-label="Workspace details">
            <DataList labelWidth="180px">
              <DataList.Item>
                <DataList.ItemLabel>Operator</DataList.ItemLabel>
                <DataList.ItemValue>{info.operator}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Created</DataList.ItemLabel>
                <DataList.ItemValue>{formatDate(info.createdAt)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Workspace ID</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Code>{info.workspaceId}</Code>
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Schema version</DataList.ItemLabel>
                <DataList.ItemValue>{info.schemaVersion}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Signing certificate</DataList.ItemLabel>
                <DataList.ItemValue>
                  {info.signer.fingerprintSha256 ? <Code>SHA-256 {info.signer.fingerprintSha256}</Code> : <Text c="dimmed" span inherit>Not created yet</Text>}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
