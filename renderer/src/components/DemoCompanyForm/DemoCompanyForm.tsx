import { Button, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { callWithProgress, type Progress } from '../../api/client';
import { rememberWorkspace } from '../../recent-files';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CapsLockPassword } from '../CapsLockPassword';
import { ProgressPanel } from '../ProgressPanel';

export interface DemoCompanyFormProps {
  /** Called once the demo workspace is created and unlocked. */
  onUnlocked: () => void;
}

/** Lays out the demo company (its exports and a workspace with everything imported and analysed) in a new folder. */
export function DemoCompanyForm({ onUnlocked }: DemoCompanyFormProps) {
  const [dir, setDir] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    abort.current = new AbortController();
    setBusy(true);
    setError(null);
    setProgress(null);
    const result = await callWithProgress('demo.create', { dir: dir.trim(), passphrase }, { onProgress: setProgress, signal: abort.current.signal });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    rememberWorkspace(result.value.workspace);
    onUnlocked();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Open the demo company" noValidate>
      <Stack gap="md">
        <TextInput label="Folder" description="An empty or new folder: the demo's exports and its workspace go there." placeholder="/path/to/northwind-demo" value={dir} onChange={(e) => setDir(e.currentTarget.value)} required spellCheck={false} />
        <CapsLockPassword label="Passphrase for the demo workspace" description="At least 8 characters." value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} required autoComplete="new-password" />
        {busy && <ProgressPanel title="Building the demo company" progress={progress} onCancel={() => abort.current?.abort()} />}
        <ApiErrorAlert error={error} title="The demo company was not created" />
        <Button type="submit" variant="light" loading={busy} disabled={dir.trim() === '' || passphrase === ''}>
          Open the demo company
        </Button>
      </Stack>
    </form>
  );
}
