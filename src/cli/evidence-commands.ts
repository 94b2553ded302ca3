import type { OperationOutput } from '../api/contract.js';
import { AttestError } from '../errors.js';
import { define, stringOption, type CommandArgs } from './command-def.js';
import { formatRows } from './format.js';
import { resolvePassphrase } from './passphrase.js';

/** The PKCS#12 passphrase: ATTEST_P12_PASSPHRASE, --p12-passphrase-file, or a prompt; never an argument. */
function p12Passphrase(args: CommandArgs): Promise<string> {
  return resolvePassphrase({ env: 'ATTEST_P12_PASSPHRASE', file: stringOption(args.values, 'p12-passphrase-file'), prompt: 'PKCS#12 passphrase', confirm: false }, args.env, args.terminal);
}

function describeSigner(out: OperationOutput<'signer.show'>): string {
  return formatRows([
    ['Signer', out.subject],
    ['Kind', out.source === 'imported' ? 'organisation certificate (imported PKCS#12)' : "the workspace's own self-signed certificate"],
    ['SHA-256', out.fingerprintSha256],
    ['Issuer', out.issuer],
    ['Valid', `${out.notBefore} to ${out.notAfter}`],
  ]);
}

const P12_PASSPHRASE_FILE = { 'p12-passphrase-file': { type: 'string' } } as const;

export const EVIDENCE_COMMANDS = [
  define({
    words: ['evidence'],
    operation: 'evidence.generate',
    summary: "Generate a campaign's signed evidence pack (PDF with its data attached), optionally an XLSX workpaper.",
    usage: 'attest evidence CAMPAIGN -w WS --out FILE.pdf [--xlsx FILE.xlsx] [--p12 FILE --p12-passphrase-file F]',
    positionals: ['CAMPAIGN'],
    options: { out: { type: 'string' }, xlsx: { type: 'string' }, p12: { type: 'string' }, ...P12_PASSPHRASE_FILE },
    workspace: true,
    input: async (args) => {
      const campaign = args.positionals[0];
      if (campaign === undefined) throw new AttestError('USAGE', 'Name the campaign: attest evidence CAMPAIGN --out FILE.pdf.');
      const out = stringOption(args.values, 'out');
      if (out === undefined) throw new AttestError('USAGE', 'Name the pack to write with --out FILE.pdf.');
      const p12 = stringOption(args.values, 'p12');
      return { campaign, out, xlsx: stringOption(args.values, 'xlsx'), p12, p12Passphrase: p12 === undefined ? undefined : await p12Passphrase(args) };
    },
    human: (out) =>
      [
        `Wrote the signed evidence pack ${out.path} (${out.pages} pages)`,
        formatRows([
          ['SHA-256', out.sha256],
          ['Signer SHA-256', out.signerFingerprintSha256],
          ...(out.xlsx ? ([['Workpaper', out.xlsx]] as [string, string][]) : []),
          ...out.attachments.map((a): [string, string] => [`Attached ${a.name}`, `${a.bytes.toLocaleString('en-US')} bytes, sha256 ${a.sha256}`]),
        ]),
        `Check it with: attest verify ${out.path}`,
      ].join('\n'),
  }),
  define({
    words: ['verify'],
    operation: 'evidence.verify',
    summary: 'Verify an evidence pack: signature over the whole file, nothing appended, attachments against the manifest; exit 1 on any failure.',
    usage: 'attest verify FILE.pdf',
    positionals: ['FILE'],
    workspace: false,
    input: (args) => {
      const path = args.positionals[0];
      if (path === undefined) throw new AttestError('USAGE', 'Name the evidence pack to verify: attest verify FILE.pdf.');
      return { path };
    },
    human: (out) =>
      [
        out.ok ? 'VALID: the pack is signed, unchanged since signing, and every attachment matches its manifest.' : 'NOT VALID: do not rely on this pack.',
        formatRows([
          ['Signature', out.signature],
          ['Signer', out.signer.subject ?? '—'],
          ['Signer SHA-256', out.signer.fingerprintSha256 ?? '—'],
          ['Signed at', out.signingTime ?? '—'],
          ['Manifest', out.manifestOk ? 'every attachment matches' : 'does not hold'],
          ...out.attachments.map((a): [string, string] => [a.name, `${a.ok ? 'ok' : 'MISMATCH'}  ${a.sha256 ?? 'unreadable'}`]),
        ]),
        ...out.problems.map((p) => `Problem: ${p}`),
        ...(out.signer.selfSigned ? ['Note: the signer certificate is self-signed (a workspace identity): compare its SHA-256 with the one you were given for this workspace.'] : []),
      ].join('\n'),
    failed: (out) => !out.ok,
  }),
  define({
    words: ['signer'],
    operation: 'signer.show',
    summary: "Show the workspace's signing identity (its certificate SHA-256 is on every pack).",
    usage: 'attest signer -w WS',
    positionals: [],
    workspace: true,
    input: () => ({}),
    human: describeSigner,
  }),
  define({
    words: ['signer', 'import'],
    operation: 'signer.import',
    summary: "Sign packs with an organisation's PKCS#12 (RSA) instead of the workspace's own certificate.",
    usage: 'attest signer import FILE.p12 -w WS [--p12-passphrase-file F]',
    positionals: ['FILE'],
    options: P12_PASSPHRASE_FILE,
    workspace: true,
    input: async (args) => {
      const path = args.positionals[0];
      if (path === undefined) throw new AttestError('USAGE', 'Name the PKCS#12 file: attest signer import FILE.p12.');
      return { path, passphrase: await p12Passphrase(args) };
    },
    human: (out) => `Packs are now signed by:\n${describeSigner(out)}`,
  }),
];
