import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { rememberWorkspace } from '../../recent-files';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CapsLockPassword } from '../CapsLockPassword';
import { WorkspacePathInput } from '../WorkspacePathInput';

export interface CreateWorkspaceFormProps {
  /** Called once the new workspace is created and unlocked. */
  onUnlocked: () => void;
  /** Each new value moves the keyboard focus to the first field (the File menu's "New Workspace…"). */
  focusSignal?: number;
}

/** Creates a new encrypted workspace file; the API refuses to overwrite an existing file. */
export function CreateWorkspaceForm({ onUnlocked, focusSignal = 0 }: CreateWorkspaceFormProps) {
  const [path, setPath] = useState('');
  const [org, setOrg] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [confirmationError, setConfirmationError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (passphrase !== confirmation) {
      setConfirmationError('The two passphrases differ. Type the same passphrase twice.');
      return;
    }
    setConfirmationError(null);
    setError(null);
    setBusy(true);
    const result = await call('workspace.create', { path: path.trim(), passphrase, org: org.trim() || undefined });
    setBusy(false);
    if (result.ok) {
      rememberWorkspace(result.value.path);
      onUnlocked();
    }
    else setError(result.error);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Create a workspace" noValidate>
      <Stack gap="md">
        <WorkspacePathInput value={path} onChange={setPath} description="Where to save the new file. An existing file is never overwritten." focusSignal={focusSignal} />
        <TextInput
          label="Organisation"
          description="As it should appear on evidence packs."
          placeholder="Acme Ltd"
          value={org}
          onChange={(event) => setOrg(event.currentTarget.value)}
          maxLength={200}
          autoComplete="organization"
        />
        <CapsLockPassword
          label="Passphrase"
          description="At least 8 characters. Nobody can recover it for you."
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          required
          autoComplete="new-password"
        />
        <CapsLockPassword
          label="Confirm passphrase"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={confirmationError}
          required
          autoComplete="new-password"
        />
        <ApiErrorAlert error={error} title="The workspace was not created" />
        <Button type="submit" loading={busy} disabled={path.trim() === '' || passphrase === ''}>
          Create workspace
        </Button>
      </Stack>
    </form>
  );
}
