import { Button, Group, Paper, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { OperationInput, OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call, callWithProgress, type Progress } from '../api/client';
import { droppedFilePath, type DroppedFile } from '../api/host';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FileDropZone } from '../components/FileDropZone';
import { ImportResultView } from '../components/ImportResultView';
import { ImportReview } from '../components/ImportReview';
import { PageHeader } from '../components/PageHeader';
import { ProgressPanel } from '../components/ProgressPanel';
import { DROPPED_BYTES_LIMIT } from '../dropped-file';
import { formatBytes } from '../format';
import { useOperation } from '../hooks/useOperation';

type ImportResult = OperationOutput<'import.run'>;
type FilePreview = OperationOutput<'import.preview'>;

export interface ImportPageProps {
  onNavigate: (...route: string[]) => void;
}

interface Source {
  path: string;
  system: string;
  profile: string | null;
  asOf: string;
  evidence: string;
}

const EMPTY: Source = { path: '', system: '', profile: null, asOf: '', evidence: '' };

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The import wizard: a file → the detected format, column mapping, first records and problems (a
 * dry run, nothing saved) → the import with progress and Cancel → the snapshot and its rejected rows.
 */
export function ImportPage({ onNavigate }: ImportPageProps) {
  const profiles = useOperation('profiles.list', {});
  const [step, setStep] = useState(0);
  const [source, setSource] = useState<Source>(EMPTY);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [filePreview, setFilePreview] = useState<FilePreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dropped, setDropped] = useState<DroppedFile | null>(null);
  /** The name of a dropped file being read (staged), before its check starts. */
  const [reading, setReading] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (dry: boolean, withMapping: Record<string, string> | undefined, from: Source = source): Promise<ImportResult | null> => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(dry ? `Checking ${fileName(from.path)}` : `Importing ${fileName(from.path)}`);
    setProgress(null);
    setError(null);
    const input: OperationInput<'import.run'> = {
      files: [{ path: from.path.trim() }],
      profile: from.profile ?? undefined,
      system: from.system.trim() || undefined,
      asOf: from.asOf.trim() || undefined,
      mapping: withMapping && Object.keys(withMapping).length > 0 ? withMapping : undefined,
      evidence: !dry && from.evidence.trim() ? [from.evidence.trim()] : undefined,
      dryRun: dry,
    };
    const outcome = await callWithProgress('import.run', input, { onProgress: setProgress, signal: controller.signal });
    setRunning(null);
    if (!outcome.ok) {
      setError(outcome.error);
      return null;
    }
    return outcome.value;
  };

  const check = async (withMapping?: Record<string, string>, from: Source = source): Promise<void> => {
    const checked = await run(true, withMapping, from);
    if (!checked) return;
    setDryRun(checked);
    setMapping(checked.files[0]?.columns ?? {});
    setStep(1);
    const preview = await call('import.preview', { path: from.path.trim(), profile: checked.files[0]?.profile, sheet: checked.files[0]?.sheet ?? undefined, rows: 8 });
    setFilePreview(preview.ok ? preview.value : null);
  };
  const commit = async (): Promise<void> => {
    setStep(2);
    const landed = await run(false, mapping);
    if (landed) {
      setResult(landed);
      setStep(3);
    } else setStep(1);
  };
  const restart = (): void => {
    setSource(EMPTY);
    setDropped(null);
    setDryRun(null);
    setResult(null);
    setError(null);
    setStep(0);
  };
  /** A file dropped (or chosen): its path, or in the browser a staged copy of it, then the check at once. */
  const takeFile = async (file: File): Promise<void> => {
    setError(null);
    setReading(file.name);
    const resolved = await droppedFilePath(file);
    setReading(null);
    if (!resolved.ok) return setError(resolved.error);
    const next = { ...source, path: resolved.value.path };
    setDropped(resolved.value);
    setSource(next);
    await check(undefined, next);
  };
  const submitSource = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void check();
  };
  const profileChoices = [{ value: '', label: 'Detect from the content' }, ...(profiles.data?.profiles ?? []).map((p) => ({ value: p.name, label: `${p.name}: ${p.description}` }))];

  return (
    <>
      <PageHeader title="Import" description="Each import becomes an immutable snapshot of one system, with the file's hash and every rejected row." />
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && !running && setStep(s)} mb="xl" size="sm">
        <Stepper.Step label="File" description="Which export" />
        <Stepper.Step label="Review" description="Format, mapping, problems" />
        <Stepper.Step label="Import" description="Progress" />
        <Stepper.Step label="Result" description="Snapshot and provenance" />
      </Stepper>
      <Stack gap="md" maw={1100}>
        {running && <ProgressPanel title={running} progress={progress} onCancel={() => abort.current?.abort()} />}
        <ApiErrorAlert error={error} title={step >= 1 ? 'The file was not imported' : 'The file could not be read'} />
        {step === 0 && (
          <Paper withBorder p="lg" component="form" aria-label="Choose the file" onSubmit={submitSource}>
            <Stack gap="md">
              <TextInput
                label="File"
                description="The path of the export on this computer (CSV, XLSX, JSON, LDIF or a .c1z sync file)."
                placeholder="/path/to/erp-grants.csv"
                value={source.path}
                onChange={(e) => {
                  setDropped(null);
                  setSource({ ...source, path: e.currentTarget.value });
                }}
                required
                spellCheck={false}
                data-autofocus
              />
              <FileDropZone
                testId="import-drop-zone"
                label="Drop an export to import it"
                title="Or drop the export here"
                hint={window.attest ? 'It is read where it is.' : `Up to ${formatBytes(DROPPED_BYTES_LIMIT)} in the browser: a larger file is imported by its path.`}
                pickerLabel="Export file to import"
                disabled={running !== null || reading !== null}
                onFile={(file) => void takeFile(file)}
              />
              {reading && (
                <Text size="sm" role="status">
                  Reading {reading}…
                </Text>
              )}
              {dropped && (
                <Text size="sm" c="dimmed" data-testid="dropped-file">
                  {dropped.staged
                    ? `Dropped ${dropped.name}: a private copy is kept for this import until the workspace locks.`
                    : `Dropped ${dropped.name}: read where it is.`}
                </Text>
              )}
              <Group grow align="flex-start">
                <TextInput label="System" description="Which system the file comes from (formats that name their system fill it in)." placeholder="Finance ERP" value={source.system} onChange={(e) => setSource({ ...source, system: e.currentTarget.value })} />
                <Select label="Format" description="Leave it to detection unless it guesses wrong." data={profileChoices} value={source.profile ?? ''} onChange={(value) => setSource({ ...source, profile: value || null })} allowDeselect={false} />
              </Group>
              <Group grow align="flex-start">
                <TextInput label="As of" description="The date the export was taken, if the file does not say." type="date" value={source.asOf} onChange={(e) => setSource({ ...source, asOf: e.currentTarget.value })} />
                <TextInput label="Extraction evidence" description="Optional: a screenshot or query file showing how the export was made." placeholder="/path/to/extraction-query.png" value={source.evidence} onChange={(e) => setSource({ ...source, evidence: e.currentTarget.value })} spellCheck={false} />
              </Group>
              <Group>
                <Button type="submit" disabled={source.path.trim() === '' || running !== null || reading !== null}>
                  Check the file
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {step === 1 && dryRun && (
          <>
            <ImportReview dryRun={dryRun} preview={filePreview} mapping={mapping} onMappingChange={setMapping} />
            <Group>
              <Button onClick={() => void commit()} disabled={running !== null}>
                Import {dryRun.rowsImported.toLocaleString()} rows
              </Button>
              <Button variant="default" onClick={() => void check(mapping)} disabled={running !== null}>
                Check again with this mapping
              </Button>
              <Button variant="subtle" onClick={() => setStep(0)} disabled={running !== null}>
                Back
              </Button>
            </Group>
          </>
        )}
        {step === 3 && result && <ImportResultView result={result} onShowSnapshot={() => onNavigate('systems', result.system)} onAnother={restart} />}
      </Stack>
    </>
  );
}
