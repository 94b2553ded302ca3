import { Button, Group, List, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatCount } from '../../format';
import { ActionForm } from '../ActionForm';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { SectionPanel } from '../SectionPanel';

/** Reminder drafts: one .eml per reviewer who still owes decisions, written into a folder for the mail client. */
export function RemindersForm({ campaignId }: { campaignId: number }) {
  const [dir, setDir] = useState('');
  const [files, setFiles] = useState<OperationOutput<'campaigns.reminders'>['files'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const write = async (): Promise<void> => {
    setError(null);
    const result = await call('campaigns.reminders', { campaignId, dir });
    if (result.ok) setFiles(result.value.files);
    else setError(result.error);
  };
  return (
    <SectionPanel title="Reminders" subtitle="One e-mail draft (.eml, unsent) per reviewer who owes decisions, listing their first 50 items.">
      <ActionForm label="Write reminders" onSubmit={write}>
        <Group align="flex-end">
          <TextInput label="Folder" placeholder="/home/me/reminders" value={dir} onChange={(e) => setDir(e.currentTarget.value)} required w={420} spellCheck={false} />
          <Button type="submit" variant="default">
            Write reminders
          </Button>
        </Group>
      </ActionForm>
      <ApiErrorAlert error={error} title="No reminders were written" />
      {files && (
        <>
          <Text size="sm" mt="sm" role="status">
            {files.length === 0 ? 'Nobody owes a decision: no reminder written.' : `${formatCount(files.length)} drafts written.`}
          </Text>
          <List size="sm" mt={4}>
            {files.slice(0, 20).map((f) => (
              <List.Item key={f.path}>
                {f.reviewer}: {formatCount(f.pending)} pending · <Text span ff="monospace" size="xs">{f.path}</Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </SectionPanel>
  );
}
