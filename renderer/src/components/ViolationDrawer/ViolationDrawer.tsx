import { Anchor, Badge, Button, Divider, Drawer, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatDate } from '../../format';
import { useOperation } from '../../hooks/useOperation';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { StatusBadge } from '../StatusBadge';

export interface ViolationDrawerProps {
  /** The stored violation to show; null closes the drawer. */
  violationId: number | null;
  onClose: () => void;
  /** Opens the identity the violation belongs to. */
  onOpenIdentity: (employeeId: string) => void;
}

type Owner = { identity: string } | { account: string };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function MitigateForm({ rule, owner, onDone }: { rule: string; owner: Owner; onDone: (message: string) => void }) {
  const [control, setControl] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const result = await call('sod.mitigate', { rule, control: control.trim(), description: description.trim() || undefined, ...owner });
    if (!result.ok) return setError(result.error);
    setError(null);
    setControl('');
    setDescription('');
    onDone(`Control ${result.value.control} attached to this violation. It counts from the next SoD run.`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Attach a mitigating control">
      <Stack gap="xs">
        <TextInput label="Control ID" placeholder="C-FIN-07" value={control} onChange={(e) => setControl(e.currentTarget.value)} required />
        <TextInput label="Description" placeholder="Monthly review of vendor changes" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <ApiErrorAlert error={error} title="The control was not attached" />
        <Button type="submit" variant="light" disabled={control.trim() === ''}>
          Attach control
        </Button>
      </Stack>
    </form>
  );
}

function ExceptForm({ rule, owner, onDone }: { rule: string; owner: Owner; onDone: (message: string) => void }) {
  const [approver, setApprover] = useState('');
  const [justification, setJustification] = useState('');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const result = await call('sod.except', { rule, approver: approver.trim(), justification: justification.trim(), from, to, ...owner });
    if (!result.ok) return setError(result.error);
    setError(null);
    onDone(`Exception #${result.value.exceptionId} granted from ${result.value.from} to ${result.value.to}. It counts from the next SoD run.`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Grant a time-boxed exception">
      <Stack gap="xs">
        <TextInput label="Approver" value={approver} onChange={(e) => setApprover(e.currentTarget.value)} required />
        <Textarea label="Justification" value={justification} onChange={(e) => setJustification(e.currentTarget.value)} required autosize minRows={2} />
        <Group grow>
          <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
          <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
        </Group>
        <ApiErrorAlert error={error} title="The exception was not granted" />
        <Button type="submit" variant="light" disabled={!approver.trim() || !justification.trim() || !to}>
          Grant exception
        </Button>
      </Stack>
    </form>
  );
}

/** One SoD violation: who, which rule, the grants on each side, its controls and exception, and forms to add them. */
export function ViolationDrawer({ violationId, onClose, onOpenIdentity }: ViolationDrawerProps) {
  const { data, error } = useOperation('sod.violation', { id: violationId ?? 1 }, violationId !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = data && data.id === violationId ? data : null;
  const sides = shown ? [...new Set(shown.grants.map((g) => g.side))] : [];
  const owner: Owner | null = shown ? (shown.identity ? { identity: shown.identity } : { account: shown.ownerName }) : null;
  return (
    <Drawer opened={violationId !== null} onClose={() => { setNotice(null); onClose(); }} position="right" size="xl" title={<Text fw={600}>SoD violation</Text>}>
      <ApiErrorAlert error={error} title="The violation could not be read" />
      {!shown || !owner ? (
        !error && <Skeleton h={300} />
      ) : (
        <Stack gap="md">
          <div>
            <Group gap="xs">
              <StatusBadge status={shown.risk} />
              <StatusBadge status={shown.status} />
            </Group>
            <Title order={3} mt="xs">
              {shown.ruleName}
            </Title>
            <Text size="sm" c="dimmed">
              Rule {shown.ruleId} ·{' '}
              {shown.identity ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpenIdentity(shown.identity!)} data-testid="violation-owner">
                  {shown.ownerName}
                </Anchor>
              ) : (
                shown.ownerName
              )}{' '}
              · seen {formatDate(shown.firstSeen)} to {formatDate(shown.lastSeen)} · SoD run #{shown.runId}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: Math.min(2, Math.max(1, sides.length)) }}>
            {sides.map((side) => (
              <Paper key={side} withBorder p="sm" component="section" aria-label={`Side ${side}`}>
                <Text fw={600} size="sm" mb={4}>
                  {side}
                </Text>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {shown.grants
                      .filter((g) => g.side === side)
                      .map((g, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{g.system}</Table.Td>
                          <Table.Td>{g.account}</Table.Td>
                          <Table.Td>{g.entitlement ?? <Badge variant="light">{g.finding}</Badge>}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm">
              Mitigating controls
            </Text>
            {shown.controlDetails.length === 0 ? (
              <Text size="sm" c="dimmed">
                None attached.
              </Text>
            ) : (
              shown.controlDetails.map((c) => (
                <Text size="sm" key={c.id}>
                  <b>{c.id}</b> — {c.description}
                </Text>
              ))
            )}
            <Text fw={600} size="sm" mt="sm">
              Exception
            </Text>
            {shown.exception ? (
              <Text size="sm">
                #{shown.exception.id}, {shown.exception.from} to {shown.exception.to}, approved by {shown.exception.approver}: {shown.exception.justification}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                None in force on this run's date.
              </Text>
            )}
          </Paper>
          {notice && (
            <Text size="sm" c="teal" role="status">
              {notice}
            </Text>
          )}
          <Divider label="Record a decision" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MitigateForm rule={shown.ruleId} owner={owner} onDone={setNotice} />
            <ExceptForm rule={shown.ruleId} owner={owner} onDone={setNotice} />
          </SimpleGrid>
        </Stack>
      )}
    </Drawer>
  );
}
