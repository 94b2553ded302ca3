import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Workspace } from '../store/workspace.js';
import type { CampaignEvidence } from './campaign-evidence.js';
import { loadCampaignEvidence } from './load-campaign-evidence.js';
import { loadAuditEvidence, loadFindingsEvidence, loadSnapshotEvidence, loadSodEvidence } from './load-workspace-evidence.js';
import { packAttachments, type PackAttachment } from './pack-attachments.js';
import type { EvidencePackData } from './pack-data.js';
import { toPkcs12 } from './pkcs12.js';
import { renderPack } from './render-pack.js';
import type { KeyAndCertificate } from './self-signed-certificate.js';
import { signPdf } from './sign-pdf.js';
import { describeCertificate, ensureSigningIdentity } from './signing-identity.js';

export interface BuildPackOptions {
  operator: string;
  /** A campaign id; without one the pack covers the workspace as it stands. */
  campaignId?: string | undefined;
  /** The campaign part when the caller already has it (tests of the campaign sections). */
  campaign?: CampaignEvidence | undefined;
  /** Sign with this identity (an organisation PKCS#12 given for this pack) instead of the workspace's. */
  signWith?: KeyAndCertificate | undefined;
  /** The signing instant; now unless given. */
  now?: Date | undefined;
  location?: string | undefined;
  onProgress?: ((progress: { phase: string; done: number; total: number }) => void) | undefined;
}

export interface BuiltPack {
  pdf: Buffer;
  sha256: string;
  pages: number;
  signerFingerprintSha256: string;
  data: EvidencePackData;
  attachments: PackAttachment[];
}

/** Reads everything the pack shows, in one read transaction so that every part agrees. */
export async function loadPackData(ws: Workspace, options: BuildPackOptions, signer: { fingerprintSha256: string; subject: string; source: string }, now: Date): Promise<EvidencePackData> {
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
        audit: loadAuditEvidence(ws.db),
      };
    })(),
  );
}

/**
 * Builds and signs an evidence pack. Nothing is written to the workspace here (a workspace
 * without a signing identity gets one first, audited); the caller records the pack it saved.
 */
export async function buildEvidencePack(ws: Workspace, options: BuildPackOptions): Promise<BuiltPack> {
  const now = options.now ?? new Date();
  // The PDF date format has whole seconds: the CMS signing time must be the same instant.
  now.setUTCMilliseconds(0);
  // An unknown campaign is refused before anything else happens (a signing identity being made, say).
  const campaign = options.campaign ?? (options.campaignId === undefined ? undefined : loadCampaignEvidence(ws.db, options.campaignId));
  const identity = options.signWith ?? (await ensureSigningIdentity(ws, options.operator));
  const described = describeCertificate(identity.certificatePems[0]!);
  const signer = { fingerprintSha256: described.fingerprintSha256, subject: described.subject, source: options.signWith ? 'imported' : ('source' in identity ? String(identity.source) : 'workspace') };
  options.onProgress?.({ phase: 'reading', done: 0, total: 1 });
  const data = await loadPackData(ws, { ...options, campaign }, signer, now);
  const attachments = packAttachments(ws.db, data);
  const { pdf: unsigned, pages } = await renderPack(
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
    (page, total) => options.onProgress?.({ phase: 'pages', done: page, total }),
  );
  options.onProgress?.({ phase: 'signing', done: 0, total: 1 });
  const pdf = await signPdf(unsigned, toPkcs12(identity), now);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), pages, signerFingerprintSha256: described.fingerprintSha256, data, attachments };
}
