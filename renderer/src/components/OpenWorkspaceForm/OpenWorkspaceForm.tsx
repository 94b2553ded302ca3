import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { rememberWorkspace, recentWorkspaces } from '../../recent-files';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CapsLockPassword } from '../CapsLockPassword';
import { WorkspacePathInput } from '../WorkspacePathInput';

export interface OpenWorkspaceFormProps {
  /** Called once the workspace is unlocked. */
  onUnlocked: () => void;
  /** Each new value moves the keyboard focus to the first field (the File menu's "Open Workspace…"). */
  focusSignal?: number;
}

/** Unlocks an existing workspace file with its passphrase. */
export function OpenWorkspaceForm({ onUnlocked, focusSignal = 0 }: OpenWorkspaceFormProps) {
  const [recent] = useState(recentWorkspaces);
  const [path, setPath] = useState(recent[0] ?? '');
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
      rememberWorkspace(result.value.path);
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
        {recent.length > 0 && (
          <div aria-label="Recent workspaces">
            <Text size="xs" c="dimmed" mb={4}>
              Recent
            </Text>
            <Group gap={6}>
              {recent.map((file) => (
                <UnstyledButton key={file} onClick={() => setPath(file)} title={file} fz="xs" px={8} py={2} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
                  {file.split(/[\\/]/).pop()}
                </UnstyledButton>
              ))}
            </Group>
          </div>
        )}
        <CapsLockPassword
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
