import { Badge, Button, DataList, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatDate } from '../../format';
import { useOperation } from '../../hooks/useOperation';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { HashCode } from '../HashCode';
import { SectionPanel } from '../SectionPanel';

/** The certificate that signs this workspace's packs, and importing an organisation's PKCS#12 in its place. */
export function SigningIdentityPanel() {
  const signer = useOperation('signer.show', {});
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [imported, setImported] = useState(false);
  const s = signer.data;

  const importP12 = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setImported(false);
    const result = await call('signer.import', { path: path.trim(), passphrase });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setPassphrase('');
    setImported(true);
    signer.reload();
  };

  return (
    <SectionPanel title="Signing identity" subtitle="Signs every evidence pack; its fingerprint is on each pack's cover, so an auditor can pin it.">
      <ApiErrorAlert error={signer.error} title="The signing identity could not be read" />
      {s && (
        <DataList labelWidth="180px" data-testid="signer">
          <DataList.Item>
            <DataList.ItemLabel>Subject</DataList.ItemLabel>
            <DataList.ItemValue data-testid="signer-subject">{s.subject}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Certificate SHA-256</DataList.ItemLabel>
            <DataList.ItemValue>
              <HashCode value={s.fingerprintSha256} label="Signer fingerprint" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Kind</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="xs">
                <Badge variant="light" radius="sm" color={s.source === 'imported' ? 'blue' : 'gray'}>
                  {s.source === 'imported' ? 'imported' : "the workspace's own"}
                </Badge>
                <Badge variant="light" radius="sm" color={s.selfSigned ? 'yellow' : 'teal'}>
                  {s.selfSigned ? 'self-signed' : `issued by ${s.issuer}`}
                </Badge>
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Valid</DataList.ItemLabel>
            <DataList.ItemValue>
              {formatDate(s.notBefore)} to {formatDate(s.notAfter)}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
      <form aria-label="Import an organisation certificate" onSubmit={(event) => void importP12(event)}>
        <Stack gap="sm" mt="lg">
          <Text fw={600} size="sm">
            Import an organisation certificate
          </Text>
          <Text size="sm" c="dimmed">
            A PKCS#12 file (.p12 or .pfx) with an RSA key replaces this identity for every later pack; packs already signed stay valid. The change is in the audit trail.
          </Text>
          <Group grow align="flex-start">
            <TextInput label="PKCS#12 file" placeholder="/path/to/organisation-signing.p12" value={path} onChange={(e) => setPath(e.currentTarget.value)} spellCheck={false} required />
            <PasswordInput label="Its passphrase" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoComplete="off" />
          </Group>
          <ApiErrorAlert error={error} title="The certificate was not imported" />
          <Group>
            <Button type="submit" variant="default" loading={busy} disabled={path.trim() === ''}>
              Import certificate
            </Button>
            {imported && (
              <Text size="sm" c="teal" role="status">
                Imported: new packs are signed with it.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </SectionPanel>
  );
}
