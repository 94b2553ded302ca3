import type { OperationOutput } from '../api/contract.js';
import { AttestError } from '../errors.js';
import { formatRows } from './format.js';
import type { CommandArgs, OptionValues } from './command-def.js';
import { define, stringOption } from './command-def.js';

function required(values: OptionValues, name: string, what: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new AttestError('USAGE', `Missing --${name} (${what}).`);
  return value;
}

function ownerOptions(args: CommandArgs): { identity: string | undefined; account: string | undefined } {
  return { identity: stringOption(args.values, 'identity'), account: stringOption(args.values, 'account') };
}

const OWNER_OPTIONS = { identity: { type: 'string' }, account: { type: 'string' } } as const;

function sideText(rule: OperationOutput<'sod.rules'>['rules'][number]['sides'][number]): string {
  return rule.alternatives
    .map((alt) => alt.matchers.map((m) => (m.kind === 'entitlement' ? `${m.system}:${m.entitlement}` : `${m.system ?? 'any'}:finding ${m.finding}`)).join(' AND '))
    .join(' OR ');
}

function violationLine(v: OperationOutput<'sod.run'>['violations'][number]): string {
  const who = v.identity ?? v.owner.name;
  const sides = [...new Set(v.grants.map((g) => g.side))].map((side) => `${side}: ${v.grants.filter((g) => g.side === side).map((g) => `${g.system}:${g.account}→${g.entitlement ?? `finding ${g.finding}`}`).join(', ')}`);
  return `${v.status.toUpperCase().padEnd(9)} ${v.ruleId} ${v.risk} ${who} (${v.owner.name})  ${sides.join('  ')}  first seen ${v.firstSeen}`;
}

export const SOD_COMMANDS = [
  define({
    words: ['sod', 'import'],
    operation: 'sod.import',
    summary: 'Import SoD rules from a CSV/XLSX rule file, or the starter library (--starter).',
    usage: 'attest sod import FILE|--starter -w WS',
    positionals: ['FILE'],
    options: { starter: { type: 'boolean' } },
    workspace: true,
    input: (args) => ({ path: args.positionals[0], starter: args.values.starter === true ? true : undefined }),
    human: (out) => [`Imported ${out.rules} rules (${out.sides} sides, ${out.matchers} matchers) from ${out.source}${out.replaced.length > 0 ? `; replaced ${out.replaced.join(', ')}` : ''}`, ...out.warnings.map((w) => `Warning: ${w}`)].join('\n'),
  }),
  define({
    words: ['sod', 'rules'],
    operation: 'sod.rules',
    summary: 'List the SoD rules.',
    usage: 'attest sod rules -w WS',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: (out) =>
      out.rules.length === 0
        ? 'No SoD rules yet. Import some with "attest sod import FILE" or "--starter".'
        : out.rules.map((r) => [`${r.id}  ${r.risk.padEnd(8)} ${r.name}${r.controls.length > 0 ? `  (controls: ${r.controls.join(', ')})` : ''}`, ...r.sides.map((s) => `    ${s.label}: ${sideText(s)}`)].join('\n')).join('\n'),
  }),
  define({
    words: ['sod', 'export'],
    operation: 'sod.export',
    summary: 'Write the SoD rules to a new .csv or .xlsx file (the import layout).',
    usage: 'attest sod export FILE.csv|FILE.xlsx -w WS',
    positionals: ['FILE'],
    workspace: true,
    input: (args) => {
      const path = args.positionals[0];
      if (path === undefined) throw new AttestError('USAGE', 'Name the file to export to (FILE.csv or FILE.xlsx).');
      return { path };
    },
    human: (out) => `Wrote ${out.rules} rules (${out.rows} rows) to ${out.path}`,
  }),
  define({
    words: ['sod', 'run'],
    operation: 'sod.run',
    summary: "Evaluate the SoD rules over each system's newest snapshot; stores the run.",
    usage: 'attest sod run -w WS [--as-of DATE]',
    positionals: [],
    options: { 'as-of': { type: 'string' } },
    workspace: true,
    input: (args) => ({ asOf: stringOption(args.values, 'as-of') }),
    human: (out) =>
      [
        `SoD run #${out.runId} as of ${out.asOf}: ${out.rules} rules over ${out.snapshots.length} systems`,
        formatRows([
          ['Violations', out.counts.violations],
          ['Open', out.counts.open],
          ['Mitigated', out.counts.mitigated],
          ['Excepted', out.counts.excepted],
        ]),
        ...out.violations.map(violationLine),
        ...out.warnings.map((w) => `Warning: ${w}`),
      ].join('\n'),
  }),
  define({
    words: ['sod', 'except'],
    operation: 'sod.except',
    summary: 'Grant a time-boxed exception to a rule for one identity or account.',
    usage: 'attest sod except -w WS --rule ID (--identity EMPLOYEE_ID | --account SYSTEM:ACCOUNT) --approver NAME --justification TEXT --from DATE --to DATE',
    positionals: [],
    options: { rule: { type: 'string' }, ...OWNER_OPTIONS, approver: { type: 'string' }, justification: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    workspace: true,
    input: (args) => ({
      rule: required(args.values, 'rule', 'the rule id'),
      ...ownerOptions(args),
      approver: required(args.values, 'approver', 'who approved the exception'),
      justification: required(args.values, 'justification', 'why'),
      from: required(args.values, 'from', 'first day, YYYY-MM-DD'),
      to: required(args.values, 'to', 'last day, YYYY-MM-DD'),
    }),
    human: (out) => `Exception #${out.exceptionId}: ${out.ruleId} for ${out.owner}, ${out.from} to ${out.to}`,
  }),
  define({
    words: ['sod', 'mitigate'],
    operation: 'sod.mitigate',
    summary: 'Attach a mitigating control to a rule (or, with --identity/--account, to one violation).',
    usage: 'attest sod mitigate -w WS --rule ID --control ID [--description TEXT --owner NAME --frequency TEXT] [--identity EMPLOYEE_ID | --account SYSTEM:ACCOUNT]',
    positionals: [],
    options: { rule: { type: 'string' }, control: { type: 'string' }, description: { type: 'string' }, owner: { type: 'string' }, frequency: { type: 'string' }, ...OWNER_OPTIONS },
    workspace: true,
    input: (args) => ({
      rule: required(args.values, 'rule', 'the rule id'),
      control: required(args.values, 'control', 'the control id'),
      description: stringOption(args.values, 'description'),
      owner: stringOption(args.values, 'owner'),
      frequency: stringOption(args.values, 'frequency'),
      ...ownerOptions(args),
    }),
    human: (out) => `Control ${out.control} ${out.attached ? 'attached to' : 'was already attached to'} ${out.ruleId}${out.violationOwner ? ` for ${out.violationOwner}` : ''}`,
  }),
  define({
    words: ['sod', 'simulate'],
    operation: 'sod.simulate',
    summary: 'Show which SoD rules would fire if an identity or account were given more access.',
    usage: 'attest sod simulate -w WS (--identity EMPLOYEE_ID | --account SYSTEM:ACCOUNT) --add SYSTEM:ENTITLEMENT [--add …]',
    positionals: [],
    options: { ...OWNER_OPTIONS, add: { type: 'string', multiple: true } },
    workspace: true,
    input: (args) => ({ ...ownerOptions(args), add: (args.values.add as string[] | undefined) ?? [] }),
    human: (out) =>
      out.wouldFire.length === 0
        ? `No rule would fire for ${out.owner}.`
        : [`For ${out.owner}, adding ${out.added.map((a) => `${a.system}:${a.entitlement}`).join(', ')} would break:`, ...out.wouldFire.map((r) => `  ${r.ruleId} ${r.risk} ${r.ruleName}${r.already ? ' (already broken today)' : ''}`)].join('\n'),
  }),
];
