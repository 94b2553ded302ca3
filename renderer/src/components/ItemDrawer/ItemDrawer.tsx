import { Badge, Button, Drawer, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { OUTCOME_COLORS, OUTCOME_LABELS, type CampaignItemView } from '../../campaign-words';
import { formatDate } from '../../format';
import { ActionForm } from '../ActionForm';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ContextBadges } from '../ContextBadges';
import { StagesTable } from '../StagesTable';

export interface ItemDrawerProps {
  campaignId: number;
  item: CampaignItemView | null;
  /** Reassignment is offered while the campaign is launched. */
  launched: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One item: its frozen context, each stage's reviewer and decision, and a reassignment with its reason. */
export function ItemDrawer({ campaignId, item, launched, onClose, onChanged }: ItemDrawerProps) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reassign = async (): Promise<void> => {
    if (!item) return;
    setError(null);
    const result = await call('campaigns.reassign', { campaignId, itemId: item.id, reviewer: item.reviewer, to, reason });
    if (!result.ok) return setError(result.error);
    setDone(`Stage ${result.value.stage} now waits for ${result.value.reviewer}.`);
    setTo('');
    setReason('');
    onChanged();
  };
  return (
    <Drawer opened={item !== null} onClose={() => { setDone(null); setError(null); onClose(); }} position="right" size="lg" title={item ? `Item ${item.id}: ${item.account} · ${item.entitlement}` : ''}>
      {item && (
        <Stack gap="md">
          <Badge color={OUTCOME_COLORS[item.outcome]} variant="light" w="fit-content">
            {OUTCOME_LABELS[item.outcome]}
            {item.stage !== null ? ` · stage ${item.stage} with ${item.reviewer}` : ''}
          </Badge>
          <ContextBadges item={item} />
          <Text size="sm">
            <b>{item.person?.name ?? 'No identity'}</b> {item.person ? `(${item.person.employeeId}, ${item.person.title ?? '—'}, ${item.person.department ?? '—'})` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {item.system} account {item.account} ({item.accountKey}), {item.accountStatus}, last login {formatDate(item.lastLogin)}. {item.entitlementDescription ?? ''}
          </Text>
          <StagesTable stages={item.stages} />
          {launched && item.stage !== null && (
            <ActionForm label="Reassign the item" onSubmit={reassign}>
              <Stack gap="sm">
                <Text fw={600}>Reassign stage {item.stage}</Text>
                <TextInput label="New reviewer's e-mail" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
                <Textarea label="Reason" description="Recorded with the reassignment and shown in the evidence" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} />
                <ApiErrorAlert error={error} title="Not reassigned" />
                {done && <Text size="sm" c="teal" role="status">{done}</Text>}
                <Button type="submit" w="fit-content">
                  Reassign
                </Button>
              </Stack>
            </ActionForm>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
