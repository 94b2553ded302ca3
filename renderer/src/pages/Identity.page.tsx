import { Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SectionPanel } from '../components/SectionPanel';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate, humanize } from '../format';
import { useOperation } from '../hooks/useOperation';

type Shown = OperationOutput<'identities.show'>;

export interface IdentityPageProps {
  employeeId: string;
  onNavigate: (...route: string[]) => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function AccountCard({ account }: { account: Shown['accounts'][number] }) {
  return (
    <Paper withBorder p="md" data-testid={`account-${account.system}-${account.accountKey}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{account.system}</Text>
          <Text size="sm" c="dimmed">
            {account.login} · matched by {account.matchedBy ? humanize(account.matchedBy) : '—'}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {account.privileged && (
            <Badge color="grape" variant="light">
              privileged
            </Badge>
          )}
          <StatusBadge status={account.status} />
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb={6}>
        {account.accountType} account · last login {formatDate(account.lastLogin)} · snapshot #{account.snapshotId} as of {formatDate(account.asOf)}
      </Text>
      {account.entitlements.length === 0 ? (
        <Text size="sm" c="dimmed">
          No entitlements.
        </Text>
      ) : (
        <Group gap={6}>
          {account.entitlements.map((e) => (
            <Badge key={`${e.name}\u0000${e.via ?? ''}`} variant={e.privileged ? 'filled' : 'light'} color={e.privileged ? 'grape' : 'gray'} tt="none" title={e.via ? `via ${e.via}` : e.type}>
              {e.via ? `${e.name} · via ${e.via}` : e.name}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** One person and all of their access across systems, with what the analysis and SoD runs found. */
export function IdentityPage({ employeeId, onNavigate }: IdentityPageProps) {
  const { data, error } = useOperation('identities.show', { employeeId });
  const person = data?.identity;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor href="#/identities">Identities & accounts</Anchor>
        <Text size="sm">{employeeId}</Text>
      </Breadcrumbs>
      <ApiErrorAlert error={error} title="This identity could not be shown" />
      {!data || !person ? (
        !error && <Skeleton h={300} />
      ) : (
        <Stack gap="lg">
          <PageHeader title={person.displayName ?? person.employeeId} description={[person.title, person.department].filter(Boolean).join(' · ') || undefined} actions={<StatusBadge status={person.status} />} />
          <Paper withBorder p="lg">
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Fact label="Employee ID">{person.employeeId}</Fact>
              <Fact label="E-mail">{person.email ?? '—'}</Fact>
              <Fact label="Manager">
                {person.managerEmployeeId ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('identities', person.managerEmployeeId!)}>
                    {person.managerEmployeeId}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Location">{person.location ?? '—'}</Fact>
              <Fact label="Hired">{formatDate(person.hireDate)}</Fact>
              <Fact label="Terminated">{formatDate(person.terminationDate)}</Fact>
              <Fact label="HR snapshot">
                {data.hrSnapshot.system} #{data.hrSnapshot.id}, {formatDate(data.hrSnapshot.asOf)}
              </Fact>
            </SimpleGrid>
          </Paper>
          <section aria-label="Accounts">
            <Title order={2} size="h4" mb="sm">
              Access across systems ({data.accounts.length} {data.accounts.length === 1 ? 'account' : 'accounts'})
            </Title>
            {data.accounts.length === 0 ? (
              <EmptyState title="No accounts">No account in any system's newest snapshot belongs to this person.</EmptyState>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                {data.accounts.map((a) => (
                  <AccountCard key={`${a.system}\u0000${a.accountKey}`} account={a} />
                ))}
              </SimpleGrid>
            )}
          </section>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <SectionPanel title="Findings">
              {data.findings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  The newest analysis found nothing about this person.
                </Text>
              ) : (
                <Table verticalSpacing={6}>
                  <Table.Tbody>
                    {data.findings.map((f, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Badge variant="light" color="orange" tt="none">
                            {humanize(f.type)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {f.system}: {f.account}
                        </Table.Td>
                        <Table.Td c="dimmed">{f.detail}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionPanel>
            <SectionPanel title="SoD violations">
              {data.violations.length === 0 ? (
                <Text size="sm" c="dimmed">
                  The newest SoD run found no conflict for this person.
                </Text>
              ) : (
                <Table verticalSpacing={6}>
                  <Table.Tbody>
                    {data.violations.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          <StatusBadge status={v.risk} />
                        </Table.Td>
                        <Table.Td>
                          <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('findings', 'sod', String(v.id))}>
                            {v.ruleName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={v.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionPanel>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
