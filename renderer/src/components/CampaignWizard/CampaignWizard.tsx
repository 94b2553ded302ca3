import { Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Stepper, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OperationInput } from '../../../../src/api/contract';
import type { ApiError } from '../../../../src/api/result';
import { call } from '../../api/client';
import { NO_RESPONSE_LABELS, RULE_LABELS, TYPE_LABELS } from '../../campaign-words';
import { useOperation } from '../../hooks/useOperation';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { DraftLaunchPanel } from '../DraftLaunchPanel';

type Create = OperationInput<'campaigns.create'>;
type Rule = NonNullable<Create['stages']>[number];

const DEFAULT_STAGES: Record<Create['type'], Rule[]> = { manager: ['manager'], owner: ['owner'], 'entitlement-owner': ['entitlement-owner'], privileged: ['owner'] };
const TYPE_HELP: Record<Create['type'], string> = {
  manager: "Each person's manager (from HR) reviews their access.",
  owner: "Each system's owner reviews every grant of the system.",
  'entitlement-owner': "Each entitlement's owner reviews who holds it (else the system's owner).",
  privileged: 'Only privileged access, reviewed by the system owner.',
};
const RULES = Object.entries(RULE_LABELS).map(([value, label]) => ({ value, label }));

export interface CampaignWizardProps {
  onLaunched: (campaignId: number) => void;
  onCancel: () => void;
}

/** Define a campaign (type, scope, stages and reviewers, due date, options), create it as a draft, check it, launch it. */
export function CampaignWizard({ onLaunched, onCancel }: CampaignWizardProps) {
  const summary = useOperation('dashboard.summary', {});
  const systems = (summary.data?.systems ?? []).filter((s) => s.latest && s.latest.content !== 'identities').map((s) => s.system);
  const [step, setStep] = useState(0);
  const [spec, setSpec] = useState<Create>({ name: '', type: 'manager', systems: [], entitlements: [], privilegedOnly: false, newAccessOnly: false, stages: ['manager'], justify: [], noResponse: 'none', staleDays: 30 });
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Create>): void => setSpec((s) => ({ ...s, ...patch }));
  const stages = spec.stages ?? [];

  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const input: Create = { ...spec, fallback: spec.fallback?.trim() || undefined, due: spec.due || undefined, systems: spec.systems?.length ? spec.systems : undefined, entitlements: spec.entitlements?.length ? spec.entitlements : undefined };
    const result = await call('campaigns.create', input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setCampaignId(result.value.campaignId);
    setStep(3);
  };

  return (
    <Stack gap="lg">
      <Stepper active={step} onStepClick={campaignId === null ? setStep : undefined} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label="Type and scope" description="What is reviewed">
          <Paper withBorder p="lg">
            <Stack gap="md">
              <TextInput label="Name" placeholder="Q4 2026 user access review" value={spec.name} onChange={(e) => set({ name: e.currentTarget.value })} required maw={520} data-autofocus />
              <Radio.Group label="Type" value={spec.type} onChange={(value) => set({ type: value, stages: DEFAULT_STAGES[value], privilegedOnly: value === 'privileged' ? true : spec.privilegedOnly })}>
                <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs">
                  {(Object.keys(TYPE_LABELS) as Create['type'][]).map((type) => (
                    <Radio key={type} value={type} label={TYPE_LABELS[type]} description={TYPE_HELP[type]} />
                  ))}
                </SimpleGrid>
              </Radio.Group>
              <MultiSelect label="Systems" description="None chosen: every system with an access snapshot" placeholder={systems.length ? 'All systems' : 'No system imported yet'} data={systems} value={spec.systems ?? []} onChange={(value) => set({ systems: value })} clearable searchable maw={520} />
              <TagsInput label="Entitlements" description="Names or keys, exact or with * (Enter after each); none: every entitlement" value={spec.entitlements ?? []} onChange={(value) => set({ entitlements: value })} maw={520} />
              <Group>
                <Switch label="Privileged access only" checked={spec.privilegedOnly ?? false} disabled={spec.type === 'privileged'} onChange={(e) => set({ privilegedOnly: e.currentTarget.checked })} />
                <Switch label="New access only (not in the previous snapshot)" checked={spec.newAccessOnly ?? false} onChange={(e) => set({ newAccessOnly: e.currentTarget.checked })} />
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label="Reviewers" description="Stages and fallback">
          <Paper withBorder p="lg">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                Each stage names its reviewer by a rule. Keep at one stage moves the item to the next; revoke at any stage settles it. Nobody reviews their own access, and a later stage needs a reviewer no earlier stage had.
              </Text>
              {stages.map((rule, i) => (
                <Group key={i} align="flex-end">
                  <Select label={`Stage ${i + 1} reviewer`} data={RULES} value={rule} onChange={(value) => value && set({ stages: stages.map((r, j) => (j === i ? (value as Rule) : r)) })} allowDeselect={false} w={320} />
                  {stages.length > 1 && (
                    <Button variant="subtle" color="red" onClick={() => set({ stages: stages.filter((_, j) => j !== i) })} aria-label={`Remove stage ${i + 1}`}>
                      Remove
                    </Button>
                  )}
                </Group>
              ))}
              {stages.length < 3 && (
                <Button variant="default" w="fit-content" onClick={() => set({ stages: [...stages, 'fallback'] })}>
                  Add a stage
                </Button>
              )}
              <TextInput label="Fallback reviewer" description="Reviews what no rule can route, and items whose reviewer would review their own access" placeholder="grc@example.com" value={spec.fallback ?? ''} onChange={(e) => set({ fallback: e.currentTarget.value })} maw={420} />
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label="Options" description="Due date, comments, no response">
          <Paper withBorder p="lg">
            <Stack gap="md">
              <TextInput type="date" label="Due date" description="Reviewers with pending items after it are overdue" value={spec.due ?? ''} onChange={(e) => set({ due: e.currentTarget.value })} w={220} />
              <Checkbox.Group label="A comment is required to" value={spec.justify ?? []} onChange={(value) => set({ justify: value })}>
                <Group mt="xs">
                  <Checkbox value="keep" label="Keep" />
                  <Checkbox value="revoke" label="Revoke" />
                </Group>
              </Checkbox.Group>
              <Select label="At close, an item nobody decided is" data={Object.entries(NO_RESPONSE_LABELS).map(([value, label]) => ({ value, label }))} value={spec.noResponse ?? 'none'} onChange={(value) => value && set({ noResponse: value as Create['noResponse'] })} allowDeselect={false} maw={480} />
              <NumberInput label="Stale snapshot limit (days)" description="The pre-launch check warns about older snapshots" min={1} max={3650} value={spec.staleDays ?? 30} onChange={(value) => set({ staleDays: typeof value === 'number' ? value : 30 })} w={220} />
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label="Pre-launch check" description="Counts, unroutable, stale">
          {campaignId !== null && <DraftLaunchPanel campaignId={campaignId} onLaunched={() => onLaunched(campaignId)} />}
        </Stepper.Step>
      </Stepper>
      <ApiErrorAlert error={error} title="The campaign was not created" />
      {step < 3 && (
        <Group justify="space-between">
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <Group>
            {step > 0 && (
              <Button variant="default" onClick={() => setStep(step - 1)}>
                Back
              </Button>
            )}
            {step < 2 ? (
              <Button onClick={() => setStep(step + 1)} disabled={!spec.name.trim()}>
                Next
              </Button>
            ) : (
              <Button onClick={() => void create()} loading={busy}>
                Create draft and check
              </Button>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}
