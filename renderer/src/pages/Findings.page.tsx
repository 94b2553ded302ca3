import { Anchor, Badge, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { RuleSetPanel } from '../components/RuleSetPanel';
import { RunAnalysisButton } from '../components/RunAnalysisButton';
import { SearchInput } from '../components/SearchInput';
import { StatusBadge } from '../components/StatusBadge';
import { ViolationDrawer } from '../components/ViolationDrawer';
import { VirtualTable, type VirtualColumn } from '../components/VirtualTable';
import { formatCount, formatDate, humanize } from '../format';
import { useOperation } from '../hooks/useOperation';
import { usePagedCall } from '../hooks/usePagedCall';

type FindingRow = OperationOutput<'findings.page'>['rows'][number];
type ViolationRow = OperationOutput<'sod.violations'>['rows'][number];

export interface FindingsPageProps {
  /** From the route: a finding type (`findings/leaver`), or `sod` with a violation id (`findings/sod/12`). */
  route: string[];
  onNavigate: (...route: string[]) => void;
}

/** `leaverLogin` (a count key) → `leaver-login` (the type). */
function typeOfKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function FindingsTab({ type, onNavigate }: { type: string | null; onNavigate: FindingsPageProps['onNavigate'] }) {
  const [system, setSystem] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const head = useOperation('findings.page', { limit: 1 });
  const { fetchPage, queryKey } = usePagedCall('findings.page', { type: type ?? undefined, system: system ?? undefined, search: search || undefined });
  const columns: VirtualColumn<FindingRow>[] = [
    { key: 'type', label: 'Finding', width: '170px', render: (r) => <Badge variant="light" color="orange" tt="none">{humanize(r.type)}</Badge> },
    { key: 'system', label: 'System', width: 'minmax(120px, 1fr)', render: (r) => r.system },
    { key: 'account', label: 'Account', width: 'minmax(160px, 1.5fr)', render: (r) => r.account },
    {
      key: 'identity',
      label: 'Identity',
      width: '120px',
      render: (r) =>
        r.identity ? (
          <Anchor component="button" type="button" size="sm" onClick={(e) => { e.stopPropagation(); onNavigate('identities', r.identity!); }}>
            {r.identity}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">none</Text>
        ),
    },
    { key: 'detail', label: 'Detail', width: 'minmax(240px, 3fr)', render: (r) => <Text size="sm" c="dimmed" truncate title={r.detail}>{r.detail}</Text> },
  ];
  const [generation, setGeneration] = useState(0);
  const analysed = (): void => {
    head.reload();
    setGeneration((g) => g + 1);
  };
  if (head.error?.code === 'UNKNOWN_RUN') {
    return (
      <Stack align="center" gap="md">
        <EmptyState title="No analysis yet">Run the analysis once the HR roster and systems are imported.</EmptyState>
        <RunAnalysisButton onDone={analysed} />
      </Stack>
    );
  }
  const types = head.data ? Object.entries(head.data.counts).map(([key, n]) => ({ value: typeOfKey(key), label: `${humanize(key)} (${formatCount(n)})`, disabled: n === 0 })) : [];
  return (
    <>
      <ApiErrorAlert error={head.error} title="The findings could not be read" />
      <Group align="flex-end" mb="md">
        <Select label="Finding type" placeholder="Any" data={types} value={type} onChange={(value) => onNavigate(...(value ? ['findings', value] : ['findings']))} clearable w={240} />
        <Select label="System" placeholder="Any" data={head.data?.systems ?? []} value={system} onChange={setSystem} clearable w={200} />
        <SearchInput label="Search" placeholder="Account, employee ID or detail" onSearch={setSearch} />
        <div style={{ marginLeft: 'auto' }}>
          <RunAnalysisButton onDone={analysed} />
        </div>
      </Group>
      <VirtualTable label="Findings" noun="findings" columns={columns} fetchPage={fetchPage} queryKey={`${queryKey}#${generation}`} rowKey={(r) => `${r.type}\u0000${r.system}\u0000${r.accountKey}`} height="calc(100vh - 340px)" />
      {head.data && (
        <Text size="xs" c="dimmed" mt={4}>
          Analysis run #{head.data.runId} as of {formatDate(head.data.asOf)}, by {head.data.createdBy}.
        </Text>
      )}
    </>
  );
}

const VIOLATION_COLUMNS: VirtualColumn<ViolationRow>[] = [
  { key: 'risk', label: 'Risk', width: '100px', render: (r) => <StatusBadge status={r.risk} /> },
  { key: 'rule', label: 'Rule', width: 'minmax(220px, 2fr)', render: (r) => <Text size="sm" fw={500} truncate title={r.ruleId}>{r.ruleName}</Text> },
  { key: 'owner', label: 'Who', width: 'minmax(180px, 1.5fr)', render: (r) => r.ownerName },
  { key: 'status', label: 'Status', width: '110px', render: (r) => <StatusBadge status={r.status} /> },
  { key: 'controls', label: 'Controls', width: 'minmax(120px, 1fr)', render: (r) => r.controls.join(', ') || '—' },
  { key: 'seen', label: 'First seen', width: '130px', render: (r) => formatDate(r.firstSeen) },
];

function ViolationsTab({ openId, onNavigate }: { openId: number | null; onNavigate: FindingsPageProps['onNavigate'] }) {
  const [risk, setRisk] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [generation, setGeneration] = useState(0);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const head = useOperation('sod.violations', { limit: 1 });
  const { fetchPage, queryKey } = usePagedCall('sod.violations', { risk: (risk ?? undefined) as 'high' | undefined, status: (status ?? undefined) as 'open' | undefined, search: search || undefined });
  const runSod = async (): Promise<void> => {
    setRunning(true);
    const result = await call('sod.run', {});
    setRunning(false);
    setRunError(result.ok ? null : result.error);
    setGeneration((g) => g + 1);
    head.reload();
  };
  return (
    <>
      <Group align="flex-end" mb="md" justify="space-between">
        <Group align="flex-end">
          <Select label="Risk" placeholder="Any" data={['critical', 'high', 'medium', 'low']} value={risk} onChange={setRisk} clearable w={150} />
          <Select label="Status" placeholder="Any" data={['open', 'mitigated', 'excepted']} value={status} onChange={setStatus} clearable w={150} />
          <SearchInput label="Search" placeholder="Rule or person" onSearch={setSearch} />
        </Group>
        <Button variant="default" loading={running} onClick={() => void runSod()}>
          Run SoD evaluation
        </Button>
      </Group>
      <ApiErrorAlert error={runError} title="The SoD evaluation did not run" />
      {head.data && !head.data.run ? (
        <EmptyState title="No SoD run yet">Import a rule set (Rule set tab), then run the evaluation.</EmptyState>
      ) : (
        <VirtualTable
          label="SoD violations"
          noun="violations"
          columns={VIOLATION_COLUMNS}
          fetchPage={fetchPage}
          queryKey={`${queryKey}#${generation}`}
          rowKey={(r) => String(r.id)}
          onRowClick={(r) => onNavigate('findings', 'sod', String(r.id))}
          height="calc(100vh - 340px)"
        />
      )}
      {head.data?.run && (
        <Text size="xs" c="dimmed" mt={4}>
          SoD run #{head.data.run.runId} as of {formatDate(head.data.run.asOf)}, by {head.data.run.runBy}.
        </Text>
      )}
      <ViolationDrawer violationId={openId} onClose={() => onNavigate('findings', 'sod')} onOpenIdentity={(id) => onNavigate('identities', id)} />
    </>
  );
}

/** What the analysis found, the SoD violations with their evidence, and the rule set. */
export function FindingsPage({ route, onNavigate }: FindingsPageProps) {
  const [first = null, second] = route;
  const tab = first === 'sod' ? 'sod' : first === 'rules' ? 'rules' : 'findings';
  const openId = first === 'sod' && second ? Number(second) : null;
  return (
    <>
      <PageHeader title="Findings & SoD" description="Risks from the newest analysis run and segregation-of-duties violations from the newest SoD run." />
      <Tabs value={tab} onChange={(value) => onNavigate('findings', ...(value === 'findings' ? [] : [value ?? '']))} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="findings">Findings</Tabs.Tab>
          <Tabs.Tab value="sod">SoD violations</Tabs.Tab>
          <Tabs.Tab value="rules">Rule set</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="findings">
          <FindingsTab type={tab === 'findings' ? first : null} onNavigate={onNavigate} />
        </Tabs.Panel>
        <Tabs.Panel value="sod">
          <ViolationsTab openId={openId} onNavigate={onNavigate} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RuleSetPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
