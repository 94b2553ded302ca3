import { constants, copyFileSync, linkSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AttestError } from '../errors.js';
import { withSmallPageCache } from '../store/page-cache.js';
import type { Workspace } from '../store/workspace.js';
import type { CampaignEvidence } from './campaign-evidence.js';
import { loadCampaignEvidence } from './load-campaign-evidence.js';
import { loadAuditEvidence, loadFindingsEvidence, loadSnapshotEvidence, loadSodEvidence } from './load-workspace-evidence.js';
import { stageAuditTrail, stagePackAttachments } from './pack-attachments.js';
import type { EvidencePackData } from './pack-data.js';
import { PackSteps, type PackWork } from './pack-steps.js';
import { renderPack } from './render-pack.js';
import type { KeyAndCertificate } from './self-signed-certificate.js';
import { signPackFile } from './sign-file.js';
import { describeCertificate, ensureSigningIdentity } from './signing-identity.js';
import type { AuditVerification } from '../audit/audit-log.js';

export interface BuildPackOptions extends PackWork {
  operator: string;
  /** The new file to write; an existing one is never replaced. */
  out: string;
  /** A campaign id; without one the pack covers the workspace as it stands. */
  campaignId?: string | undefined;
  /** The campaign part when the caller already has it (tests of the campaign sections). */
  campaign?: CampaignEvidence | undefined;
  /** Sign with this identity (an organisation PKCS#12 given for this pack) instead of the workspace's. */
  signWith?: KeyAndCertificate | undefined;
  /** The signing instant; now unless given. */
  now?: Date | undefined;
  location?: string | undefined;
}

export interface PackFileAttachment {
  name: string;
  mediaType: string;
  sha256: string;
  bytes: number;
}

export interface BuiltPack {
  path: string;
  sha256: string;
  pages: number;
  signerFingerprintSha256: string;
  data: EvidencePackData;
  attachments: PackFileAttachment[];
}

/**
 * Reads everything the pack shows, in one read transaction so that every part agrees; the audit
 * chain is checked here unless the caller gives the verdict it has (a pack checks it as it
 * attaches the trail).
 */
export async function loadPackData(
  ws: Workspace,
  options: Pick<BuildPackOptions, 'operator' | 'campaign' | 'campaignId'> & { auditChain?: AuditVerification },
  signer: { fingerprintSha256: string; subject: string; source: string },
  now: Date,
): Promise<EvidencePackData> {
  return Promise.resolve(
    ws.db.transaction(() => {
      const campaign = options.campaign ?? (options.campaignId === undefined ? null : loadCampaignEvidence(ws.db, options.campaignId));
      return {
        generatedAt: now,
        generatedBy: options.operator,
        org: ws.getMeta('org') ?? '',
        workspaceId: ws.getMeta('workspace_id') ?? '',
        signer,
        campaign,
        snapshots: loadSnapshotEvidence(ws.db, campaign),
        findings: loadFindingsEvidence(ws.db, campaign),
        sod: loadSodEvidence(ws.db),
        audit: loadAuditEvidence(ws.db, options.auditChain),
      };
    })(),
  );
}

/** Hard links are refused by some file systems (FAT, some network shares): those get a copy. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Gives the finished file its name, atomically and without replacing one that appeared meanwhile. */
function publish(partial: string, out: string): void {
  try {
    try {
      linkSync(partial, out);
    } catch (error) {
      if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(partial, out, constants.COPYFILE_EXCL);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AttestError('EXISTS', `${out} already exists, and Attest never overwrites a file. Choose a new name.`);
    throw new AttestError('READ_ONLY', `Cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a writable folder.`);
  }
  unlinkSync(partial);
}

/**
 * Builds and signs an evidence pack into the new file `out`. The attachments are staged in a
 * scratch folder as they are generated, the PDF is written through to a hidden partial file
 * beside `out` and signed there by streaming, then renamed: a cancelled or failed build leaves
 * no file behind. Nothing is written to the workspace here (a workspace without a signing
 * identity gets one first, audited); the caller records the pack it saved.
 */
export function buildEvidencePack(ws: Workspace, options: BuildPackOptions): Promise<BuiltPack> {
  return withSmallPageCache(ws.db, PACK_PAGE_CACHE_KIB, () => buildPack(ws, options));
}

/** SQLite's page cache while a pack is made: every table is read once, in order. */
const PACK_PAGE_CACHE_KIB = 4096;

async function buildPack(ws: Workspace, options: BuildPackOptions): Promise<BuiltPack> {
  const steps = new PackSteps(options);
  const now = options.now ?? new Date();
  // The PDF date format has whole seconds: the CMS signing time must be the same instant.
  now.setUTCMilliseconds(0);
  // An unknown campaign is refused before anything else happens (a signing identity being made, say).
  const campaign = options.campaign ?? (options.campaignId === undefined ? undefined : loadCampaignEvidence(ws.db, options.campaignId));
  const identity = options.signWith ?? (await ensureSigningIdentity(ws, options.operator));
  const described = describeCertificate(identity.certificatePems[0]!);
  const signer = { fingerprintSha256: described.fingerprintSha256, subject: described.subject, source: options.signWith ? 'imported' : ('source' in identity ? String(identity.source) : 'workspace') };
  const scratch = mkdtempSync(join(tmpdir(), 'attest-pack-'));
  const partial = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const trail = await stageAuditTrail(ws.db, scratch, steps);
    steps.report('reading', 0, 1);
    const data = await loadPackData(ws, { ...options, campaign, auditChain: trail.chain }, signer, now);
    steps.report('reading', 1, 1);
    const attachments = await stagePackAttachments(data, trail.file, scratch, steps);
    let rendered;
    try {
      rendered = await renderPack(
        data,
        attachments,
        {
          reason: data.campaign ? `Evidence of access review campaign ${data.campaign.campaign.id}` : 'Access evidence',
          location: options.location ?? (basename(ws.path) || 'Attest workspace'),
          contactInfo: data.org || 'Attest',
          name: described.subject,
          signingTime: now,
          certificatePems: identity.certificatePems,
        },
        partial,
        steps,
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'ENOENT' || code === 'EPERM') throw new AttestError('READ_ONLY', `Cannot write into ${dirname(options.out)} (${code}). Choose a writable folder.`);
      throw error;
    }
    const sha256 = await signPackFile(partial, rendered, identity, now, steps);
    steps.check();
    publish(partial, options.out);
    return {
      path: options.out,
      sha256,
      pages: rendered.pages,
      signerFingerprintSha256: described.fingerprintSha256,
      data,
      attachments: attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, sha256: a.sha256, bytes: a.bytes })),
    };
  } finally {
    rmSync(partial, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
