import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import type { ApiError, Result } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatBytes } from '../../format';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { PackVerificationView } from '../PackVerificationView';

type Verification = OperationOutput<'evidence.verify'>;

/** evidence.verifyBytes's limit (VERIFY_BYTES_LIMIT in src/api/evidence-contract.ts; the API refuses more anyway). */
const VERIFY_BYTES_LIMIT = 11 * 1024 * 1024;

/** A file's bytes as base64 (what evidence.verifyBytes takes). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(reader.error?.message ?? 'unreadable'));
    reader.readAsDataURL(file);
  });
}

/**
 * Verifies any pack: by its path on the computer running Attest, or a file dropped here (or
 * chosen). A page holds a dropped file's bytes but not its path, so a dropped file is sent as
 * bytes, up to 11 MB; a larger pack is verified by its path.
 */
export function VerifyPackPanel() {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [checked, setChecked] = useState<{ file: string; verification: Verification } | null>(null);
  const picker = useRef<HTMLInputElement>(null);

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
    if (file.size > VERIFY_BYTES_LIMIT) {
      setChecked(null);
      return setError({ code: 'INVALID_INPUT', message: `${file.name} is ${formatBytes(file.size)}; a dropped pack can be at most ${formatBytes(VERIFY_BYTES_LIMIT)}. Type its path in the field above instead.` });
    }
    setBusy(true);
    show(file.name, await call('evidence.verifyBytes', { name: file.name, base64: await readBase64(file) }));
  };
  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void verifyFile(file);
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
      <Paper
        withBorder
        p="lg"
        data-testid="pack-drop-zone"
        aria-label="Drop a pack to verify it"
        style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-light)' : undefined }}
        onDragOver={(event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <Group justify="space-between">
          <div>
            <Text fw={600}>Or drop a pack here</Text>
            <Text size="sm" c="dimmed">
              Up to {formatBytes(VERIFY_BYTES_LIMIT)}; the bytes are checked, nothing is kept.
            </Text>
          </div>
          <Button variant="default" onClick={() => picker.current?.click()} disabled={busy}>
            Choose a file…
          </Button>
          <input
            ref={picker}
            type="file"
            accept="application/pdf,.pdf"
            hidden
            aria-label="Pack file to verify"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void verifyFile(file);
              e.currentTarget.value = '';
            }}
          />
        </Group>
      </Paper>
      <ApiErrorAlert error={error} title="The pack could not be checked" />
      {checked && <PackVerificationView file={checked.file} verification={checked.verification} />}
    </Stack>
  );
}
