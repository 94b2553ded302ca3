import { Button, Code, DataList, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { SectionPanel } from '../components/SectionPanel';
import { SigningIdentityPanel } from '../components/SigningIdentityPanel';
import { formatDate } from '../format';
import type { WorkspaceInfo } from './Workstation.page';

type Settings = OperationOutput<'settings.get'>;

export interface SettingsPageProps {
  info: WorkspaceInfo;
  settings: Settings | null;
  onSaved: (settings: Settings) => void;
}

const AUTO_LOCK_CHOICES = [
  { value: '0', label: 'Never' },
  { value: '1', label: 'After 1 minute' },
  { value: '5', label: 'After 5 minutes' },
  { value: '15', label: 'After 15 minutes' },
  { value: '30', label: 'After 30 minutes' },
  { value: '60', label: 'After 1 hour' },
];

/** Workspace preferences (kept in the workspace, audited) and what the workspace is. */
export function SettingsPage({ info, settings, onSaved }: SettingsPageProps) {
  const [autoLock, setAutoLock] = useState('15');
  const [staleDays, setStaleDays] = useState<number | string>(30);
  const [dormantDays, setDormantDays] = useState<number | string>(90);
  const [operator, setOperator] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!settings) return;
    setAutoLock(String(settings.autoLockMinutes));
    setStaleDays(settings.staleDays);
    setDormantDays(settings.dormantDays);
    setOperator(settings.operator);
  }, [settings]);
  const choices = AUTO_LOCK_CHOICES.some((c) => c.value === autoLock) ? AUTO_LOCK_CHOICES : [...AUTO_LOCK_CHOICES, { value: autoLock, label: `After ${autoLock} minutes` }];

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    const result = await call('settings.update', { operator, autoLockMinutes: Number(autoLock), staleDays: Number(staleDays), dormantDays: Number(dormantDays) });
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(true);
    onSaved(result.value);
  };

  return (
    <>
      <PageHeader title="Settings" description="Kept in the workspace file, so they travel with it; every change is in the audit trail." />
      <Stack gap="lg" maw={760}>
        <Paper withBorder p="lg" component="form" aria-label="Workspace settings" onSubmit={(event: FormEvent<HTMLFormElement>) => void save(event)}>
          <Stack gap="md">
            <TextInput
              label="Operator name"
              description="Who the audit trail names for the changes made in this workspace (and who prepared its evidence packs). Empty: this computer's user name."
              placeholder={info.operator}
              value={operator}
              onChange={(e) => setOperator(e.currentTarget.value)}
              maxLength={200}
            />
            <Select label="Lock the workspace" description="After this long without keyboard or mouse activity, the workspace locks and forgets its key." data={choices} value={autoLock} onChange={(value) => setAutoLock(value ?? '15')} allowDeselect={false} />
            <Group grow align="flex-start">
              <NumberInput label="Stale after (days)" description="A system whose newest snapshot is older than this is flagged on the dashboard." min={1} max={3650} value={staleDays} onChange={setStaleDays} />
              <NumberInput label="Dormant after (days)" description="An account unused this long is a dormant finding; the analysis uses it unless a run names another." min={1} max={36500} value={dormantDays} onChange={setDormantDays} />
            </Group>
            <ApiErrorAlert error={error} title="The settings were not saved" />
            <Group>
              <Button type="submit">Save settings</Button>
              {saved && (
                <Text size="sm" c="teal" role="status">
                  Saved.
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
        <SectionPanel title="This workspace">
          <DataList labelWidth="180px">
            <DataList.Item>
              <DataList.ItemLabel>File</DataList.ItemLabel>
              <DataList.ItemValue>
                <Code>{info.path}</Code>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Operator</DataList.ItemLabel>
              <DataList.ItemValue>{settings?.operator || info.operator}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Created</DataList.ItemLabel>
              <DataList.ItemValue>{formatDate(info.createdAt, true)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Workspace ID</DataList.ItemLabel>
              <DataList.ItemValue>
                <Code>{info.workspaceId}</Code>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Schema version</DataList.ItemLabel>
              <DataList.ItemValue>{info.schemaVersion}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </SectionPanel>
        <SigningIdentityPanel />
      </Stack>
    </>
  );
}
