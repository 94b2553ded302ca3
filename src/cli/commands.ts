import type { OperationName, OperationOutput } from '../api/contract.js';
import { AttestError } from '../errors.js';
import { readMappingFile } from './mapping-file.js';
import { readPassphraseFile, resolvePassphrase } from './passphrase.js';
import { describeDetails, formatRows } from './format.js';
import { formatSnapshotDiff } from './format-diff.js';
import { formatSample, formatSampleList } from './format-sample.js';
import { define, integerOption, requiredOption, stringOption, type CommandArgs, type CommandDef, type OptionValues } from './command-def.js';
import { SOD_COMMANDS } from './sod-commands.js';
import { CAMPAIGN_COMMANDS } from './campaign-commands.js';
import { EVIDENCE_COMMANDS } from './evidence-commands.js';

export type { CommandArgs, CommandDef, OptionValues } from './command-def.js';

export function passphraseFor(args: CommandArgs, prompt: string, confirm = false): Promise<string> {
  return resolvePassphrase({ env: 'ATTEST_PASSPHRASE', file: stringOption(args.values, 'passphrase-file'), prompt, confirm }, args.env, args.terminal);
}

function operatorOf(args: CommandArgs): string | undefined {
  return stringOption(args.values, 'operator') ?? (args.env.ATTEST_OPERATOR || undefined);
}

function positional(args: CommandArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new AttestError('USAGE', `Missing ${name}.`);
  return value;
}

function percentOption(values: OptionValues): number | undefined {
  const raw = stringOption(values, 'percent');
  if (raw === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new AttestError('USAGE', `--percent takes a number such as 5 or 2.5, not "${raw}".`);
  return Number(raw);
}

/**
 * The directory password: ATTEST_LDAP_PASSWORD, --password-file, or a prompt without echo; never
 * an argument. Only a bind DN given here asks for one: a saved connection brings its own, and
 * without a bind DN the bind is anonymous.
 */
async function ldapPassword(args: CommandArgs, bindDn: string | undefined): Promise<string | undefined> {
  const fromEnv = args.env.ATTEST_LDAP_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const file = stringOption(args.values, 'password-file');
  if (file !== undefined) return readPassphraseFile(file);
  if (bindDn === undefined) return undefined;
  if (!args.terminal.interactive) throw new AttestError('USAGE', `No password for ${bindDn}: set ATTEST_LDAP_PASSWORD, pass --password-file FILE, or run in a terminal to be asked.`);
  return args.terminal.askHidden(`LDAP password for ${bindDn}: `);
}

function numberOption(values: OptionValues, name: string): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new AttestError('USAGE', `--${name} takes a number, not "${raw}".`);
  return Number(raw);
}

const ACCOUNT_OPTIONS = { system: { type: 'string' }, account: { type: 'string' } } as const;

function accountOf(args: CommandArgs): { system: string; account: string } {
  return { system: requiredOption(args.values, 'system', 'NAME (the system the account is in)'), account: requiredOption(args.values, 'account', 'KEY (the account key or login)') };
}

function describeDecision(out: OperationOutput<'accounts.link'>): string {
  const who = out.decision === 'link' ? `linked to ${out.employeeId}` : out.decision === 'unlink' ? 'belongs to no identity' : out.decision === 'service' ? `is a service account owned by ${out.employeeId}` : 'is a shared account';
  return `${out.system} account ${out.login} (${out.accountKey}) ${who}, for every snapshot. Run "attest analyze" to see the effect.`;
}

function describeRun(out: OperationOutput<'analysis.findings'>): string {
  const counts = Object.entries(out.counts).filter(([, n]) => n > 0);
  return [
    `Analysis run #${out.runId} as of ${out.asOf} (dormant after ${out.parameters.dormantDays} days; outliers under ${out.parameters.outlierPercent}% of ≥ ${out.parameters.minPeers} peers)`,
    `Systems: ${out.snapshots.map((s) => `${s.system} (${s.asOf})`).join(', ') || 'none'}`,
    counts.length === 0 ? 'No findings.' : formatRows(counts),
    ...out.findings.map((f) => `${f.type.padEnd(18)} ${f.system}  ${f.account}  ${f.identity ?? '—'}  ${f.detail}`),
  ].join('\n');
}

/** Any command, whichever operation it calls. */
export type AnyCommand = { [K in OperationName]: CommandDef<K> }[OperationName];

export const COMMANDS: readonly AnyCommand[] = [
  define({
    words: ['init'],
    operation: 'workspace.create',
    summary: 'Create a new encrypted workspace (never overwrites a file).',
    usage: 'attest init FILE [--org NAME] [--operator NAME]',
    positionals: ['FILE'],
    options: { org: { type: 'string' } },
    workspace: false,
    input: async (args) => ({
      path: positional(args, 0, 'FILE (the workspace to create)'),
      passphrase: await passphraseFor(args, 'New workspace passphrase', true),
      org: stringOption(args.values, 'org'),
      operator: operatorOf(args),
    }),
    human: (out) => `Created workspace ${out.path}`,
  }),
  define({
    words: ['info'],
    operation: 'workspace.info',
    summary: 'Show what the workspace holds.',
    usage: 'attest info -w FILE',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: (out) =>
      formatRows([
        ['Workspace', `${out.path} (schema ${out.schemaVersion})`],
        ['Organisation', out.org || '—'],
        ['Created', out.createdAt],
        ['Systems', out.systems],
        ['Snapshots', out.snapshots],
        ['Identities', out.identities],
        ['Accounts', out.accounts],
        ['Entitlements', out.entitlements],
        ['Grants', out.grants],
        ['Campaigns', out.campaigns],
        ['Audit events', out.auditEvents],
        ['Signer SHA-256', out.signer.fingerprintSha256 ?? 'not yet created'],
      ]),
  }),
  define({
    words: ['passwd'],
    operation: 'workspace.changePassphrase',
    summary: 'Change the workspace passphrase (new one from ATTEST_NEW_PASSPHRASE, --new-passphrase-file, or a prompt).',
    usage: 'attest passwd -w FILE [--new-passphrase-file FILE]',
    positionals: [],
    options: { 'new-passphrase-file': { type: 'string' } },
    workspace: true,
    input: async (args) => ({
      currentPassphrase: await passphraseFor(args, 'Current passphrase'),
      newPassphrase: await resolvePassphrase(
        { env: 'ATTEST_NEW_PASSPHRASE', file: stringOption(args.values, 'new-passphrase-file'), prompt: 'New passphrase', confirm: true },
        args.env,
        args.terminal,
      ),
    }),
    human: (out) => `Passphrase changed for ${out.path}`,
  }),
  define({
    words: ['audit', 'verify'],
    operation: 'audit.verify',
    summary: 'Recompute the audit hash chain; exit 1 if any event was altered, removed or reordered.',
    usage: 'attest audit verify -w FILE',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: (out) =>
      out.ok
        ? `Audit trail intact: ${out.events} events, head ${out.head}`
        : `Audit trail BROKEN at event ${out.firstBadSeq} (of ${out.events}). The workspace was altered outside Attest.`,
    failed: (out) => !out.ok,
  }),
  define({
    words: ['audit', 'log'],
    operation: 'audit.list',
    summary: 'List audit events.',
    usage: 'attest audit log -w FILE [--after SEQ] [--limit N]',
    positionals: [],
    options: { after: { type: 'string' }, limit: { type: 'string' } },
    workspace: true,
    input: (args) => ({ afterSeq: integerOption(args.values, 'after'), limit: integerOption(args.values, 'limit') }),
    human: (out) => out.events.map((e) => `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${JSON.stringify(e.payload)}`).join('\n'),
  }),
  define({
    words: ['profiles'],
    operation: 'profiles.list',
    summary: 'List the import profiles (export formats) Attest reads.',
    usage: 'attest profiles',
    positionals: [],
    workspace: false,
    input: () => ({}),
    human: (out) => formatRows(out.profiles.map((p) => [p.name, `${p.kind.padEnd(10)} ${p.description}`])),
  }),
  define({
    words: ['import'],
    operation: 'import.run',
    summary: 'Import one snapshot of one system from one or more files (detects the profile unless given).',
    usage: 'attest import FILE [FILE ...] -w WS [--profile NAME] [--system NAME] [--as-of DATE] [--mapping FILE] [--evidence FILE ...] [--sheet NAME] [--date-order dmy|mdy|ymd] [--allow-incomplete] [--dry-run]',
    positionals: ['FILE'],
    variadic: true,
    options: {
      profile: { type: 'string' },
      system: { type: 'string' },
      'as-of': { type: 'string' },
      mapping: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      sheet: { type: 'string' },
      'date-order': { type: 'string' },
      'allow-incomplete': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    workspace: true,
    input: (args) => {
      if (args.positionals.length === 0) throw new AttestError('USAGE', 'Name the file(s) to import.');
      const order = stringOption(args.values, 'date-order');
      if (order !== undefined && order !== 'dmy' && order !== 'mdy' && order !== 'ymd') throw new AttestError('USAGE', `--date-order takes dmy, mdy or ymd, not "${order}".`);
      const mappingPath = stringOption(args.values, 'mapping');
      const sheet = stringOption(args.values, 'sheet');
      return {
        files: args.positionals.map((path) => ({ path, ...(sheet === undefined ? {} : { sheet }) })),
        profile: stringOption(args.values, 'profile'),
        system: stringOption(args.values, 'system'),
        asOf: stringOption(args.values, 'as-of'),
        mapping: mappingPath === undefined ? undefined : readMappingFile(mappingPath),
        dateOrder: order,
        evidence: args.values.evidence as string[] | undefined,
        allowIncomplete: args.values['allow-incomplete'] === true,
        dryRun: args.values['dry-run'] === true,
      };
    },
    human: (out) =>
      [
        ...(out.complete ? [] : ['WARNING: the population is incomplete (an unfinished sync); the snapshot is marked so.']),
        `${out.dryRun ? 'Dry run (nothing was saved): would import' : 'Imported'} snapshot ${out.dryRun ? '' : `#${out.snapshotId} `}of ${out.system} as of ${out.asOf} (${out.profile})`,
        formatRows([
          ['Rows read', out.rowsRead],
          ['Imported', out.rowsImported],
          ['Rejected', out.rowsRejected],
          ['Identities', out.identities],
          ['Accounts', out.accounts],
          ['Entitlements', out.entitlements],
          ['Grants', out.grants],
          ['SHA-256', out.sha256],
        ]),
        ...out.files.filter((f) => f.details !== null).map((f) => `${f.name}: ${describeDetails(f.details)}`),
        ...out.files.filter((f) => f.details === null).map((f) => `${f.name}: ${f.profile}${f.encoding ? `, ${f.encoding}` : ''}${f.delimiter && f.delimiter !== ',' ? `, delimiter ${JSON.stringify(f.delimiter)}` : ''}${f.sheet ? `, sheet "${f.sheet}"` : ''}${Object.keys(f.columns).length > 0 ? `; columns ${Object.entries(f.columns).map(([field, header]) => `${field} ← "${header}"`).join(', ')}` : ''}`),
        ...(out.dryRun
          ? [
              'First rows as they would land:',
              ...out.preview.identities.map((i) => `  ${i.employeeId}  ${i.displayName ?? ''}  ${i.email ?? ''}  ${i.status}`),
              ...out.preview.accounts.map((a) => `  ${a.login}  ${a.email ?? ''}  ${a.status}  ${a.accountType}${a.privileged ? '  privileged' : ''}  last login ${a.lastLogin ?? 'never/unknown'}`),
              ...out.preview.grants.map((g) => `  ${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`),
            ]
          : []),
        ...out.files.flatMap((f) => f.notes.map((n) => `Note (${f.name}): ${n}`)),
        ...out.notes.map((n) => `Note: ${n}`),
        ...out.rejected.slice(0, 20).map((r) => `Rejected ${r.file} line ${r.line}: ${r.reason}`),
        ...(out.rejected.length > 20 ? [`… and ${out.rowsRejected - 20} more rejected rows (see --json, or attest snapshots).`] : []),
      ].join('\n'),
  }),
  define({
    words: ['pull', 'ldap'],
    operation: 'pull.ldap',
    summary: 'Pull users, groups and memberships from a live LDAP / Active Directory server into one snapshot.',
    usage:
      'attest pull ldap -w WS (--url URL [--bind-dn DN] --base DN | --connection NAME) [--user-base DN] [--group-base DN] [--user-filter F] [--group-filter F] [--starttls] [--ca-file F] [--nested] [--system NAME] [--as-of DATE] [--page-size N] [--save-connection NAME] [--password-file F] [--dry-run]',
    positionals: [],
    options: {
      url: { type: 'string' },
      'bind-dn': { type: 'string' },
      base: { type: 'string' },
      'user-base': { type: 'string' },
      'group-base': { type: 'string' },
      'user-filter': { type: 'string' },
      'group-filter': { type: 'string' },
      starttls: { type: 'boolean' },
      'ca-file': { type: 'string' },
      nested: { type: 'boolean' },
      system: { type: 'string' },
      'as-of': { type: 'string' },
      'page-size': { type: 'string' },
      connection: { type: 'string' },
      'save-connection': { type: 'string' },
      'password-file': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    workspace: true,
    input: async (args) => {
      const bindDn = stringOption(args.values, 'bind-dn');
      return {
        connection: stringOption(args.values, 'connection'),
        url: stringOption(args.values, 'url'),
        bindDn,
        password: await ldapPassword(args, bindDn),
        base: stringOption(args.values, 'base'),
        userBase: stringOption(args.values, 'user-base'),
        groupBase: stringOption(args.values, 'group-base'),
        userFilter: stringOption(args.values, 'user-filter'),
        groupFilter: stringOption(args.values, 'group-filter'),
        startTls: args.values.starttls === true ? true : undefined,
        caFile: stringOption(args.values, 'ca-file'),
        nested: args.values.nested === true,
        system: stringOption(args.values, 'system'),
        asOf: stringOption(args.values, 'as-of'),
        pageSize: integerOption(args.values, 'page-size'),
        saveConnection: stringOption(args.values, 'save-connection'),
        dryRun: args.values['dry-run'] === true,
      };
    },
    human: (out) =>
      [
        `${out.dryRun ? 'Dry run (nothing was saved): would pull' : 'Pulled'} snapshot ${out.dryRun ? '' : `#${out.snapshotId} `}of ${out.system} as of ${out.asOf} from ${out.server}${out.bindDn ? ` as ${out.bindDn}` : ' (anonymous)'}`,
        formatRows([
          ...out.searches.map((s): [string, string] => [`${s.name[0]?.toUpperCase()}${s.name.slice(1)} found`, `${s.entries} under ${s.base} matching ${s.filter}`]),
          ['Accounts', String(out.accounts)],
          ['Entitlements', String(out.entitlements)],
          ['Grants', `${out.grants}${out.nestedGroups ? ' (nested groups expanded)' : ''}`],
          ['Rejected', String(out.rowsRejected)],
          ['SHA-256', out.sha256],
        ]),
        ...(out.savedConnection ? [`Connection saved in the workspace as "${out.savedConnection}" (password included, encrypted with the workspace).`] : []),
        ...(out.dryRun ? ['First records as they would land:', ...out.preview.accounts.map((a) => `  ${a.login}  ${a.status}${a.privileged ? '  privileged' : ''}`), ...out.preview.grants.map((g) => `  ${g.account} → ${g.entitlement}${g.via ? ` (via ${g.via})` : ''}`)] : []),
        ...out.notes.map((n) => `Note: ${n}`),
        ...out.rejected.slice(0, 20).map((r) => `Rejected: ${r.reason}`),
      ].join('\n'),
  }),
  define({
    words: ['snapshots'],
    operation: 'snapshots.list',
    summary: 'List snapshots with their provenance.',
    usage: 'attest snapshots -w WS [--system NAME]',
    positionals: [],
    options: { system: { type: 'string' } },
    workspace: true,
    input: (args) => ({ system: stringOption(args.values, 'system') }),
    human: (out) =>
      out.snapshots.length === 0
        ? 'No snapshots yet. Import one with "attest import FILE".'
        : out.snapshots.map((s) => `#${s.id}${s.complete ? '' : '  INCOMPLETE'}  ${s.system}  as of ${s.asOf}  ${s.profile}  ${s.rowsImported} rows (${s.rowsRejected} rejected)  ${s.fileName}  sha256 ${s.sha256.slice(0, 12)}…  by ${s.importedBy} ${s.importedAt}`).join('\n'),
  }),
  ...SOD_COMMANDS,
  ...CAMPAIGN_COMMANDS,
  ...EVIDENCE_COMMANDS,
  define({
    words: ['diff'],
    operation: 'snapshots.diff',
    summary: 'What changed between two snapshots of a system (default: its latest and the one before).',
    usage: 'attest diff -w WS --system NAME [--from SNAPSHOT] [--to SNAPSHOT]',
    positionals: [],
    options: { system: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    workspace: true,
    input: (args) => {
      const system = stringOption(args.values, 'system');
      if (system === undefined) throw new AttestError('USAGE', 'Name the system with --system NAME (see "attest snapshots").');
      return { system, from: integerOption(args.values, 'from'), to: integerOption(args.values, 'to') };
    },
    human: formatSnapshotDiff,
  }),
  define({
    words: ['sample'],
    operation: 'samples.draw',
    summary: 'Draw a reproducible random sample (recorded seed, population SHA-256) from accounts, grants, identities or findings, and store it.',
    usage: 'attest sample -w WS --population accounts|grants|identities|findings|campaign-items [--system NAME] [--snapshot ID] [--run ID] [--campaign ID] [--finding-type TYPE] --size N|--percent P [--seed S] [--method simple-random|systematic]',
    positionals: [],
    options: {
      population: { type: 'string' }, system: { type: 'string' }, snapshot: { type: 'string' }, run: { type: 'string' }, campaign: { type: 'string' }, 'finding-type': { type: 'string' },
      size: { type: 'string' }, percent: { type: 'string' }, seed: { type: 'string' }, method: { type: 'string' },
    },
    workspace: true,
    input: (args) => {
      const population = stringOption(args.values, 'population');
      if (population === undefined) throw new AttestError('USAGE', 'Name the population with --population accounts|grants|identities|findings.');
      const size = integerOption(args.values, 'size');
      const percent = percentOption(args.values);
      if ((size === undefined) === (percent === undefined)) throw new AttestError('USAGE', 'Give the sample size with either --size N or --percent P.');
      const method = stringOption(args.values, 'method');
      if (method !== undefined && method !== 'simple-random' && method !== 'systematic') throw new AttestError('USAGE', `--method takes simple-random or systematic, not "${method}".`);
      return {
        population, system: stringOption(args.values, 'system'), snapshotId: integerOption(args.values, 'snapshot'), runId: integerOption(args.values, 'run'), campaignId: integerOption(args.values, 'campaign'),
        findingType: stringOption(args.values, 'finding-type'), size, percent, seed: stringOption(args.values, 'seed'), method,
      };
    },
    human: formatSample,
  }),
  define({
    words: ['sample', 'show'],
    operation: 'samples.show',
    summary: 'Show a stored sample: how it was drawn and what it selected.',
    usage: 'attest sample show ID -w WS',
    positionals: ['ID'],
    workspace: true,
    input: (args) => {
      const id = positional(args, 0, 'ID (the sample to show; see "attest samples")');
      if (!/^\d+$/.test(id)) throw new AttestError('USAGE', `The sample ID is a number, not "${id}".`);
      return { id: Number(id) };
    },
    human: formatSample,
  }),
  define({
    words: ['samples'],
    operation: 'samples.list',
    summary: 'List the samples drawn in this workspace.',
    usage: 'attest samples -w WS',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: (out) => formatSampleList(out.samples),
  }),
  define({
    words: ['analyze'],
    operation: 'analysis.run',
    summary: 'Correlate accounts to identities and list the findings (leavers, orphans, dormant, privileged, no MFA, …); the run is stored.',
    usage: 'attest analyze -w WS [--as-of DATE] [--dormant-days N] [--outlier-percent P] [--min-peers N]',
    positionals: [],
    options: { 'as-of': { type: 'string' }, 'dormant-days': { type: 'string' }, 'outlier-percent': { type: 'string' }, 'min-peers': { type: 'string' } },
    workspace: true,
    input: (args) => ({
      asOf: stringOption(args.values, 'as-of'),
      dormantDays: integerOption(args.values, 'dormant-days'),
      outlierPercent: numberOption(args.values, 'outlier-percent'),
      minPeers: integerOption(args.values, 'min-peers'),
    }),
    human: (out) => describeRun(out),
  }),
  define({
    words: ['findings'],
    operation: 'analysis.findings',
    summary: 'List a stored analysis run (the latest unless --run names one), optionally one finding type.',
    usage: 'attest findings -w WS [--run ID] [--type TYPE]',
    positionals: [],
    options: { run: { type: 'string' }, type: { type: 'string' } },
    workspace: true,
    input: (args) => ({ runId: integerOption(args.values, 'run'), type: stringOption(args.values, 'type') }),
    human: (out) => describeRun(out),
  }),
  define({
    words: ['link'],
    operation: 'accounts.link',
    summary: 'Link an account to an identity by hand (every snapshot; wins over automatic correlation).',
    usage: 'attest link -w WS --system NAME --account KEY --identity EMPLOYEE_ID',
    positionals: [],
    options: { ...ACCOUNT_OPTIONS, identity: { type: 'string' } },
    workspace: true,
    input: (args) => ({ ...accountOf(args), employeeId: requiredOption(args.values, 'identity', 'EMPLOYEE_ID (the identity to link to)') }),
    human: describeDecision,
  }),
  define({
    words: ['unlink'],
    operation: 'accounts.unlink',
    summary: 'Decide that an account belongs to no identity, whatever the automatic rules match.',
    usage: 'attest unlink -w WS --system NAME --account KEY',
    positionals: [],
    options: ACCOUNT_OPTIONS,
    workspace: true,
    input: accountOf,
    human: describeDecision,
  }),
  define({
    words: ['mark'],
    operation: 'accounts.mark',
    summary: 'Mark an account as a service account owned by an identity, or as a shared account.',
    usage: 'attest mark -w WS --system NAME --account KEY (--service-owner EMPLOYEE_ID | --shared)',
    positionals: [],
    options: { ...ACCOUNT_OPTIONS, 'service-owner': { type: 'string' }, shared: { type: 'boolean' } },
    workspace: true,
    input: (args) => {
      const serviceOwner = stringOption(args.values, 'service-owner');
      const shared = args.values.shared === true;
      if ((serviceOwner === undefined) === !shared) throw new AttestError('USAGE', 'Give exactly one of --service-owner EMPLOYEE_ID and --shared.');
      return { ...accountOf(args), serviceOwner, shared: shared || undefined };
    },
    human: describeDecision,
  }),
  define({
    words: ['decisions'],
    operation: 'accounts.decisions',
    summary: 'List every decision a person made about an account (link, unlink, service owner, shared).',
    usage: 'attest decisions -w WS',
    positionals: [],
    options: {},
    workspace: true,
    input: () => ({}),
    human: (out) =>
      out.decisions.length === 0
        ? 'No decisions: the automatic correlation rules decide every account.'
        : out.decisions.map((d) => `${d.system} ${d.login} (${d.accountKey}): ${d.decision}${d.employeeId ? ` ${d.employeeId}` : ''}, by ${d.decidedBy} at ${d.decidedAt}`).join('\n'),
  }),
  define({
    words: ['forget'],
    operation: 'accounts.forget',
    summary: "Forget a person's decision about an account; the automatic correlation rules decide it again.",
    usage: 'attest forget -w WS --system NAME --account KEY',
    positionals: [],
    options: ACCOUNT_OPTIONS,
    workspace: true,
    input: accountOf,
    human: (out) => `Forgot the ${out.decision} decision about ${out.system} account ${out.login} (${out.accountKey}); the automatic rules decide it again. Run "attest analyze" to see the effect.`,
  }),
  define({
    words: ['demo'],
    operation: 'demo.create',
    summary: 'Write the demo company into DIR and walk it through import, analysis, SoD, a campaign and its evidence pack.',
    usage: 'attest demo DIR [--seed N]',
    positionals: ['DIR'],
    options: { seed: { type: 'string' } },
    workspace: false,
    input: async (args) => ({
      dir: positional(args, 0, 'DIR (the folder for the demo company)'),
      passphrase: await passphraseFor(args, 'Passphrase for the demo workspace', true),
      seed: integerOption(args.values, 'seed'),
    }),
    human: (out) =>
      [
        `Demo company written to ${out.dir}`,
        `Workspace: ${out.workspace}`,
        `Planted findings (the truth to test against): ${out.manifest}`,
        formatRows(out.files.map((f) => [f.name, `${f.rows} rows`])),
        'Imported:',
        formatRows(out.snapshots.map((s) => [s.system, `snapshot #${s.snapshotId}, ${s.rowsImported} rows${s.rowsRejected > 0 ? `, ${s.rowsRejected} rejected` : ''}`])),
        `Analysis run #${out.analysis.runId} as of ${out.analysis.asOf} (see "attest findings"):`,
        formatRows(Object.entries(out.analysis.counts).filter(([, n]) => n > 0).map(([type, n]) => [type, n])),
        `SoD run #${out.sod.runId} over the ${out.sod.rules} starter rules: ${out.sod.counts.violations} violations (see "attest sod run").`,
        `Campaign ${out.campaign.campaignId} (manager review) launched: ${out.campaign.items} items for ${out.campaign.reviewers} reviewers (see "attest campaign status ${out.campaign.campaignId}").`,
        `Evidence pack of the campaign as launched: ${out.evidence.path} (${out.evidence.pages} pages, signer ${out.evidence.signerFingerprintSha256}; check it with "attest verify ${out.evidence.path}").`,
      ].join('\n'),
  }),
];
