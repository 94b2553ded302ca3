import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import type { ApiError } from '../../../../src/api/result';
import { call, callWithProgress, type Progress } from '../../api/client';
import { formatCount } from '../../format';
import { ActionForm } from '../ActionForm';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ProgressPanel } from '../ProgressPanel';
import { SectionPanel } from '../SectionPanel';
import { StatCard } from '../StatCard';
import { TableHeader } from '../TableHeader';

type Exported = OperationOutput<'campaigns.workbooks'>;
type Applied = OperationOutput<'campaigns.applyWorkbook'>;

const REFUSED: Record<string, string> = {
  WORKBOOK_TAMPERED: 'Tampered workbook refused: nothing was applied',
  WORKBOOK_WRONG_CAMPAIGN: "Another campaign's workbook: nothing was applied",
};

function ApplyResult({ result }: { result: Applied }) {
  return (
    <Stack gap="sm" data-testid="apply-result">
      <SimpleGrid cols={4}>
        <StatCard label="Applied" value={result.applied} hint={`from ${result.reviewer}`} />
        <StatCard label="Unchanged" value={result.unchanged} hint="already recorded as they stand" />
        <StatCard label="Blank" value={result.blank} hint="no decision yet" />
        <StatCard label="Rejected rows" value={result.rejected.length} />
      </SimpleGrid>
      {result.rejected.length > 0 && (
        <Alert color="red" variant="light" title={`${formatCount(result.rejected.length)} rows rejected: each is named with why`}>
          <Table verticalSpacing={4} aria-label="Rejected rows">
            <TableHeader columns={['Row', 'Item', 'Why']} />
            <Table.Tbody>
              {result.rejected.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.itemId ?? '—'}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  );
}

/** Reviewer workbooks: write one per reviewer into a folder (with progress), apply a returned one and see what was accepted and what was not, and why. */
export function WorkbooksPanel({ campaignId, launched, onApplied }: { campaignId: number; launched: boolean; onApplied: () => void }) {
  const [dir, setDir] = useState('');
  const [file, setFile] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [applyError, setApplyError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);

  const write = async (): Promise<void> => {
    setExportError(null);
    setExported(null);
    setProgress(null);
    setRunning(true);
    abort.current = new AbortController();
    const result = await callWithProgress('campaigns.workbooks', { campaignId, dir }, { onProgress: setProgress, signal: abort.current.signal });
    setRunning(false);
    if (result.ok) setExported(result.value);
    else setExportError(result.error);
  };
  const apply = async (): Promise<void> => {
    setApplyError(null);
    setApplied(null);
    const result = await call('campaigns.applyWorkbook', { campaignId, path: file });
    if (!result.ok) return setApplyError(result.error);
    setApplied(result.value);
    onApplied();
  };
  if (!launched) return <Text c="dimmed">Workbooks are written and applied while the campaign is launched.</Text>;
  return (
    <Stack gap="lg">
      <SectionPanel title="Write reviewer workbooks" subtitle="One .xlsx per reviewer with pending items; each row and the workbook are signed with the campaign's key.">
        <ActionForm label="Write reviewer workbooks" onSubmit={write}>
          <Group align="flex-end">
            <TextInput label="Folder" description="Where to write them (new files only)" placeholder="/home/me/review-workbooks" value={dir} onChange={(e) => setDir(e.currentTarget.value)} required w={420} spellCheck={false} />
            <Button type="submit" loading={running}>
              Write workbooks
            </Button>
          </Group>
        </ActionForm>
        {running && <ProgressPanel title="Writing reviewer workbooks" progress={progress} onCancel={() => abort.current?.abort()} />}
        <ApiErrorAlert error={exportError} title="No workbooks were written" />
        {exported && (
          <Table mt="md" verticalSpacing={4} aria-label="Written workbooks">
            <TableHeader columns={['Reviewer', ['Items', 'right'], 'File', 'SHA-256']} />
            <Table.Tbody>
              {exported.workbooks.map((w) => (
                <Table.Tr key={w.path}>
                  <Table.Td>{w.reviewer}</Table.Td>
                  <Table.Td ta="right">{formatCount(w.items)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" truncate maw={420} title={w.path}>
                      {w.path}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="gray" tt="none" ff="monospace" title={w.sha256}>
                      {w.sha256.slice(0, 12)}…
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionPanel>
      <SectionPanel title="Apply a returned workbook" subtitle="Rows added, removed, edited outside Decision and Comment, or from another workbook are rejected and named; a tampered workbook is refused whole.">
        <ActionForm label="Apply a returned workbook" onSubmit={apply}>
          <Group align="flex-end">
            <TextInput label="Workbook file" placeholder="/home/me/returned/p1@corp.example.xlsx" value={file} onChange={(e) => setFile(e.currentTarget.value)} required w={420} spellCheck={false} />
            <Button type="submit">Apply workbook</Button>
          </Group>
        </ActionForm>
        <Stack mt="md">
          <ApiErrorAlert error={applyError} title={applyError ? (REFUSED[applyError.code] ?? 'The workbook was not applied') : ''} />
          {applied && <ApplyResult result={applied} />}
        </Stack>
      </SectionPanel>
    </Stack>
  );
}
