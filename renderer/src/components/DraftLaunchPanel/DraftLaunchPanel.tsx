import { Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call, callWithProgress, type Progress } from '../../api/client';
import { formatCount } from '../../format';
import { useOperation } from '../../hooks/useOperation';
import { ActionForm } from '../ActionForm';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { PrelaunchCheck } from '../PrelaunchCheck';
import { ProgressPanel } from '../ProgressPanel';

export interface DraftLaunchPanelProps {
  campaignId: number;
  onLaunched: () => void;
}

/** A draft's pre-launch check (writes nothing), a way to name a system's owner, and Launch. */
export function DraftLaunchPanel({ campaignId, onLaunched }: DraftLaunchPanelProps) {
  const preview = useOperation('campaigns.preview', { campaignId });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [owner, setOwner] = useState({ system: '', reviewer: '' });
  const launch = async (): Promise<void> => {
    abort.current = new AbortController();
    setBusy(true);
    setError(null);
    setProgress(null);
    const result = await callWithProgress('campaigns.launch', { campaignId }, { onProgress: setProgress, signal: abort.current.signal });
    setBusy(false);
    if (result.ok) onLaunched();
    else {
      setError(result.error);
      preview.reload();
    }
  };
  const saveOwner = async (): Promise<void> => {
    setError(null);
    const result = await call('campaigns.setOwner', { system: owner.system, reviewer: owner.reviewer });
    if (!result.ok) setError(result.error);
    else {
      setOwner({ system: '', reviewer: '' });
      preview.reload();
    }
  };
  const data = preview.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Launch freezes the population as checked below: later imports do not change it.
        </Text>
        <Group>
          <Button variant="default" onClick={preview.reload} loading={preview.loading}>
            Check again
          </Button>
          <Button onClick={() => void launch()} loading={busy} disabled={!data || data.unresolved.length > 0}>
            Launch {data ? `(${formatCount(data.items)} items)` : ''}
          </Button>
        </Group>
      </Group>
      {busy && <ProgressPanel title="Launching: reading and freezing the population" progress={progress} onCancel={() => abort.current?.abort()} />}
      <ApiErrorAlert error={preview.error} title="The pre-launch check could not run" />
      <ApiErrorAlert error={error} title="Not done" />
      {!data ? <Skeleton h={320} /> : <PrelaunchCheck preview={data} />}
      {data && data.unresolved.length > 0 && (
        <Paper withBorder p="md">
          <ActionForm label="Set a system owner" onSubmit={saveOwner}>
            <Group align="flex-end">
              <TextInput label="System" description="Owner reviews go to the system's owner" value={owner.system} onChange={(e) => setOwner({ ...owner, system: e.currentTarget.value })} required w={220} />
              <TextInput label="Owner's e-mail" value={owner.reviewer} onChange={(e) => setOwner({ ...owner, reviewer: e.currentTarget.value })} required w={280} />
              <Button type="submit" variant="default">
                Set owner
              </Button>
            </Group>
          </ActionForm>
        </Paper>
      )}
    </Stack>
  );
}
