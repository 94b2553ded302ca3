import { Alert, Anchor, Badge, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CampaignItemsTable } from '../components/CampaignItemsTable';
import { CampaignProgress } from '../components/CampaignProgress';
import { CloseCampaignModal } from '../components/CloseCampaignModal';
import { DraftLaunchPanel } from '../components/DraftLaunchPanel';
import { PageHeader } from '../components/PageHeader';
import { RemediationPanel } from '../components/RemediationPanel';
import { RemindersForm } from '../components/RemindersForm';
import { SectionPanel } from '../components/SectionPanel';
import { StatCard } from '../components/StatCard';
import { TableHeader } from '../components/TableHeader';
import { WorkbooksPanel } from '../components/WorkbooksPanel';
import { NO_RESPONSE_LABELS, STATE_COLORS, TYPE_LABELS, type CampaignStatusView } from '../campaign-words';
import { formatCount, formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';

export interface CampaignPageProps {
  campaignId: number;
  onNavigate: (...route: string[]) => void;
}

function Tally({ t }: { t: { pending: number; kept: number; revoked: number } }) {
  return (
    <>
      <Table.Td ta="right">{formatCount(t.pending)}</Table.Td>
      <Table.Td ta="right">{formatCount(t.kept)}</Table.Td>
      <Table.Td ta="right">{formatCount(t.revoked)}</Table.Td>
      <Table.Td>
        <CampaignProgress decided={t.kept + t.revoked} items={t.pending + t.kept + t.revoked} label="Decided" size="xs" />
      </Table.Td>
    </>
  );
}

function ProgressTab({ status, onReview }: { status: CampaignStatusView; onReview: (reviewer: string) => void }) {
  return (
    <Stack gap="lg">
      <SectionPanel title="By reviewer" subtitle="Most pending first; overdue once past the due date with items pending.">
        <ScrollArea.Autosize mah={440} type="auto">
          <Table verticalSpacing={4} highlightOnHover stickyHeader aria-label="Progress by reviewer">
            <TableHeader columns={['Reviewer', ['Pending', 'right'], ['Kept', 'right'], ['Revoked', 'right'], 'Progress']} />
            <Table.Tbody>
              {status.byReviewer.map((r) => (
                <Table.Tr key={r.reviewer} data-testid={`reviewer-${r.reviewer}`}>
                  <Table.Td>
                    {status.state === 'launched' && r.pending > 0 ? (
                      <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onReview(r.reviewer)} title={`Review as ${r.reviewer}`}>
                        {r.reviewer}
                      </Anchor>
                    ) : (
                      <Text size="sm">{r.reviewer}</Text>
                    )}
                    {r.overdue && (
                      <Badge ml={6} size="xs" color="red" variant="light">
                        Overdue
                      </Badge>
                    )}
                  </Table.Td>
                  <Tally t={r} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </SectionPanel>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SectionPanel title="By system">
          <Table verticalSpacing={4} aria-label="Progress by system">
            <TableHeader columns={['System', ['Pending', 'right'], ['Kept', 'right'], ['Revoked', 'right'], 'Progress']} />
            <Table.Tbody>
              {status.bySystem.map((s) => (
                <Table.Tr key={s.system}>
                  <Table.Td>{s.system}</Table.Td>
                  <Tally t={s} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionPanel>
        <SectionPanel title="Definition">
          <Text size="sm">
            {TYPE_LABELS[status.type] ?? status.type} · stages: {status.stages.join(' → ')} · fallback: {status.fallback ?? 'none'}
          </Text>
          <Text size="sm">
            Scope: {status.scope.systems.length ? status.scope.systems.join(', ') : 'every system'}
            {status.scope.entitlements.length ? `; entitlements ${status.scope.entitlements.join(', ')}` : ''}
            {status.scope.privilegedOnly ? '; privileged only' : ''}
            {status.scope.newAccessOnly ? '; new access only' : ''}
          </Text>
          <Text size="sm">
            Comment required for: {status.options.justify.length ? status.options.justify.join(', ') : 'nothing'} · at close: {NO_RESPONSE_LABELS[status.options.noResponse]}
          </Text>
          {status.populationSha256 && (
            <Text size="xs" c="dimmed" ff="monospace" mt={4}>
              population {status.populationSha256}
            </Text>
          )}
        </SectionPanel>
      </SimpleGrid>
    </Stack>
  );
}

/** `#/campaigns/ID`: a campaign's progress, items, workbooks and reminders, close and remediation; a draft's pre-launch check. */
export function CampaignPage({ campaignId, onNavigate }: CampaignPageProps) {
  const { data: status, error, reload } = useOperation('campaigns.status', { campaignId });
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<OperationOutput<'campaigns.close'> | null>(null);
  const [reviewer, setReviewer] = useState<string | null>(null);
  if (error) return <ApiErrorAlert error={error} title="The campaign could not be read" />;
  if (!status) return <Skeleton h={400} />;
  const review = (who: string): void => onNavigate('campaigns', String(campaignId), 'review', who);
  const owing = status.byReviewer.filter((r) => r.pending > 0).map((r) => r.reviewer);
  return (
    <>
      <PageHeader
        title={status.name}
        description={
          <>
            <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('campaigns')}>
              Campaigns
            </Anchor>{' '}
            / #{status.campaignId} · {TYPE_LABELS[status.type] ?? status.type} · due {formatDate(status.dueOn)}{' '}
            <Badge color={STATE_COLORS[status.state]} variant="light" ml={4}>
              {status.state}
            </Badge>
            {status.overdue && (
              <Badge color="red" variant="light" ml={4}>
                Overdue
              </Badge>
            )}
          </>
        }
        actions={
          status.state === 'launched' && (
            <>
              <Select aria-label="Reviewer to act as" placeholder="Review as…" data={owing} value={reviewer} onChange={(who) => (setReviewer(who), who && review(who))} searchable w={260} disabled={owing.length === 0} />
              <Button color="red" variant="light" onClick={() => setClosing(true)}>
                Close campaign
              </Button>
            </>
          )
        }
      />
      {status.state === 'draft' ? (
        <DraftLaunchPanel campaignId={campaignId} onLaunched={reload} />
      ) : (
        <Stack gap="lg">
          {closed && (
            <Alert color="teal" variant="light" title="Campaign closed" role="status">
              {formatCount(closed.defaultsApplied)} no-response defaults recorded, {formatCount(closed.undecided)} left undecided; {formatCount(closed.kept)} kept, {formatCount(closed.revocations)} revoked.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <StatCard label="Items" value={status.items} />
            <StatCard label="Decided" value={status.decided} />
            <StatCard label="Kept" value={status.kept} />
            <StatCard label="Revoked" value={status.revoked} />
            <StatCard label="Pending" value={status.pending} />
          </SimpleGrid>
          <Paper withBorder p="md">
            <CampaignProgress decided={status.decided} items={status.items} label="Campaign progress" size="md" />
          </Paper>
          <Tabs defaultValue="progress" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="progress">Progress</Tabs.Tab>
              <Tabs.Tab value="items">Items</Tabs.Tab>
              <Tabs.Tab value="workbooks">Workbooks & reminders</Tabs.Tab>
              <Tabs.Tab value="remediation">Remediation</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="progress" pt="md">
              <ProgressTab status={status} onReview={review} />
            </Tabs.Panel>
            <Tabs.Panel value="items" pt="md">
              <CampaignItemsTable status={status} onChanged={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="workbooks" pt="md">
              <Stack gap="lg">
                <WorkbooksPanel campaignId={campaignId} launched={status.state === 'launched'} onApplied={reload} />
                {status.state === 'launched' && <RemindersForm campaignId={campaignId} />}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="remediation" pt="md">
              <RemediationPanel campaignId={campaignId} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      <Group>
        <CloseCampaignModal
          status={status}
          opened={closing}
          onClose={() => setClosing(false)}
          onClosed={(result) => {
            setClosing(false);
            setClosed(result);
            reload();
          }}
        />
      </Group>
    </>
  );
}
