import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { OperationInput } from '../../../../src/api/contract';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { formatCount } from '../../format';
import { ApiErrorAlert } from '../ApiErrorAlert';

type Bulk = OperationInput<'campaigns.bulkDecide'>;

const FINDINGS = ['leaver', 'orphan', 'dormant', 'privileged', 'no-mfa', 'new-access', 'sod', 'outlier', 'mover'];

export interface BulkDecisionModalProps {
  campaignId: number;
  reviewer: string;
  systems: string[];
  opened: boolean;
  onClose: () => void;
  onApplied: (applied: number) => void;
}

/** One decision over the reviewer's pending items matching a filter: counted first, then confirmed with that count (the host refuses another). */
export function BulkDecisionModal({ campaignId, reviewer, systems, opened, onClose, onApplied }: BulkDecisionModalProps) {
  const [filter, setFilter] = useState<{ system: string | null; entitlement: string; finding: string | null }>({ system: null, entitlement: '', finding: null });
  const [decision, setDecision] = useState<'keep' | 'revoke'>('keep');
  const [comment, setComment] = useState('');
  const [matched, setMatched] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = (): Bulk => ({
    campaignId, reviewer, decision, channel: 'app', comment: comment.trim() || undefined,
    system: filter.system ?? undefined, entitlement: filter.entitlement.trim() || undefined, finding: filter.finding ?? undefined,
  });
  const count = async (): Promise<void> => {
    setError(null);
    const result = await call('campaigns.bulkDecide', input());
    if (result.ok) setMatched(result.value.matched);
    else setError(result.error);
  };
  const confirm = async (): Promise<void> => {
    if (matched === null) return;
    setBusy(true);
    setError(null);
    const result = await call('campaigns.bulkDecide', { ...input(), expectedCount: matched });
    setBusy(false);
    if (!result.ok) {
      setMatched(null);
      return setError(result.error);
    }
    setMatched(null);
    onApplied(result.value.applied);
  };
  const changed = (patch: Partial<typeof filter>): void => {
    setFilter((f) => ({ ...f, ...patch }));
    setMatched(null);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Bulk decision for ${reviewer}`} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Applies to your pending items that match every filter given. Count them first; the confirmation states the number, and the host refuses it if the selection changed since.
        </Text>
        <Group grow align="flex-end">
          <Select label="System" placeholder="Any" data={systems} value={filter.system} onChange={(v) => changed({ system: v })} clearable />
          <TextInput label="Entitlement" description="A name or a glob with *" value={filter.entitlement} onChange={(e) => changed({ entitlement: e.currentTarget.value })} />
          <Select label="Finding" placeholder="Any" data={FINDINGS} value={filter.finding} onChange={(v) => changed({ finding: v })} clearable />
        </Group>
        <SegmentedControl aria-label="Decision" value={decision} onChange={(v) => (setDecision(v), setMatched(null))} data={[{ value: 'keep', label: 'Keep' }, { value: 'revoke', label: 'Revoke' }]} w="fit-content" />
        <Textarea label="Comment" description="Recorded with every decision of the batch" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
        <ApiErrorAlert error={error} title="Nothing was recorded" />
        {matched !== null && (
          <Alert color={decision === 'revoke' ? 'red' : 'teal'} variant="light" title="Confirm" data-testid="bulk-confirm">
            {matched === 0 ? 'No pending item of yours matches: nothing to decide.' : `${decision === 'revoke' ? 'Revoke' : 'Keep'} ${formatCount(matched)} pending items of ${reviewer}?`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {matched === null || matched === 0 ? (
            <Button onClick={() => void count()}>Count matching items</Button>
          ) : (
            <Button color={decision === 'revoke' ? 'red' : 'teal'} loading={busy} onClick={() => void confirm()}>
              {decision === 'revoke' ? 'Revoke' : 'Keep'} {formatCount(matched)} items
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
