import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import type { ApiError, Result } from '../../../../src/api/result';
import { call } from '../../api/client';
import { DROPPED_BYTES_LIMIT, readBase64 } from '../../dropped-file';
import { formatBytes } from '../../format';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { FileDropZone } from '../FileDropZone';
import { PackVerificationView } from '../PackVerificationView';

type Verification = OperationOutput<'evidence.verify'>;

/**
 * Verifies any pack: by its path on the computer running Attest, or a file dropped here (or
 * chosen). A page holds a dropped file's bytes but not its path, so a dropped file is sent as
 * bytes, up to 11 MB; a larger pack is verified by its path.
 */
export function VerifyPackPanel() {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [checked, setChecked] = useState<{ file: string; verification: Verification } | null>(null);

  const show = (file: string, result: Result<Verification>): void => {
    setBusy(false);
    if (!result.ok) {
      setChecked(null);
      return setError(result.error);
    }
    setError(null);
    setChecked({ file, verification: result.value });
  };
  const verifyPath = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    show(path.trim(), await call('evidence.verify', { path: path.trim() }));
  };
  const verifyFile = async (file: File): Promise<void> => {
    // The desktop app knows a dropped file's path: verified where it is, whatever its size.
    const own = window.attest?.pathForFile?.(file) ?? '';
    if (own !== '') {
      setBusy(true);
      return show(own, await call('evidence.verify', { path: own }));
    }
    if (file.size > DROPPED_BYTES_LIMIT) {
      setChecked(null);
      return setError({ code: 'INVALID_INPUT', message: `${file.name} is ${formatBytes(file.size)}; a dropped pack can be at most ${formatBytes(DROPPED_BYTES_LIMIT)}. Type its path in the field above instead.` });
    }
    setBusy(true);
    show(file.name, await call('evidence.verifyBytes', { name: file.name, base64: await readBase64(file) }));
  };

  return (
    <Stack gap="md">
      <form aria-label="Verify a pack by its path" onSubmit={(event) => void verifyPath(event)}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label="Pack file"
            description="The path of an evidence pack (.pdf) on this computer; no workspace is needed."
            placeholder="/path/to/evidence-pack.pdf"
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            spellCheck={false}
          />
          <Button type="submit" disabled={path.trim() === '' || busy} loading={busy}>
            Verify
          </Button>
        </Group>
      </form>
      <FileDropZone
        testId="pack-drop-zone"
        label="Drop a pack to verify it"
        title="Or drop a pack here"
        hint={`Up to ${formatBytes(DROPPED_BYTES_LIMIT)}; the bytes are checked, nothing is kept.`}
        pickerLabel="Pack file to verify"
        accept="application/pdf,.pdf"
        disabled={busy}
        onFile={(file) => void verifyFile(file)}
      />
      <ApiErrorAlert error={error} title="The pack could not be checked" />
      {checked && <PackVerificationView file={checked.file} verification={checked.verification} />}
    </Stack>
  );
}
