import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { useOperation } from '../../hooks/useOperation';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { EmptyState } from '../EmptyState';
import { StatusBadge } from '../StatusBadge';

export interface RuleSetPanelProps {
  /** Called after rules were imported (the violations may want re-running). */
  onImported?: () => void;
}

/** The SoD rule set in the workspace, and its import from a CSV/XLSX rule file or the starter library. */
export function RuleSetPanel({ onImported }: RuleSetPanelProps) {
  const rules = useOperation('sod.rules', {});
  const [path, setPath] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importRules = async (input: { path: string } | { starter: true }): Promise<void> => {
    setBusy(true);
    const result = await call('sod.import', input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    const { value } = result;
    setMessage(`Imported ${value.rules} rules from ${value.source}${value.replaced.length > 0 ? ` (${value.replaced.length} replaced)` : ''}.${value.warnings.length > 0 ? ` ${value.warnings.join(' ')}` : ''}`);
    rules.reload();
    onImported?.();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void importRules({ path: path.trim() });
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="lg" component="form" aria-label="Import a rule set" onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label="Rule file" description="A .csv or .xlsx in the rule-file layout (docs/sod.md); rules with the same id are replaced." placeholder="/path/to/sod-rules.xlsx" value={path} onChange={(e) => setPath(e.currentTarget.value)} style={{ flex: 1 }} spellCheck={false} />
          <Button type="submit" loading={busy} disabled={path.trim() === ''}>
            Import rules
          </Button>
          <Button variant="default" onClick={() => void importRules({ starter: true })} disabled={busy}>
            Import the starter library
          </Button>
        </Group>
        <Stack mt="sm" gap="xs">
          <ApiErrorAlert error={error} title="The rules were not imported" />
          {message && (
            <Text size="sm" c="teal" role="status">
              {message}
            </Text>
          )}
        </Stack>
      </Paper>
      <ApiErrorAlert error={rules.error} title="The rule set could not be read" />
      {rules.data && rules.data.rules.length === 0 && <EmptyState title="No rules yet">Import a rule file, or start from the starter library.</EmptyState>}
      {rules.data && rules.data.rules.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="xs" striped aria-label="SoD rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Risk</Table.Th>
                <Table.Th>Sides</Table.Th>
                <Table.Th>Controls</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.rules.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.id}
                      {r.businessProcess ? ` · ${r.businessProcess}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.risk} />
                  </Table.Td>
                  <Table.Td>{r.sides.map((s) => s.label).join(' ↔ ')}</Table.Td>
                  <Table.Td>{r.controls.join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
