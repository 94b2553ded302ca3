import { Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OperationInput, OperationOutput } from '../../../../src/api/contract';

type Campaign = OperationOutput<'campaigns.list'>['campaigns'][number];

export interface GeneratePackFormProps {
  /** Launched and closed campaigns (a draft has nothing to evidence yet). */
  campaigns: Campaign[];
  /** The workspace file's folder, where a new pack is suggested. */
  folder: string;
  busy: boolean;
  onGenerate: (input: OperationInput<'evidence.generate'>) => void;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'campaign';
}

/** Which campaign, where the pack (and its workpaper) go, and optionally an organisation certificate to sign with. */
export function GeneratePackForm({ campaigns, folder, busy, onGenerate }: GeneratePackFormProps) {
  const [campaign, setCampaign] = useState<string | null>(campaigns[0] ? String(campaigns[0].id) : null);
  const [out, setOut] = useState('');
  const [xlsx, setXlsx] = useState('');
  const [withP12, setWithP12] = useState(false);
  const [p12, setP12] = useState('');
  const [p12Passphrase, setP12Passphrase] = useState('');
  const chosen = campaigns.find((c) => String(c.id) === campaign);
  const suggested = chosen ? `${folder}evidence-${slug(chosen.name)}-${new Date().toISOString().slice(0, 10)}.pdf` : '';
  const target = out.trim() || suggested;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!campaign || target === '') return;
    onGenerate({
      campaign,
      out: target,
      xlsx: xlsx.trim() || undefined,
      p12: withP12 && p12.trim() ? p12.trim() : undefined,
      p12Passphrase: withP12 && p12.trim() ? p12Passphrase : undefined,
    });
  };

  return (
    <form aria-label="Generate an evidence pack" onSubmit={submit}>
      <Stack gap="md">
        <Select
          label="Campaign"
          description="The pack shows its population, reviewers, every decision, revocations and their verification."
          data={campaigns.map((c) => ({ value: String(c.id), label: `${c.name} (#${c.id}, ${c.state})` }))}
          value={campaign}
          onChange={setCampaign}
          allowDeselect={false}
          required
        />
        <TextInput
          label="Pack file (PDF)"
          description="A new file on this computer; Attest never overwrites one. Leave empty for the suggested name."
          placeholder={suggested}
          value={out}
          onChange={(e) => setOut(e.currentTarget.value)}
          spellCheck={false}
        />
        <TextInput label="XLSX workpaper (optional)" description="The same data as a spreadsheet, for auditors who work in one." placeholder={target.replace(/\.pdf$/i, '.xlsx')} value={xlsx} onChange={(e) => setXlsx(e.currentTarget.value)} spellCheck={false} />
        <Switch label="Sign this pack with an organisation certificate (PKCS#12) instead of the workspace's own" checked={withP12} onChange={(e) => setWithP12(e.currentTarget.checked)} />
        {withP12 && (
          <Group grow align="flex-start">
            <TextInput label="PKCS#12 file" placeholder="/path/to/organisation-signing.p12" value={p12} onChange={(e) => setP12(e.currentTarget.value)} spellCheck={false} required />
            <PasswordInput label="Its passphrase" value={p12Passphrase} onChange={(e) => setP12Passphrase(e.currentTarget.value)} autoComplete="off" />
          </Group>
        )}
        <Group>
          <Button type="submit" disabled={busy || !campaign || target === ''}>
            Generate and sign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
