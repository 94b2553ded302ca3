import { Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import type { OperationInput, OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { callWithProgress, type Progress } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { EmptyState } from '../components/EmptyState';
import { GeneratePackForm } from '../components/GeneratePackForm';
import { PackResultView } from '../components/PackResultView';
import { PageHeader } from '../components/PageHeader';
import { ProgressPanel } from '../components/ProgressPanel';
import { SectionPanel } from '../components/SectionPanel';
import { VerifyPackPanel } from '../components/VerifyPackPanel';
import { useOperation } from '../hooks/useOperation';

export interface EvidencePageProps {
  /** The workspace file's path: new packs are suggested beside it. */
  workspacePath: string;
}

/** What each phase of evidence.generate counts, in words. */
const PHASES: Record<string, string> = {
  audit: 'Checking the audit trail (events)',
  reading: 'Reading the campaign',
  attachments: 'Writing the attached data (rows)',
  layout: 'Laying out the pages (rows)',
  pages: 'Drawing the pages',
  signing: 'Signing (bytes)',
};

/** Evidence packs: generate a campaign's signed pack with progress and Cancel; verify any pack. */
export function EvidencePage({ workspacePath }: EvidencePageProps) {
  const campaigns = useOperation('campaigns.list', {});
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pack, setPack] = useState<OperationOutput<'evidence.generate'> | null>(null);
  const abort = useRef<AbortController | null>(null);
  const ready = (campaigns.data?.campaigns ?? []).filter((c) => c.state !== 'draft');
  const folder = workspacePath.replace(/[^/\\]*$/, '');

  const generate = async (input: OperationInput<'evidence.generate'>): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(`Generating ${input.out.split(/[\\/]/).pop() ?? input.out}`);
    setProgress(null);
    setError(null);
    setPack(null);
    const outcome = await callWithProgress('evidence.generate', input, { onProgress: (p) => setProgress({ ...p, phase: PHASES[p.phase] ?? p.phase }), signal: controller.signal });
    setRunning(null);
    if (outcome.ok) setPack(outcome.value);
    else setError(outcome.error);
  };

  return (
    <>
      <PageHeader title="Evidence" description="A signed PDF an auditor can file and verify, with the decisions, population, findings and audit log attached inside it." />
      <Stack gap="lg" maw={1100}>
        <SectionPanel title="Generate a pack">
          {campaigns.data && ready.length === 0 ? (
            <EmptyState title="No launched campaign yet">A pack evidences a campaign: launch one first (Campaigns), then come back.</EmptyState>
          ) : (
            campaigns.data && <GeneratePackForm campaigns={ready} folder={folder} busy={running !== null} onGenerate={(input) => void generate(input)} />
          )}
          <ApiErrorAlert error={campaigns.error} title="The campaigns could not be listed" />
        </SectionPanel>
        {running && <ProgressPanel title={running} progress={progress} onCancel={() => abort.current?.abort()} />}
        <ApiErrorAlert error={error} title={error?.code === 'CANCELLED' ? 'Cancelled: no file was written' : 'The pack was not generated'} />
        {pack && <PackResultView pack={pack} />}
        <SectionPanel title="Verify a pack" subtitle="The signature over the whole file, nothing appended after signing, every attachment against the manifest: what “attest verify” checks.">
          <VerifyPackPanel />
        </SectionPanel>
      </Stack>
    </>
  );
}
