import { Button, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { useRememberedPassphrase } from '../../hooks/useRememberedPassphrase';
import { useRecentWorkspaces } from '../../hooks/useRecentWorkspaces';
import { rememberWorkspace } from '../../recent-files';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CapsLockPassword } from '../CapsLockPassword';
import { WorkspacePathInput } from '../WorkspacePathInput';

export interface OpenWorkspaceFormProps {
  /** Called once the workspace is unlocked. */
  onUnlocked: () => void;
  /** Each new value moves the keyboard focus to the first field (the File menu's "Open Workspace…"). */
  focusSignal?: number;
  /** A file chosen in the File menu (Open Recent, or the native dialog) to fill in. */
  requestedPath?: string | undefined;
}

/** Unlocks an existing workspace file with its passphrase. */
export function OpenWorkspaceForm({ onUnlocked, focusSignal = 0, requestedPath }: OpenWorkspaceFormProps) {
  const recent = useRecentWorkspaces() ?? [];
  const [path, setPath] = useState(requestedPath ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const keychain = useRememberedPassphrase(path);
  const [remember, setRemember] = useState(false);
  useEffect(() => setRemember(keychain.remembered), [keychain.remembered]);
  useEffect(() => {
    if (requestedPath) setPath(requestedPath);
  }, [requestedPath, focusSignal]);
  // The newest recent workspace fills an empty field once the list is read.
  const newest = recent[0];
  useEffect(() => {
    if (newest) setPath((typed) => typed || newest);
  }, [newest]);
  // With a remembered passphrase, an empty field unlocks with it.
  const useRemembered = keychain.remembered && passphrase === '';

  const toggleRemember = (checked: boolean): void => {
    setRemember(checked);
    // Unticking forgets at once: nothing stays remembered that the user said not to keep.
    if (!checked && keychain.remembered) void call('secrets.forget', { path: path.trim() }).then(keychain.refresh);
  };
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = useRemembered
      ? await call('workspace.openRemembered', { path: path.trim() })
      : await call('workspace.open', { path: path.trim(), passphrase, ...(keychain.available ? { remember } : {}) });
    setBusy(false);
    if (result.ok) {
      rememberWorkspace(result.value.path);
      onUnlocked();
      return;
    }
    setError(result.error);
    keychain.refresh();
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
          required={!keychain.remembered}
          autoComplete="current-password"
          description={keychain.remembered ? 'Remembered on this computer: leave empty to unlock with it.' : undefined}
        />
        {keychain.available && (
          <Checkbox
            label="Remember on this computer"
            description="Your operating system's keychain encrypts it; untick to forget it."
            checked={remember}
            onChange={(event) => toggleRemember(event.currentTarget.checked)}
          />
        )}
        <ApiErrorAlert error={error} title="The workspace was not unlocked" />
        <Button type="submit" loading={busy} disabled={path.trim() === '' || (passphrase === '' && !keychain.remembered)}>
          Unlock workspace
        </Button>
      </Stack>
    </form>
  );
}
