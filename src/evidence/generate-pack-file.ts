import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import type { CampaignEvidence } from './campaign-evidence.js';
import { buildEvidencePack } from './build-pack.js';
import type { PackWork } from './pack-steps.js';
import { readPkcs12 } from './pkcs12.js';
import { evidenceWorkpaper } from './workpaper-xlsx.js';

export interface GeneratePackRequest {
  campaign: string;
  /** The campaign's evidence when the caller already holds it (core callers; the API reads it by id). */
  campaignEvidence?: CampaignEvidence | undefined;
  out: string;
  xlsx?: string | undefined;
  p12?: string | undefined;
  p12Passphrase?: string | undefined;
  operator: string;
}

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new AttestError('FILE_NOT_FOUND', `Cannot read the ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
}

/** Writes a new file; an existing one is never replaced. */
function writeNew(path: string, bytes: Buffer): void {
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AttestError('EXISTS', `${path} already exists, and Attest never overwrites a file. Choose a new name.`);
    throw new AttestError('READ_ONLY', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a writable folder.`);
  }
}

function refuseExisting(path: string): void {
  if (!existsSync(path)) return;
  throw new AttestError('EXISTS', `${path} already exists, and Attest never overwrites a file. Choose a new name.`);
}

/**
 * Generates a campaign's pack (and optionally its workpaper) into new files, and records it in
 * the audit trail. Progress and cancellation as `work` gives them; cancelled or failed, it
 * leaves no file behind.
 */
export async function generateEvidencePack(ws: Workspace, request: GeneratePackRequest, work: PackWork = {}) {
  refuseExisting(request.out);
  if (request.xlsx !== undefined) refuseExisting(request.xlsx);
  const signWith = request.p12 === undefined ? undefined : readPkcs12(readInput(request.p12, 'PKCS#12 file'), request.p12Passphrase ?? '', basename(request.p12));
  const pack = await buildEvidencePack(ws, { operator: request.operator, out: request.out, campaignId: request.campaign, campaign: request.campaignEvidence, signWith, ...work });
  try {
    if (request.xlsx !== undefined) writeNew(request.xlsx, evidenceWorkpaper(pack.data, { sha256: pack.sha256, fileName: basename(request.out) }));
  } catch (error) {
    rmSync(request.out, { force: true });
    throw error;
  }
  const attachments = pack.attachments.map((a) => ({ name: a.name, sha256: a.sha256, bytes: a.bytes }));
  ws.change(request.operator, 'evidence.generated', () => undefined, () => ({ campaign: request.campaign, file: basename(request.out), sha256: pack.sha256, pages: pack.pages, signer: pack.signerFingerprintSha256, workpaper: request.xlsx === undefined ? null : basename(request.xlsx) }));
  return { path: request.out, sha256: pack.sha256, pages: pack.pages, signerFingerprintSha256: pack.signerFingerprintSha256, xlsx: request.xlsx ?? null, attachments };
}
