import type { OperationOutput } from '../api/contract.js';
import { AttestError } from '../errors.js';
import { formatRows } from './format.js';
import type { CommandArgs, OptionValues } from './command-def.js';
import { define, integerOption, requiredOption, stringOption } from './command-def.js';

function campaignId(args: CommandArgs): number {
  const raw = args.positionals[0];
  if (raw === undefined) throw new AttestError('USAGE', 'Name the campaign by its id (attest campaign list shows them).');
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) throw new AttestError('USAGE', `A campaign id is a whole number such as 1, not "${raw}".`);
  return Number(raw);
}


function itemOption(values: OptionValues): number {
  requiredOption(values, 'item', 'ITEM (the item id, from "attest campaign items")');
  return integerOption(values, 'item') ?? 0;
}

function list(values: OptionValues, name: string): string[] | undefined {
  const raw = stringOption(values, name);
  return raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function decisionOption(values: OptionValues): 'keep' | 'revoke' {
  const raw = requiredOption(values, 'decision', 'keep|revoke');
  if (raw !== 'keep' && raw !== 'revoke') throw new AttestError('USAGE', `--decision is keep or revoke, not "${raw}".`);
  return raw;
}

const FILTER_KEYS = ['system', 'entitlement', 'finding'] as const;

/** `--filter system=AWS --filter entitlement=Admin*`: the item filters a bulk decision or a listing takes. */
function filters(values: OptionValues): { system?: string; entitlement?: string; finding?: string } {
  const out: Record<string, string> = {};
  for (const f of (values.filter as string[] | undefined) ?? []) {
    const at = f.indexOf('=');
    const key = f.slice(0, at).trim();
    if (at < 1 || !(FILTER_KEYS as readonly string[]).includes(key)) throw new AttestError('USAGE', `--filter takes KEY=VALUE with KEY one of ${FILTER_KEYS.join(', ')}, not "${f}".`);
    out[key] = f.slice(at + 1).trim();
  }
  return out;
}

const CREATE_TYPES = ['manager', 'owner', 'entitlement-owner', 'privileged'] as const;
const STAGE_RULES = ['manager', 'owner', 'entitlement-owner', 'fallback'] as const;

function oneOf<T extends string>(values: readonly T[], raw: string, option: string): T {
  if (!(values as readonly string[]).includes(raw)) throw new AttestError('USAGE', `--${option} is one of ${values.join(', ')}, not "${raw}".`);
  return raw as T;
}

function statusText(out: OperationOutput<'campaigns.status'>): string {
  return [
    `Campaign ${out.campaignId} "${out.name}" (${out.type}): ${out.state}${out.dueOn ? `, due ${out.dueOn}` : ''}${out.overdue ? ' — OVERDUE' : ''}`,
    formatRows([
      ['Items', out.items],
      ['Decided', out.decided],
      ['Kept', out.kept],
      ['Revoked', out.revoked],
      ['Pending', out.pending],
      ['Remediation', `${out.remediation.verified} verified removed, ${out.remediation.stillPresent} still present, ${out.remediation.pending} awaiting a newer snapshot`],
    ]),
    'By reviewer (pending / kept / revoked):',
    ...out.byReviewer.map((r) => `  ${r.reviewer.padEnd(36)} ${r.pending} / ${r.kept} / ${r.revoked}${r.overdue ? '  overdue' : ''}`),
    'By system (pending / kept / revoked):',
    ...out.bySystem.map((s) => `  ${s.system.padEnd(36)} ${s.pending} / ${s.kept} / ${s.revoked}`),
  ].join('\n');
}

function previewText(out: OperationOutput<'campaigns.preview'>, verb: string): string {
  return [
    `Campaign ${out.campaignId}: ${out.items} items ${verb} (population SHA-256 ${out.populationSha256})`,
    ...out.reconciliation.map((r) => `  ${r.system}: ${r.grants} grants in snapshot #${r.snapshotId} = ${r.items} items + ${r.excluded} excluded`),
    ...out.reviewers.map((r) => `  reviewer ${r.reviewer}: ${r.items}`),
    ...out.unresolved.map((u) => `  NO REVIEWER: ${u.system} ${u.account} → ${u.entitlement} (stage ${u.stage}: ${u.reason})`),
    ...out.warnings.map((w) => `Warning: ${w}`),
  ].join('\n');
}

const ID = ['ID'] as const;

export const CAMPAIGN_COMMANDS = [
  define({
    words: ['campaign', 'create'],
    operation: 'campaigns.create',
    summary: 'Create a certification campaign (a draft until launched).',
    usage:
      'attest campaign create -w WS --name NAME --type manager|owner|entitlement-owner|privileged [--systems A,B] [--entitlements GLOB,…] [--privileged-only] [--new-access-only] [--stages manager,owner] [--due DATE] [--fallback EMAIL] [--no-response none|revoke|keep] [--justify keep,revoke] [--stale-days N]',
    positionals: [],
    options: {
      name: { type: 'string' }, type: { type: 'string' }, systems: { type: 'string' }, entitlements: { type: 'string' }, 'privileged-only': { type: 'boolean' }, 'new-access-only': { type: 'boolean' },
      stages: { type: 'string' }, due: { type: 'string' }, fallback: { type: 'string' }, 'no-response': { type: 'string' }, justify: { type: 'string' }, 'stale-days': { type: 'string' },
    },
    workspace: true,
    input: (args) => {
      const v = args.values;
      const noResponse = stringOption(v, 'no-response');
      return {
        name: requiredOption(v, 'name', 'NAME (what the campaign is called)'),
        type: oneOf(CREATE_TYPES, requiredOption(v, 'type', CREATE_TYPES.join('|')), 'type'),
        systems: list(v, 'systems'),
        entitlements: list(v, 'entitlements'),
        privilegedOnly: v['privileged-only'] === true ? true : undefined,
        newAccessOnly: v['new-access-only'] === true ? true : undefined,
        stages: list(v, 'stages')?.map((s) => oneOf(STAGE_RULES, s, 'stages')),
        due: stringOption(v, 'due'),
        fallback: stringOption(v, 'fallback'),
        noResponse: noResponse === undefined ? undefined : oneOf(['none', 'revoke', 'keep'] as const, noResponse, 'no-response'),
        justify: list(v, 'justify')?.map((d) => oneOf(['keep', 'revoke'] as const, d, 'justify')),
        staleDays: integerOption(v, 'stale-days'),
      };
    },
    human: (out) => `Created campaign ${out.campaignId}. Preview it with "attest campaign preview ${out.campaignId}", then launch it.`,
  }),
  define({
    words: ['campaign', 'list'],
    operation: 'campaigns.list',
    summary: 'List the campaigns.',
    usage: 'attest campaign list -w WS',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: (out) => (out.campaigns.length === 0 ? 'No campaigns yet.' : out.campaigns.map((c) => `${String(c.id).padStart(4)}  ${c.state.padEnd(8)} ${c.type.padEnd(17)} ${c.name}${c.dueOn ? `  due ${c.dueOn}` : ''}`).join('\n')),
  }),
  define({
    words: ['campaign', 'owner'],
    operation: 'campaigns.setOwner',
    summary: 'Set the owner (reviewer) of a system, or of entitlements matching a name or glob.',
    usage: 'attest campaign owner -w WS --system NAME [--entitlement NAME|GLOB] --reviewer EMAIL',
    positionals: [],
    options: { system: { type: 'string' }, entitlement: { type: 'string' }, reviewer: { type: 'string' } },
    workspace: true,
    input: (args) => ({ system: requiredOption(args.values, 'system', 'NAME'), entitlement: stringOption(args.values, 'entitlement'), reviewer: requiredOption(args.values, 'reviewer', 'EMAIL') }),
    human: (out) => `${out.reviewer} owns ${out.entitlement === null ? `the system ${out.system}` : `"${out.entitlement}" in ${out.system}`} for owner reviews.`,
  }),
  define({
    words: ['campaign', 'preview'],
    operation: 'campaigns.preview',
    summary: 'Show what launching would freeze: items, reviewers, items without a reviewer, stale snapshots.',
    usage: 'attest campaign preview ID -w WS',
    positionals: ID,
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args) }),
    human: (out) => previewText(out, 'would be frozen'),
    failed: (out) => out.unresolved.length > 0,
  }),
  define({
    words: ['campaign', 'launch'],
    operation: 'campaigns.launch',
    summary: 'Launch a campaign: freeze its population and route each item to its reviewers.',
    usage: 'attest campaign launch ID -w WS',
    positionals: ID,
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args) }),
    human: (out) => previewText(out, 'frozen'),
  }),
  define({
    words: ['campaign', 'items'],
    operation: 'campaigns.items',
    summary: "List a campaign's items with their reviewer and decision.",
    usage: 'attest campaign items ID -w WS [--reviewer EMAIL] [--outcome pending|keep|revoke] [--filter system=S|entitlement=GLOB|finding=TYPE …]',
    positionals: ID,
    options: { reviewer: { type: 'string' }, outcome: { type: 'string' }, filter: { type: 'string', multiple: true } },
    workspace: true,
    input: (args) => {
      const outcome = stringOption(args.values, 'outcome');
      return { campaignId: campaignId(args), reviewer: stringOption(args.values, 'reviewer'), outcome: outcome === undefined ? undefined : oneOf(['pending', 'keep', 'revoke'] as const, outcome, 'outcome'), ...filters(args.values) };
    },
    human: (out) =>
      out.items.length === 0
        ? 'No items.'
        : out.items.map((i) => `${String(i.id).padStart(6)}  ${i.outcome.padEnd(7)} ${i.system}  ${i.account} → ${i.entitlement}  ${i.identity ?? '—'}  reviewer ${i.reviewer}${i.findings.length > 0 ? `  [${i.findings.join(', ')}]` : ''}`).join('\n'),
  }),
  define({
    words: ['campaign', 'decide'],
    operation: 'campaigns.decide',
    summary: 'Record keep or revoke on one item, as its reviewer.',
    usage: 'attest campaign decide ID -w WS --item ITEM --decision keep|revoke --reviewer EMAIL [--comment TEXT] [--seconds N]',
    positionals: ID,
    options: { item: { type: 'string' }, decision: { type: 'string' }, reviewer: { type: 'string' }, comment: { type: 'string' }, seconds: { type: 'string' } },
    workspace: true,
    input: (args) => ({
      campaignId: campaignId(args),
      itemId: itemOption(args.values),
      decision: decisionOption(args.values),
      reviewer: requiredOption(args.values, 'reviewer', 'EMAIL (the reviewer deciding)'),
      comment: stringOption(args.values, 'comment'),
      secondsSpent: integerOption(args.values, 'seconds'),
      channel: 'cli' as const,
    }),
    human: (out) => `Item ${out.itemId}: ${out.decision} (stage ${out.stage})${out.supersedes === null ? '' : `, superseding decision #${out.supersedes}`}`,
  }),
  define({
    words: ['campaign', 'undo'],
    operation: 'campaigns.undo',
    summary: "Take back a reviewer's newest decision on an item (without --item: their most recent one in the campaign that can still be taken back): a superseding record restores what was in force before.",
    usage: 'attest campaign undo ID -w WS [--item ITEM] --reviewer EMAIL',
    positionals: ID,
    options: { item: { type: 'string' }, reviewer: { type: 'string' } },
    workspace: true,
    input: (args) => ({
      campaignId: campaignId(args), itemId: args.values.item === undefined ? undefined : itemOption(args.values),
      reviewer: requiredOption(args.values, 'reviewer', 'EMAIL (the reviewer whose decision is undone)'), channel: 'cli' as const,
    }),
    human: (out) =>
      `Item ${out.itemId} (${out.account} · ${out.system} · ${out.entitlement}): ${out.decision} #${out.undone} undone by #${out.decisionId}; stage ${out.stage} ${out.restored === null ? 'waits for its reviewer again' : `is ${out.restored} again`}`,
  }),
  define({
    words: ['campaign', 'bulk'],
    operation: 'campaigns.bulkDecide',
    summary: "Decide every pending item of a reviewer matching the filters; without --yes N only counts them.",
    usage: 'attest campaign bulk ID -w WS --reviewer EMAIL --decision keep|revoke [--filter system=S|entitlement=GLOB|finding=TYPE …] [--comment TEXT] [--yes COUNT]',
    positionals: ID,
    options: { reviewer: { type: 'string' }, decision: { type: 'string' }, filter: { type: 'string', multiple: true }, comment: { type: 'string' }, yes: { type: 'string' } },
    workspace: true,
    input: (args) => ({
      campaignId: campaignId(args),
      reviewer: requiredOption(args.values, 'reviewer', 'EMAIL (the reviewer deciding)'),
      decision: decisionOption(args.values),
      comment: stringOption(args.values, 'comment'),
      expectedCount: integerOption(args.values, 'yes'),
      channel: 'cli' as const,
      ...filters(args.values),
    }),
    human: (out) => (out.applied === 0 && out.matched > 0 ? `${out.matched} pending items match. Nothing was recorded: confirm with --yes ${out.matched} to decide them.` : `Decided ${out.applied} items.`),
  }),
  define({
    words: ['campaign', 'reassign'],
    operation: 'campaigns.reassign',
    summary: "Hand an item's waiting stage to another reviewer, with a reason.",
    usage: 'attest campaign reassign ID -w WS --item ITEM --reviewer EMAIL --to EMAIL --reason TEXT',
    positionals: ID,
    options: { item: { type: 'string' }, reviewer: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } },
    workspace: true,
    input: (args) => ({
      campaignId: campaignId(args),
      itemId: itemOption(args.values),
      reviewer: requiredOption(args.values, 'reviewer', 'EMAIL (its reviewer now)'),
      to: requiredOption(args.values, 'to', 'EMAIL (the new reviewer)'),
      reason: requiredOption(args.values, 'reason', 'TEXT (why)'),
      channel: 'cli' as const,
    }),
    human: (out) => `Item ${out.itemId} (stage ${out.stage}) is now with ${out.reviewer}.`,
  }),
  define({
    words: ['campaign', 'status'],
    operation: 'campaigns.status',
    summary: 'Progress per reviewer and system, overdue reviewers, remediation completeness.',
    usage: 'attest campaign status ID -w WS',
    positionals: ID,
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args) }),
    human: statusText,
  }),
  define({
    words: ['campaign', 'reminders'],
    operation: 'campaigns.reminders',
    summary: 'Write an e-mail draft (.eml) for each reviewer who still owes decisions.',
    usage: 'attest campaign reminders ID -w WS --out DIR',
    positionals: ID,
    options: { out: { type: 'string' } },
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args), dir: requiredOption(args.values, 'out', 'DIR (where to write the drafts)') }),
    human: (out) => (out.files.length === 0 ? 'Nobody owes a decision.' : out.files.map((f) => `${f.path}  (${f.reviewer}: ${f.pending} pending)`).join('\n')),
  }),
  define({
    words: ['campaign', 'workbooks'],
    operation: 'campaigns.workbooks',
    summary: 'Write one signed reviewer workbook (.xlsx) per reviewer with pending items.',
    usage: 'attest campaign workbooks ID -w WS --out DIR',
    positionals: ID,
    options: { out: { type: 'string' } },
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args), dir: requiredOption(args.values, 'out', 'DIR (where to write the workbooks)') }),
    human: (out) => (out.workbooks.length === 0 ? 'Nobody owes a decision.' : out.workbooks.map((w) => `${w.path}  (${w.reviewer}: ${w.items} items)`).join('\n')),
  }),
  define({
    words: ['campaign', 'apply-workbook'],
    operation: 'campaigns.applyWorkbook',
    summary: 'Apply the decisions of a returned reviewer workbook; tampered rows are rejected and named.',
    usage: 'attest campaign apply-workbook ID FILE -w WS',
    positionals: ['ID', 'FILE'],
    workspace: true,
    input: (args) => {
      const path = args.positionals[1];
      if (path === undefined) throw new AttestError('USAGE', 'Name the returned workbook: attest campaign apply-workbook ID FILE.');
      return { campaignId: campaignId(args), path };
    },
    human: (out) =>
      [
        `${out.reviewer}: applied ${out.applied}, unchanged ${out.unchanged}, left blank ${out.blank}, rejected ${out.rejected.length}`,
        ...out.rejected.map((r) => `  row ${r.row}${r.itemId === null ? '' : ` (item ${r.itemId})`}: ${r.reason}`),
      ].join('\n'),
    failed: (out) => out.rejected.length > 0,
  }),
  define({
    words: ['campaign', 'close'],
    operation: 'campaigns.close',
    summary: 'Close a campaign: apply the no-response default and fix the revocations.',
    usage: 'attest campaign close ID -w WS',
    positionals: ID,
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args) }),
    human: (out) => `Closed campaign ${out.campaignId}: ${out.revocations} revocations, ${out.kept} kept, ${out.defaultsApplied} decided by the no-response default, ${out.undecided} undecided. Export the list with "attest campaign remediation ${out.campaignId} --out FILE".`,
  }),
  define({
    words: ['campaign', 'remediation'],
    operation: 'campaigns.remediation',
    summary: 'The remediation list (one line per revoked grant, verified against newer snapshots); --out writes .csv or .xlsx.',
    usage: 'attest campaign remediation ID -w WS [--out FILE.csv|FILE.xlsx]',
    positionals: ID,
    options: { out: { type: 'string' } },
    workspace: true,
    input: (args) => ({ campaignId: campaignId(args), path: stringOption(args.values, 'out') }),
    human: (out) =>
      [
        ...out.lines.map((l) => `${l.verification.padEnd(16)} ${l.system}  ${l.account} → ${l.entitlement}  (reviewer ${l.reviewer})`),
        `${out.counts.verified} verified removed, ${out.counts.stillPresent} still present, ${out.counts.pending} awaiting a newer snapshot${out.path ? `; written to ${out.path}` : ''}`,
      ].join('\n'),
  }),
];
