import { Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatCount, formatDate, humanize } from '../../format';

type Diff = OperationOutput<'snapshots.diff'>;

export interface SnapshotDiffViewProps {
  diff: Diff;
}

/** Lists can be long (a re-org moves thousands); the screen shows the first rows and says how many more. */
const SHOWN = 50;

function ChangeList<T>({ title, items, color, render }: { title: string; items: T[]; color: string; render: (item: T) => ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Group gap="xs" mb={4}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Badge color={color} variant="light">
          {formatCount(items.length)}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="xs" c="dimmed">
          None.
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {items.slice(0, SHOWN).map((item, i) => (
              <Table.Tr key={i}>
                <Table.Td>{render(item)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.length > SHOWN && (
        <Text size="xs" c="dimmed" mt={4}>
          and {formatCount(items.length - SHOWN)} more (the CLI's "attest diff --json" lists them all).
        </Text>
      )}
    </Paper>
  );
}

/** What changed between two snapshots of one system. */
export function SnapshotDiffView({ diff }: SnapshotDiffViewProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label="Snapshot diff">
      <Title order={2} size="h4">
        {diff.system}: #{diff.from.id} ({formatDate(diff.from.asOf)}) → #{diff.to.id} ({formatDate(diff.to.asOf)})
      </Title>
      <Group gap="xs" my="sm">
        {Object.entries(diff.counts).map(([k, n]) => (
          <Badge key={k} variant="outline" color={n > 0 ? 'indigo' : 'gray'} tt="none" data-testid={`diff-count-${k}`}>
            {humanize(k)}: {formatCount(n)}
          </Badge>
        ))}
      </Group>
      {diff.identities ? (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ChangeList title="Joiners" color="teal" items={diff.identities.joiners} render={(j) => `${j.displayName ?? j.employeeId} (${j.employeeId})${j.department ? `, ${j.department}` : ''}`} />
          <ChangeList title="Leavers" color="red" items={diff.identities.leavers} render={(l) => `${l.displayName ?? l.employeeId} (${l.employeeId}), ${l.reason}${l.terminationDate ? ` ${l.terminationDate}` : ''}`} />
          <ChangeList title="Movers" color="yellow" items={diff.identities.movers} render={(m) => `${m.displayName ?? m.employeeId}: ${m.changes.map((c) => `${c.field} ${String(c.from)} → ${String(c.to)}`).join('; ')}`} />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChangeList title="Grants added" color="teal" items={diff.added} render={(g) => `${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`} />
          <ChangeList title="Grants removed" color="red" items={diff.removed} render={(g) => `${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`} />
          <ChangeList title="Accounts added" color="teal" items={diff.accounts?.added ?? []} render={(a) => `${a.login}${a.privileged ? ' (privileged)' : ''}, ${a.status}`} />
          <ChangeList title="Accounts removed" color="red" items={diff.accounts?.removed ?? []} render={(a) => `${a.login}, ${a.status}`} />
          <ChangeList title="Accounts changed" color="yellow" items={diff.accounts?.changed ?? []} render={(a) => `${a.login}: ${a.changes.map((c) => `${c.field} ${String(c.from)} → ${String(c.to)}`).join('; ')}`} />
          <ChangeList title="Entitlements added or removed" color="gray" items={[...(diff.entitlements?.added ?? []).map((e) => `+ ${e.name}`), ...(diff.entitlements?.removed ?? []).map((e) => `− ${e.name}`)]} render={(t) => t} />
        </SimpleGrid>
      )}
    </Paper>
  );
}
