import { Button, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { WorkspacePathInput } from '../WorkspacePathInput';

export interface OpenWorkspaceFormProps {
  /** Called once the workspace is unlocked. */
  onUnlocked: () => void;
  /** Each new value moves the keyboard focus to the first field (the File menu's "Open Workspace…"). */
  focusSignal?: number;
}

/** Unlocks an existing workspace file with its passphrase. */
export function OpenWorkspaceForm({ onUnlocked, focusSignal = 0 }: OpenWorkspaceFormProps) {
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await call('workspace.open', { path: path.trim(), passphrase });
    setBusy(false);
    if (result.ok) {
      onUnlocked();
      return;
    }
    setError(result.error);
    if (result.error.code === 'WRONG_PASSPHRASE') setPassphrase('');
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Open a workspace" noValidate>
      <Stack gap="md">
        <WorkspacePathInput value={path} onChange={setPath} description="The .attest file to unlock." focusSignal={focusSignal} />
        <PasswordInput
          label="Passphrase"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          required
          autoComplete="current-password"
        />
        <ApiErrorAlert error={error} title="The workspace was not unlocked" />
        <Button type="submit" loading={busy} disabled={path.trim() === '' || passphrase === ''}>
          Unlock workspace
        </Button>
      </Stack>
    </form>
  );
}
