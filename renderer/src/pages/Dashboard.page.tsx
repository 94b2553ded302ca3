import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { OperationOutput } from '../../../src/api/contract';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CampaignsCard } from '../components/CampaignsCard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SectionPanel } from '../components/SectionPanel';
import { StatCard } from '../components/StatCard';
import { TableHeader } from '../components/TableHeader';
import { formatAge, formatCount, formatDate, humanize } from '../format';
import { useOperation } from '../hooks/useOperation';

type Summary = OperationOutput<'dashboard.summary'>;

export interface DashboardPageProps {
  onNavigate: (...route: string[]) => void;
}

const RISK_COLORS: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

function SystemsTable({ systems, staleDays, onNavigate }: { systems: Summary['systems']; staleDays: number; onNavigate: DashboardPageProps['onNavigate'] }) {
  return (
    <Table verticalSpacing={6} highlightOnHover aria-label="Systems and their newest snapshots">
      <TableHeader columns={['System', 'Newest snapshot', 'Age', ['Rows', 'right'], ['Snapshots', 'right']]} />
      <Table.Tbody>
        {systems.map((s) => (
          <Table.Tr key={s.system} data-testid={`system-${s.system}`}>
            <Table.Td>
              <Anchor component="button" type="button" fw={500} onClick={() => onNavigate('systems', s.system)}>
                {s.system}
              </Anchor>
              {s.latest?.content === 'identities' && (
                <Badge ml={8} size="xs" variant="outline" color="gray">
                  HR roster
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{s.latest ? `#${s.latest.id} · as of ${formatDate(s.latest.asOf)}` : '—'}</Table.Td>
            <Table.Td>
              <Group gap={6}>
                <Text size="sm">{formatAge(s.ageDays)}</Text>
                {s.stale && (
                  <Badge color="orange" variant="light" title={`Older than ${staleDays} days: import a fresh export before relying on it.`}>
                    Stale
                  </Badge>
                )}
                {s.latest && !s.latest.complete && (
                  <Badge color="red" variant="light">
                    Incomplete
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              {s.latest ? formatCount(s.latest.rowsImported) : '—'}
              {s.latest && s.latest.rowsRejected > 0 && (
                <Text span size="xs" c="red" ml={6}>
                  {formatCount(s.latest.rowsRejected)} rejected
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatCount(s.snapshots)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FindingsChart({ findings, onNavigate }: { findings: NonNullable<Summary['findings']>; onNavigate: DashboardPageProps['onNavigate'] }) {
  const data = Object.entries(findings.counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => ({ type: humanize(type), key: type, count }));
  if (data.length === 0) return <EmptyState title="No findings">The newest analysis found nothing to look at.</EmptyState>;
  return (
    <Stack gap="sm">
      <BarChart h={Math.max(160, data.length * 30)} data={data} dataKey="type" orientation="vertical" yAxisProps={{ width: 130 }} series={[{ name: 'count', label: 'Findings', color: 'indigo.6' }]} gridAxis="none" withTooltip={false} barProps={{ radius: 4 }} />
      <Group gap="xs">
        {data.map((d) => (
          <Badge key={d.key} variant="light" color="gray" component="button" style={{ cursor: 'pointer' }} onClick={() => onNavigate('findings', d.key)} data-testid={`finding-count-${d.key}`}>
            {d.type}: {formatCount(d.count)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function SodChart({ sod }: { sod: NonNullable<Summary['sod']> }) {
  const total = sod.byRisk.reduce((n, r) => n + r.open + r.mitigated + r.excepted, 0);
  if (total === 0) return <EmptyState title="No SoD violations">The newest SoD run found no toxic combination.</EmptyState>;
  const data = sod.byRisk.map((r) => ({ risk: humanize(r.risk), open: r.open, mitigated: r.mitigated, excepted: r.excepted }));
  return (
    <Stack gap="sm">
      <BarChart
        h={220}
        data={data}
        dataKey="risk"
        type="stacked"
        withLegend
        series={[
          { name: 'open', label: 'Open', color: 'red.6' },
          { name: 'mitigated', label: 'Mitigated', color: 'teal.6' },
          { name: 'excepted', label: 'Excepted', color: 'gray.5' },
        ]}
        barProps={{ radius: 2 }}
        withTooltip={false}
      />
      <Group gap="xs">
        {sod.byRisk.map((r) => (
          <Badge key={r.risk} color={RISK_COLORS[r.risk] ?? 'gray'} variant="light" data-testid={`sod-count-${r.risk}`}>
            {humanize(r.risk)}: {formatCount(r.open + r.mitigated + r.excepted)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** The workspace at a glance: what it holds, how fresh each system is, what the analysis and SoD runs found. */
export function DashboardPage({ onNavigate }: DashboardPageProps) {
  const { data, error } = useOperation('dashboard.summary', {});
  const campaigns = useOperation('campaigns.list', {});
  return (
    <>
      <PageHeader title="Dashboard" description="The current picture: each system's newest snapshot, the newest analysis and SoD runs." />
      <ApiErrorAlert error={error} title="The dashboard could not be read" />
      {!data ? (
        <Skeleton h={400} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <StatCard label="Identities" value={data.counts.identities} />
            <StatCard label="Accounts" value={data.counts.accounts} />
            <StatCard label="Entitlements" value={data.counts.entitlements} />
            <StatCard label="Grants" value={data.counts.grants} />
            <StatCard label="Systems" value={data.counts.systems} />
            <StatCard label="Snapshots" value={data.counts.snapshots} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <SectionPanel title="Findings by type" subtitle={data.findings ? `Analysis run #${data.findings.runId}, as of ${formatDate(data.findings.asOf)}` : undefined}>
              {data.findings ? <FindingsChart findings={data.findings} onNavigate={onNavigate} /> : <EmptyState title="No analysis yet">Run an analysis ("attest analyze") once the HR roster and systems are imported.</EmptyState>}
            </SectionPanel>
            <SectionPanel title="SoD violations by risk" subtitle={data.sod ? `SoD run #${data.sod.runId}, as of ${formatDate(data.sod.asOf)}` : undefined}>
              {data.sod ? <SodChart sod={data.sod} /> : <EmptyState title="No SoD run yet">Import a rule set (Findings & SoD) and run the evaluation ("attest sod run").</EmptyState>}
            </SectionPanel>
          </SimpleGrid>
          <SectionPanel title="Campaigns" subtitle="Launched campaigns: decided of all items.">
            {campaigns.data ? <CampaignsCard campaigns={campaigns.data.campaigns} onNavigate={onNavigate} /> : <ApiErrorAlert error={campaigns.error} title="The campaigns could not be read" />}
          </SectionPanel>
          <SectionPanel title="Systems" subtitle={`A snapshot older than ${data.staleDays} days is stale (Settings).`}>
            {data.systems.length === 0 ? (
              <EmptyState title="No systems yet">Import the HR roster and each system's export (Import).</EmptyState>
            ) : (
              <SystemsTable systems={data.systems} staleDays={data.staleDays} onNavigate={onNavigate} />
            )}
          </SectionPanel>
        </Stack>
      )}
    </>
  );
}
