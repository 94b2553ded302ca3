import { z } from 'zod';
import { DROPPED_BYTES_LIMIT, droppedBase64 } from './dropped-bytes.js';
import { operation } from './operation.js';

/** Evidence packs and the signing identity: the operations, spread into the one contract. */
const path = z.string().min(1, 'a file path is required');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const signerDescription = z.object({
  fingerprintSha256: sha256,
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  selfSigned: z.boolean(),
  source: z.enum(['workspace', 'imported']),
  /** PEM, the signer's certificate first: what an auditor pins or imports into a PDF reader's trust list. */
  certificatePem: z.string(),
});

export const packVerification = z.object({
  ok: z.boolean(),
  signature: z.enum(['valid', 'invalid', 'missing']),
  signer: z.object({ fingerprintSha256: sha256.nullable(), subject: z.string().nullable(), selfSigned: z.boolean().nullable() }),
  signingTime: z.string().nullable(),
  attachments: z.array(z.object({ name: z.string(), sha256: sha256.nullable(), ok: z.boolean() })),
  manifestOk: z.boolean(),
  problems: z.array(z.string()),
});



/** The largest pack `evidence.verifyBytes` takes (any dropped file's limit). */
export const VERIFY_BYTES_LIMIT = DROPPED_BYTES_LIMIT;

export const evidenceOperations = {
  'evidence.generate': operation({
    summary: "Generate a campaign's signed evidence pack (PDF with the data attached), optionally its XLSX workpaper; never overwrites a file.",
    scope: 'workspace',
    input: z.object({
      campaign: z.string().trim().min(1, 'name the campaign'),
      out: path,
      xlsx: path.optional(),
      /** Sign with an organisation PKCS#12 for this pack instead of the workspace's identity. */
      p12: path.optional(),
      p12Passphrase: z.string().optional(),
    }),
    output: z.object({
      path: z.string(),
      sha256,
      pages: z.number().int(),
      signerFingerprintSha256: sha256,
      xlsx: z.string().nullable(),
      attachments: z.array(z.object({ name: z.string(), sha256, bytes: z.number().int() })),
    }),
  }),
  'evidence.verify': operation({
    summary: "Verify an evidence pack: the signature over the whole file, nothing appended, every attachment against the manifest (no workspace needed).",
    scope: 'none',
    input: z.object({ path }),
    output: packVerification,
  }),
  'evidence.verifyBytes': operation({
    summary: 'Verify an evidence pack sent as its bytes (base64, at most 11 MB), for a page that holds a dropped file but not its path (no workspace needed).',
    scope: 'none',
    input: z.object({
      name: z.string().max(1000),
      base64: droppedBase64('the pack is larger than 11 MB: give its path instead').min(1, 'the file is empty'),
    }),
    output: packVerification,
  }),
  'signer.show': operation({
    summary: "The workspace's signing identity (made on first use when the workspace has none).",
    scope: 'workspace',
    input: z.object({}),
    output: signerDescription,
  }),
  'signer.import': operation({
    summary: "Replace the workspace's signing identity with an organisation's PKCS#12 (RSA key and certificate).",
    scope: 'workspace',
    input: z.object({ path, passphrase: z.string() }),
    output: signerDescription,
  }),
} as const;
