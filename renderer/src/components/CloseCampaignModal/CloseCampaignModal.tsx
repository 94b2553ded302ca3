import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OperationOutput } from '../../../../src/api/contract';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import type { CampaignStatusView } from '../../campaign-words';
import { formatCount } from '../../format';
import { ApiErrorAlert } from '../ApiErrorAlert';

type Closed = OperationOutput<'campaigns.close'>;

function consequence(status: CampaignStatusView): string {
  const n = formatCount(status.pending);
  if (status.pending === 0) return 'Every item is decided: closing makes the decisions final.';
  if (status.options.noResponse === 'none') return `${n} items nobody decided stay undecided: the evidence reports them as not reviewed.`;
  return `${n} items nobody decided will be recorded as ${status.options.noResponse.toUpperCase()}, on behalf of the reviewer who did not answer (channel "no-response default").`;
}

/** Close, with the no-response default and its effect stated before the confirmation. */
export function CloseCampaignModal({ status, opened, onClose, onClosed }: { status: CampaignStatusView; opened: boolean; onClose: () => void; onClosed: (closed: Closed) => void }) {
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await call('campaigns.close', { campaignId: status.campaignId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClosed(result.value);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Close ${status.name}?`} size="lg">
      <Stack gap="md">
        <Alert color={status.pending > 0 && status.options.noResponse !== 'none' ? 'orange' : 'blue'} variant="light" title={`No-response default: ${status.options.noResponse}`} data-testid="close-consequence">
          {consequence(status)}
        </Alert>
        <Text size="sm">
          {formatCount(status.decided)} of {formatCount(status.items)} items are decided ({formatCount(status.kept)} kept, {formatCount(status.revoked)} revoked). After closing, no decision can be changed; revoked access goes to the remediation list.
        </Text>
        <Checkbox label="I understand: decisions become final, and the default above is recorded" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        <ApiErrorAlert error={error} title="The campaign was not closed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!understood} loading={busy} onClick={() => void close()}>
            Close campaign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
