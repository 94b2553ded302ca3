import { Alert, Badge, DataList, List, Text } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatDate } from '../../format';
import { AttachmentTable } from '../AttachmentTable';
import { HashCode } from '../HashCode';

export interface PackVerificationViewProps {
  /** Which file was checked (its path, or a dropped file's name). */
  file: string;
  verification: OperationOutput<'evidence.verify'>;
}

const SIGNATURE_WORDS: Record<OperationOutput<'evidence.verify'>['signature'], string> = {
  valid: 'Valid: the file is exactly as it was signed',
  invalid: 'Invalid: the file changed after it was signed',
  missing: 'Missing: the file carries no signature',
};

/** What `attest verify` says of a pack: the verdict, the signer, every attachment, the problems in words. */
export function PackVerificationView({ file, verification: v }: PackVerificationViewProps) {
  return (
    <div data-testid="pack-verification" data-ok={v.ok}>
      <Alert color={v.ok ? 'teal' : 'red'} variant="light" title={v.ok ? 'Valid evidence pack' : 'Not a valid evidence pack'} mb="md">
        {v.ok ? `${file}: the signature covers the whole file, nothing was added after signing, and every attachment matches the manifest.` : `${file}: do not rely on this file. What failed is listed below.`}
      </Alert>
      <DataList labelWidth="190px">
        <DataList.Item>
          <DataList.ItemLabel>Signature</DataList.ItemLabel>
          <DataList.ItemValue>
            <Badge color={v.signature === 'valid' ? 'teal' : 'red'} variant="light" radius="sm" data-testid="signature-status">
              {v.signature}
            </Badge>{' '}
            <Text span size="sm">
              {SIGNATURE_WORDS[v.signature]}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Signer certificate SHA-256</DataList.ItemLabel>
          <DataList.ItemValue>{v.signer.fingerprintSha256 ? <HashCode value={v.signer.fingerprintSha256} label="Signer fingerprint" /> : '—'}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Signer</DataList.ItemLabel>
          <DataList.ItemValue>
            {v.signer.subject ?? '—'}
            {v.signer.selfSigned && (
              <Text size="xs" c="dimmed">
                Self-signed (a workspace's own certificate): compare the fingerprint with the one the workspace owner gave you.
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Signed at</DataList.ItemLabel>
          <DataList.ItemValue>{v.signingTime ? `${formatDate(v.signingTime, true)} (${v.signingTime.replace('.000Z', 'Z')})` : '—'}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Manifest</DataList.ItemLabel>
          <DataList.ItemValue>{v.manifestOk ? 'Lists exactly the attached files, with matching SHA-256' : 'Does not match the attached files'}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {v.attachments.length > 0 && (
        <AttachmentTable
          label="Attachments checked"
          detailHeader="Check"
          mt="md"
          rows={v.attachments.map((a) => ({
            name: a.name,
            sha256: a.sha256,
            detail: (
              <Badge color={a.ok ? 'teal' : 'red'} variant="light" radius="sm">
                {a.ok ? 'matches' : 'does not match'}
              </Badge>
            ),
          }))}
        />
      )}
      {v.problems.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="md" mb={4}>
            Problems
          </Text>
          <List size="sm" aria-label="Problems" spacing={2}>
            {v.problems.map((p) => (
              <List.Item key={p}>{p.charAt(0).toUpperCase() + p.slice(1)}.</List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
