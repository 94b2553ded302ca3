import { Code, DataList, Group, Text } from '@mantine/core';
import type { OperationOutput } from '../../../../src/api/contract';
import { formatBytes, formatCount } from '../../format';
import { AttachmentTable } from '../AttachmentTable';
import { HashCode } from '../HashCode';
import { SectionPanel } from '../SectionPanel';
import { ShowInFolderButton } from '../ShowInFolderButton';

export interface PackResultViewProps {
  pack: OperationOutput<'evidence.generate'>;
}

/** A pack just written: where, its hash, pages, signer, and every attachment with its hash. */
export function PackResultView({ pack }: PackResultViewProps) {
  return (
    <SectionPanel title="Signed evidence pack" subtitle="Written as a new file; the same figures are in the audit trail (evidence.generated).">
      <div data-testid="pack-result">
        <DataList labelWidth="190px">
          <DataList.Item>
            <DataList.ItemLabel>File</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="sm">
                <Code data-testid="pack-path">{pack.path}</Code>
                <ShowInFolderButton path={pack.path} />
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>SHA-256 of the file</DataList.ItemLabel>
            <DataList.ItemValue>
              <HashCode value={pack.sha256} label="Pack SHA-256" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Pages</DataList.ItemLabel>
            <DataList.ItemValue data-testid="pack-pages">{formatCount(pack.pages)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Signer certificate SHA-256</DataList.ItemLabel>
            <DataList.ItemValue>
              <HashCode value={pack.signerFingerprintSha256} label="Signer fingerprint" />
            </DataList.ItemValue>
          </DataList.Item>
          {pack.xlsx && (
            <DataList.Item>
              <DataList.ItemLabel>XLSX workpaper</DataList.ItemLabel>
              <DataList.ItemValue>
                <Group gap="sm">
                  <Code>{pack.xlsx}</Code>
                  <ShowInFolderButton path={pack.xlsx} label="Open the workpaper's folder" />
                </Group>
              </DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        <Text fw={600} size="sm" mt="md" mb={4}>
          Attached inside the PDF (covered by the signature)
        </Text>
        <AttachmentTable label="Attachments" detailHeader="Size" detailAlign="right" rows={pack.attachments.map((a) => ({ name: a.name, sha256: a.sha256, detail: formatBytes(a.bytes) }))} />
      </div>
    </SectionPanel>
  );
}
