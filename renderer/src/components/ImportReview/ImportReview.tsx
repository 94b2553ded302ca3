import { Badge, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatBytes, formatCount } from '../../format';

type ImportResult = OperationOutput<'import.run'>;
type FilePreview = OperationOutput<'import.preview'>;

export interface ImportReviewProps {
  /** The dry run: what the import would do, nothing saved. */
  dryRun: ImportResult;
  /** The file's first rows as written and the fields its profile reads; null while it loads or for non-table files. */
  preview: FilePreview | null;
  /** The column mapping being edited: field → header in the file. */
  mapping: Record<string, string>;
  onMappingChange: (mapping: Record<string, string>) => void;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A raw row keyed by its header cells, its line first. */
function rowByHeader(headers: readonly string[], row: { line: number; cells: readonly string[] }): Record<string, unknown> {
  const keyed: Record<string, unknown> = { line: row.line };
  headers.forEach((header, i) => {
    keyed[header] = row.cells[i] ?? '';
  });
  return keyed;
}

function PreviewTable({ title, rows }: { title: string; rows: Record<string, unknown>[] }) {
  const columns = Object.keys(rows[0] ?? {});
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <ScrollArea>
        <Table fz="xs" verticalSpacing={2} striped style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={i}>
                {columns.map((c) => (
                  <Table.Td key={c}>{cell(row[c])}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** The dry run laid out for a decision: detected format, column mapping (editable), first records, and the problems found. */
export function ImportReview({ dryRun, preview: file, mapping, onMappingChange }: ImportReviewProps) {
  const { preview } = dryRun;
  const headers = file?.header ?? null;
  const fields = file && file.fields.length > 0 ? file.fields : Object.keys(mapping).map((name) => ({ name, required: false }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {(
          [
            ['Rows read', dryRun.rowsRead],
            ['Would import', dryRun.rowsImported],
            ['Rejected', dryRun.rowsRejected],
            [dryRun.identities > 0 ? 'Identities' : 'Accounts', dryRun.identities > 0 ? dryRun.identities : dryRun.accounts],
            ['Grants', dryRun.grants],
          ] as const
        ).map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fw={600} fz="lg" c={label === 'Rejected' && value > 0 ? 'red' : undefined} data-testid={`dry-${label}`}>
              {formatCount(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {dryRun.files.map((file) => (
        <Paper key={file.sha256} withBorder p="md" component="section" aria-label={`Detected format of ${file.name}`}>
          <Group justify="space-between">
            <div>
              <Text fw={600}>{file.name}</Text>
              <Text size="xs" c="dimmed">
                {formatBytes(file.size)}
                {file.encoding ? ` · ${file.encoding}` : ''}
                {file.delimiter ? ` · delimiter ${JSON.stringify(file.delimiter)}` : ''}
                {file.sheet ? ` · sheet ${file.sheet}` : ''}
              </Text>
            </div>
            <Group gap={6}>
              <Text size="sm">Detected format</Text>
              <Badge size="lg" data-testid="detected-profile">
                {file.profile}
              </Badge>
              {file.candidates
                .filter((c) => c.name !== file.profile)
                .map((c) => (
                  <Badge key={c.name} variant="outline" color="gray" tt="none">
                    {c.name} {Math.round(c.score * 100)}%
                  </Badge>
                ))}
            </Group>
          </Group>
          {file.notes.map((note) => (
            <Text key={note} size="xs" c="orange" mt={4}>
              {note}
            </Text>
          ))}
        </Paper>
      ))}
      {fields.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Column mapping">
          <Title order={3} size="h5" mb={4}>
            Column mapping
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            Which column of the file each field is read from. Change one and check again; the mapping used is remembered for this system.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
            {fields.map(({ name, required }) =>
              headers ? (
                <Select
                  key={name}
                  label={name}
                  size="xs"
                  data={headers}
                  value={mapping[name] ?? null}
                  placeholder={required ? 'Required: choose a column' : 'Not in this file'}
                  onChange={(value) => onMappingChange(value ? { ...mapping, [name]: value } : Object.fromEntries(Object.entries(mapping).filter(([field]) => field !== name)))}
                  clearable={!required}
                  searchable
                  error={required && !mapping[name] ? 'required' : undefined}
                />
              ) : (
                <TextInput key={name} label={name} value={mapping[name] ?? ''} size="xs" onChange={(e) => onMappingChange({ ...mapping, [name]: e.currentTarget.value })} spellCheck={false} />
              ),
            )}
          </SimpleGrid>
        </Paper>
      )}
      {file && headers && file.rows.length > 0 && (
        <PreviewTable title="First rows of the file, as written" rows={file.rows.map((row) => rowByHeader(headers, row))} />
      )}
      {preview.identities.length > 0 && <PreviewTable title="First identities, as they would land" rows={preview.identities} />}
      {preview.accounts.length > 0 && <PreviewTable title="First accounts, as they would land" rows={preview.accounts} />}
      {preview.grants.length > 0 && <PreviewTable title="First grants, as they would land" rows={preview.grants} />}
      <Paper withBorder p="md" component="section" aria-label="Problems found">
        <Title order={3} size="h5" mb={4}>
          Problems found
        </Title>
        {dryRun.rejected.length === 0 && dryRun.notes.length === 0 ? (
          <Text size="sm" c="teal">
            None: every row would be imported.
          </Text>
        ) : (
          <Stack gap={4}>
            {dryRun.notes.map((note) => (
              <Text key={note} size="sm" c="orange">
                {note}
              </Text>
            ))}
            {dryRun.rejected.slice(0, 100).map((r, i) => (
              <Text key={i} size="sm" c="red">
                {r.file} line {r.line}: {r.reason}
              </Text>
            ))}
            {dryRun.rejected.length > 100 && (
              <Text size="xs" c="dimmed">
                and {formatCount(dryRun.rejected.length - 100)} more rejected rows.
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
