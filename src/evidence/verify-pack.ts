import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AttestError } from '../errors.js';
import { checkCmsSignature } from './cms-signature.js';
import { MANIFEST_NAME, parseManifest } from './manifest.js';
import { decodeStream, isDict, PdfFile, PdfFormatError, PdfName, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';
import { describeCertificate } from './signing-identity.js';

export interface PackVerification {
  ok: boolean;
  signature: 'valid' | 'invalid' | 'missing';
  signer: { fingerprintSha256: string | null; subject: string | null; selfSigned: boolean | null };
  signingTime: string | null;
  /** Every embedded file, checked against the manifest (the manifest itself is listed last). */
  attachments: { name: string; sha256: string | null; ok: boolean }[];
  manifestOk: boolean;
  /** What failed, in words: empty when ok. */
  problems: string[];
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Attachment {
  name: string;
  bytes: Buffer | null;
}

/** The embedded files named in the catalog's names tree, decoded (null when a stream cannot be). */
export function readAttachments(pdf: PdfFile): Attachment[] {
  const root = pdf.dict(pdf.trailer.get('Root'));
  const tree = pdf.dict(pdf.dict(root?.get('Names'))?.get('EmbeddedFiles'));
  const names = tree === undefined ? [] : (pdf.resolve(tree.get('Names')) as PdfValue[] | undefined) ?? [];
  const out: Attachment[] = [];
  for (let i = 0; i + 1 < names.length; i += 2) {
    const key = names[i];
    const spec = pdf.dict(names[i + 1]);
    const name = key instanceof PdfString ? key.text : '?';
    const stream = pdf.stream(pdf.dict(spec?.get('EF'))?.get('F'));
    let bytes: Buffer | null = null;
    try {
      bytes = stream ? decodeStream(stream) : null;
    } catch {
      bytes = null;
    }
    out.push({ name, bytes });
  }
  return out;
}

/** The one signature dictionary (a /Type /Sig with a /ByteRange), or undefined. */
function findSignature(pdf: PdfFile): PdfDict[] {
  const found: PdfDict[] = [];
  for (const { value } of pdf.objects()) {
    if (isDict(value) && value.get('Type') instanceof PdfName && (value.get('Type') as PdfName).name === 'Sig' && value.has('ByteRange')) found.push(value);
  }
  return found;
}

function checkSignature(bytes: Buffer, pdf: PdfFile, result: PackVerification): void {
  const signatures = findSignature(pdf);
  if (signatures.length === 0) {
    result.signature = 'missing';
    result.problems.push('the file carries no signature');
    return;
  }
  result.signature = 'invalid';
  if (signatures.length > 1) {
    result.problems.push(`the file carries ${signatures.length} signatures; a pack has one`);
    return;
  }
  const sig = signatures[0]!;
  const range = sig.get('ByteRange');
  const contents = sig.get('Contents');
  if (!Array.isArray(range) || range.length !== 4 || !range.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) || !(contents instanceof PdfString)) {
    result.problems.push('the signature has no usable /ByteRange or /Contents');
    return;
  }
  const [a, b, c, d] = range as number[];
  // The byte range must be the whole file but for the hole holding <hex contents>.
  const holeOk = bytes[b!] === 0x3c && bytes[c! - 1] === 0x3e && (c! - b! - 2) === contents.bytes.length * 2;
  if (a !== 0 || b! >= c! || !holeOk) {
    result.problems.push('the signed byte range does not cover the whole file but the signature itself');
    return;
  }
  if (c! + d! !== bytes.length) {
    result.problems.push(c! + d! < bytes.length ? `${bytes.length - c! - d!} bytes were appended after signing` : 'the file is shorter than the signed byte range');
    return;
  }
  const check = checkCmsSignature(contents.bytes, [bytes.subarray(0, b), bytes.subarray(c, c! + d!)]);
  if (check.signer) {
    const described = describeCertificate(check.signer.raw);
    result.signer = { fingerprintSha256: described.fingerprintSha256, subject: described.subject, selfSigned: described.selfSigned };
  }
  result.signingTime = check.signingTime?.toISOString() ?? null;
  if (check.problem) {
    result.problems.push(check.problem);
    return;
  }
  result.signature = 'valid';
}

function checkManifest(pdf: PdfFile, result: PackVerification): void {
  const attachments = readAttachments(pdf);
  const manifestFile = attachments.find((f) => f.name === MANIFEST_NAME);
  const manifest = manifestFile?.bytes ? parseManifest(manifestFile.bytes) : null;
  if (!manifest) result.problems.push(manifestFile ? `${MANIFEST_NAME} cannot be read` : `the pack has no ${MANIFEST_NAME}`);
  const listed = new Map((manifest?.attachments ?? []).map((a) => [a.name, a.sha256]));
  for (const file of attachments.filter((f) => f.name !== MANIFEST_NAME)) {
    const digest = file.bytes ? sha256(file.bytes) : null;
    const expected = listed.get(file.name);
    const ok = digest !== null && expected === digest;
    if (!ok) result.problems.push(digest === null ? `${file.name} cannot be decoded` : expected === undefined ? `${file.name} is not in the manifest` : `${file.name} does not match its SHA-256 in the manifest`);
    result.attachments.push({ name: file.name, sha256: digest, ok });
    listed.delete(file.name);
  }
  for (const name of listed.keys()) result.problems.push(`${name} is in the manifest but not in the pack`);
  if (manifestFile) result.attachments.push({ name: MANIFEST_NAME, sha256: manifestFile.bytes ? sha256(manifestFile.bytes) : null, ok: manifest !== null });
  const signerOk = manifest === null || result.signer.fingerprintSha256 === null || manifest.signer.fingerprintSha256 === result.signer.fingerprintSha256;
  if (!signerOk) result.problems.push('the manifest names a different signer than the one who signed');
  result.manifestOk = manifest !== null && listed.size === 0 && signerOk && result.attachments.every((a) => a.ok);
}

/** Verifies a pack's bytes: the signature over the whole file, nothing appended, every attachment against the manifest. */
export function verifyPackBytes(bytes: Buffer): PackVerification {
  const result: PackVerification = { ok: false, signature: 'missing', signer: { fingerprintSha256: null, subject: null, selfSigned: null }, signingTime: null, attachments: [], manifestOk: false, problems: [] };
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AttestError('NOT_A_PDF', 'The file is not a PDF. Give the evidence pack (.pdf) that "attest evidence" wrote.');
  // Bytes appended after the last %%EOF: read the file as written, and let the byte-range check name them.
  const eof = bytes.lastIndexOf('%%EOF');
  const written = eof < 0 ? bytes : bytes.subarray(0, bytes.length - bytes.subarray(eof + 5).toString('latin1').replace(/^\r?\n/, '').length);
  let pdf: PdfFile;
  try {
    pdf = new PdfFile(written);
  } catch (error) {
    if (!(error instanceof PdfFormatError)) throw error;
    // A PDF changed after signing (bytes appended, an update saved) may no longer parse as written.
    result.problems.push(`the PDF's structure is not the one a pack is written with: ${error.message}`);
    result.signature = /%%EOF/.test(bytes.toString('latin1', Math.max(0, bytes.length - 4096))) && bytes.includes('/ByteRange') ? 'invalid' : 'missing';
    return result;
  }
  try {
    checkSignature(bytes, pdf, result);
    if (pdf.unreadable.length > 0) result.problems.push(`${pdf.unreadable.length} object(s) of the PDF cannot be read (first: object ${pdf.unreadable[0]})`);
    checkManifest(pdf, result);
  } catch (error) {
    if (!(error instanceof PdfFormatError)) throw error;
    result.problems.push(`the PDF cannot be read: ${error.message}`);
  }
  result.ok = result.signature === 'valid' && result.manifestOk && result.problems.length === 0;
  return result;
}

export function verifyPackFile(path: string): PackVerification {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AttestError('FILE_NOT_FOUND', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
  return verifyPackBytes(bytes);
}
