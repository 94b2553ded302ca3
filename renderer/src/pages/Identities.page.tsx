import { Badge, Group, Select, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { StatusBadge } from '../components/StatusBadge';
import { VirtualTable, type VirtualColumn } from '../components/VirtualTable';
import { formatCount, formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';
import { usePagedCall } from '../hooks/usePagedCall';

type IdentityRow = OperationOutput<'identities.search'>['rows'][number];
type AccountRow = OperationOutput<'accounts.search'>['rows'][number];

export interface IdentitiesPageProps {
  onNavigate: (...route: string[]) => void;
}

const IDENTITY_COLUMNS: VirtualColumn<IdentityRow>[] = [
  { key: 'name', label: 'Name', width: 'minmax(180px, 2fr)', render: (r) => <Text size="sm" fw={500} truncate>{r.displayName ?? r.employeeId}</Text> },
  { key: 'id', label: 'Employee ID', width: '120px', render: (r) => r.employeeId },
  { key: 'email', label: 'E-mail', width: 'minmax(200px, 2fr)', render: (r) => r.email ?? '—' },
  { key: 'department', label: 'Department', width: 'minmax(120px, 1fr)', render: (r) => r.department ?? '—' },
  { key: 'title', label: 'Title', width: 'minmax(140px, 1.4fr)', render: (r) => r.title ?? '—' },
  { key: 'status', label: 'Status', width: '110px', render: (r) => <StatusBadge status={r.status} /> },
];

const ACCOUNT_COLUMNS: VirtualColumn<AccountRow>[] = [
  { key: 'login', label: 'Account', width: 'minmax(180px, 2fr)', render: (r) => <Text size="sm" fw={500} truncate>{r.login}</Text> },
  { key: 'system', label: 'System', width: 'minmax(120px, 1fr)', render: (r) => r.system },
  { key: 'name', label: 'Name', width: 'minmax(160px, 1.5fr)', render: (r) => r.displayName ?? r.email ?? '—' },
  { key: 'type', label: 'Type', width: '150px', render: (r) => (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{r.accountType}</Text>
      {r.privileged && <Badge size="xs" color="grape" variant="light">privileged</Badge>}
    </Group>
  ) },
  { key: 'grants', label: 'Grants', width: '80px', render: (r) => formatCount(r.grants) },
  { key: 'lastLogin', label: 'Last login', width: '130px', render: (r) => formatDate(r.lastLogin) },
  { key: 'status', label: 'Status', width: '100px', render: (r) => <StatusBadge status={r.status} /> },
];

function IdentitiesTab({ onNavigate }: IdentitiesPageProps) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const facets = useOperation('identities.search', { limit: 1, facets: true });
  const filters = { search: search || undefined, status: (status ?? undefined) as 'active' | undefined, department: department ?? undefined };
  const { fetchPage, queryKey } = usePagedCall('identities.search', filters);
  return (
    <>
      <Group align="flex-end" mb="md">
        <SearchInput label="Search" placeholder="Name, employee ID or e-mail" onSearch={setSearch} />
        <Select label="Status" placeholder="Any" data={['active', 'leave', 'terminated']} value={status} onChange={setStatus} clearable w={160} />
        <Select label="Department" placeholder="Any" data={facets.data?.departments ?? []} value={department} onChange={setDepartment} clearable searchable w={220} />
      </Group>
      <VirtualTable
        label="Identities"
        noun="identities"
        columns={IDENTITY_COLUMNS}
        fetchPage={fetchPage}
        queryKey={queryKey}
        rowKey={(r) => r.employeeId}
        onRowClick={(r) => onNavigate('identities', r.employeeId)}
      />
      {facets.data?.snapshot && (
        <Text size="xs" c="dimmed" mt={4}>
          From {facets.data.snapshot.system} snapshot #{facets.data.snapshot.id}, as of {formatDate(facets.data.snapshot.asOf)}.
        </Text>
      )}
    </>
  );
}

function AccountsTab() {
  const [search, setSearch] = useState('');
  const [system, setSystem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [privileged, setPrivileged] = useState<string | null>(null);
  const facets = useOperation('accounts.search', { limit: 1 });
  const filters = { search: search || undefined, system: system ?? undefined, status: (status ?? undefined) as 'enabled' | undefined, privileged: privileged === null ? undefined : privileged === 'yes' };
  const { fetchPage, queryKey } = usePagedCall('accounts.search', filters);
  return (
    <>
      <Group align="flex-end" mb="md">
        <SearchInput label="Search" placeholder="Login, name, e-mail or employee ID" onSearch={setSearch} />
        <Select label="System" placeholder="Any" data={facets.data?.systems ?? []} value={system} onChange={setSystem} clearable w={200} />
        <Select label="Status" placeholder="Any" data={['enabled', 'disabled']} value={status} onChange={setStatus} clearable w={150} />
        <Select label="Privileged" placeholder="Any" data={[{ value: 'yes', label: 'Privileged' }, { value: 'no', label: 'Not privileged' }]} value={privileged} onChange={setPrivileged} clearable w={170} />
      </Group>
      <VirtualTable label="Accounts" noun="accounts" columns={ACCOUNT_COLUMNS} fetchPage={fetchPage} queryKey={queryKey} rowKey={(r) => `${r.system}\u0000${r.accountKey}`} />
    </>
  );
}

/** People from the newest HR roster and accounts from each system's newest snapshot, searched on the host. */
export function IdentitiesPage({ onNavigate }: IdentitiesPageProps) {
  return (
    <>
      <PageHeader title="Identities & accounts" description="Search and filter; lists are read a page at a time, however large." />
      <Tabs defaultValue="identities" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="identities">Identities</Tabs.Tab>
          <Tabs.Tab value="accounts">Accounts</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identities">
          <IdentitiesTab onNavigate={onNavigate} />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <AccountsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
