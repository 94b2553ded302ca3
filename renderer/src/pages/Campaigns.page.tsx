import { Anchor, Badge, Button, Skeleton, Table, Text } from '@mantine/core';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CampaignProgress } from '../components/CampaignProgress';
import { CampaignWizard } from '../components/CampaignWizard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { TableHeader } from '../components/TableHeader';
import { STATE_COLORS, TYPE_LABELS } from '../campaign-words';
import { formatDate } from '../format';
import { useOperation } from '../hooks/useOperation';
import { CampaignPage } from './Campaign.page';
import { ReviewPage } from './Review.page';

export interface CampaignsPageProps {
  /** From the route: `new`, a campaign id, or an id with `review` and a reviewer. */
  route: string[];
  onNavigate: (...route: string[]) => void;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function CampaignList({ onNavigate }: { onNavigate: CampaignsPageProps['onNavigate'] }) {
  const { data, error } = useOperation('campaigns.list', {});
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Access certifications: who reviews what, by when, and how far they are."
        actions={<Button onClick={() => onNavigate('campaigns', 'new')}>New campaign</Button>}
      />
      <ApiErrorAlert error={error} title="The campaigns could not be read" />
      {!data ? (
        <Skeleton h={200} />
      ) : data.campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">Create one with New campaign: choose the type and scope, check who would review what, then launch.</EmptyState>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label="Campaigns">
          <TableHeader columns={['Campaign', 'Type', 'State', 'Due', 'Progress (decided / items)']} />
          <Table.Tbody>
            {[...data.campaigns].reverse().map((c) => (
              <Table.Tr key={c.id} data-testid={`campaign-row-${c.id}`}>
                <Table.Td>
                  <Anchor component="button" type="button" fw={500} onClick={() => onNavigate('campaigns', String(c.id))}>
                    {c.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    #{c.id} · created {formatDate(c.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{TYPE_LABELS[c.type] ?? c.type}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[c.state]} variant="light">
                    {c.state}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDate(c.dueOn)}
                  {c.state === 'launched' && c.dueOn !== null && c.dueOn < today() && c.decided < c.items && (
                    <Badge ml={6} color="red" variant="light" size="sm">
                      Overdue
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.state === 'draft' ? <Text size="sm" c="dimmed">not launched</Text> : <CampaignProgress decided={c.decided} items={c.items} label={`Progress of ${c.name}`} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** `#/campaigns`: the list, the creation wizard, a campaign, or its review screen. */
export function CampaignsPage({ route, onNavigate }: CampaignsPageProps) {
  const [first, second, reviewer, view] = route;
  if (first === 'new') {
    return (
      <>
        <PageHeader title="New campaign" description="Define it, check what a launch would freeze, then launch." />
        <CampaignWizard onLaunched={(id) => onNavigate('campaigns', String(id))} onCancel={() => onNavigate('campaigns')} />
      </>
    );
  }
  const id = Number(first);
  if (first !== undefined && Number.isInteger(id) && id > 0) {
    if (second === 'review') return <ReviewPage campaignId={id} reviewer={reviewer ?? null} view={view ?? null} onNavigate={onNavigate} />;
    return <CampaignPage campaignId={id} onNavigate={onNavigate} />;
  }
  return <CampaignList onNavigate={onNavigate} />;
}
