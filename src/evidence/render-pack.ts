import PDFDocument from 'pdfkit';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { FileSink } from './file-sink.js';
import type { PackSteps } from './pack-steps.js';
import { embedStagedFile } from './pdf/embed-file.js';
import type { StagedAttachment } from './staged-attachment.js';
import type { EvidencePackData } from './pack-data.js';
import { PackWriter, type PageFrame } from './pdf/pack-writer.js';
import { FONT_FILES, type FontName } from './pdf/theme.js';
import { auditSection } from './sections/audit-section.js';
import { contentsPage } from './sections/contents.js';
import { coverPage } from './sections/cover.js';
import { decisionDetail } from './sections/decision-detail.js';
import { decisionSummary } from './sections/decision-summary.js';
import { findingsSection } from './sections/findings-section.js';
import { when } from './sections/format.js';
import { populationCompleteness } from './sections/population.js';
import { remediationSection } from './sections/remediation.js';
import { reviewerRoster } from './sections/reviewers.js';
import { scopeAndMethod } from './sections/scope-method.js';
import { sodSection } from './sections/sod-section.js';
import { signOffPage } from './sections/sign-off.js';
import { signatureLengthFor } from './sign-file.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface SignatureFields {
  reason: string;
  location: string;
  contactInfo: string;
  name: string;
  /** The same instant in the signature dictionary (/M), the CMS signing time, the info dictionary and the cover. */
  signingTime: Date;
  certificatePems: readonly string[];
}

/** The sections in order; the campaign's only when there is one. */
function sectionList(data: EvidencePackData): { id: string; title: string }[] {
  return [
    { id: 'scope', title: 'Scope and method' },
    { id: 'population', title: 'Population completeness' },
    ...(data.campaign
      ? [
          { id: 'reviewers', title: 'Reviewer roster and independence' },
          { id: 'summary', title: 'Decision summary' },
          { id: 'detail', title: 'Decision detail' },
          { id: 'remediation', title: 'Revocations and remediation' },
        ]
      : []),
    { id: 'sod', title: 'Segregation of duties' },
    { id: 'findings', title: 'Findings and their disposition' },
    { id: 'audit', title: 'Audit trail' },
    { id: 'signoff', title: 'Sign-off' },
  ];
}

function newDocument(data: EvidencePackData, signature: SignatureFields): Doc {
  const title = data.campaign ? `Access review evidence: ${data.campaign.campaign.name}` : 'Access evidence pack';
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: title,
      Author: data.org || 'Attest',
      Subject: `Evidence pack signed by ${signature.name}; certificate SHA-256 ${data.signer.fingerprintSha256}`,
      Creator: 'Attest',
      Producer: 'Attest (pdfkit)',
      CreationDate: signature.signingTime,
      ModDate: signature.signingTime,
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES) as [FontName, string][]) doc.registerFont(name, file);
  return doc;
}

async function layout(w: PackWriter, data: EvidencePackData, attachments: readonly StagedAttachment[], signature: SignatureFields, starts: ReadonlyMap<string, number>): Promise<void> {
  const c = data.campaign;
  coverPage(w, {
    org: data.org,
    title: c ? 'User access review' : 'Access and audit evidence',
    subject: c ? `Campaign "${c.campaign.name}" (#${c.campaign.id}, ${c.campaign.type} review, ${c.items.count.toLocaleString('en-US')} items)` : 'Workspace-level pack (no campaign)',
    period: c ? `${when(c.campaign.launchedAt)} to ${when(c.campaign.closedAt ?? c.campaign.dueOn)}` : `As of ${when(data.generatedAt.toISOString())}`,
    generatedAt: data.generatedAt,
    generatedBy: data.generatedBy,
    workspaceId: data.workspaceId,
    signer: data.signer,
  });
  await contentsPage(w, { sections: sectionList(data), attachments, starts });
  scopeAndMethod(w, {
    campaign: c?.campaign ?? null,
    systems: [...new Set(data.snapshots.filter((s) => s.content === 'access').map((s) => s.system))],
    snapshots: data.snapshots.length,
    analysisRun: data.findings?.runId ?? null,
    sodRun: data.sod?.runId ?? null,
  });
  await populationCompleteness(w, { snapshots: data.snapshots, campaign: c });
  if (c) {
    await reviewerRoster(w, c);
    await decisionSummary(w, c.summary, c.items.count);
    await decisionDetail(w, c.items);
    await remediationSection(w, c.remediation);
  }
  await sodSection(w, data.sod);
  await findingsSection(w, data.findings);
  await auditSection(w, data.audit);
  await signOffPage(w, {
    signer: data.signer,
    signingTime: signature.signingTime,
    reason: signature.reason,
    location: signature.location,
    attachments: attachments.map((a) => ({ name: a.name, sha256: a.sha256, bytes: a.bytes })),
  });
}

export interface RenderedPack {
  pages: number;
  /** Where the signature dictionary starts in the file, and the room left for its CMS (bytes). */
  signatureOffset: number;
  signatureLength: number;
}

/** The rows the pack's tables will lay out, for the measuring run's progress. */
function expectedRows(data: EvidencePackData): number {
  return (data.campaign?.items.count ?? 0) * 2 + (data.findings?.findings.length ?? 0) + (data.sod?.violations.length ?? 0) + data.snapshots.length;
}

/** The measuring run: the page count and where each section starts (its document is dropped after). */
async function measure(data: EvidencePackData, attachments: readonly StagedAttachment[], signature: SignatureFields, frame: PageFrame, steps: PackSteps): Promise<{ total: number; starts: ReadonlyMap<string, number> }> {
  const rows = expectedRows(data);
  const measuring = new PackWriter(newDocument(data, signature), false, frame, 0, { steps, onRows: (done) => steps.report('layout', done, rows) });
  await layout(measuring, data, attachments, signature, new Map());
  return { total: measuring.page, starts: measuring.sectionStarts };
}

/**
 * Renders the unsigned pack with its signature placeholder into a new file at `path`: a
 * measuring run learns the page count and where each section starts, then the drawing run
 * writes the pages through to the file as they are finished, and the staged attachments are
 * copied in from their scratch files.
 */
export async function renderPack(data: EvidencePackData, attachments: readonly StagedAttachment[], signature: SignatureFields, path: string, steps: PackSteps): Promise<RenderedPack> {
  const frame: PageFrame = {
    headerLeft: data.org || 'Attest',
    headerRight: data.campaign ? `Evidence pack · ${data.campaign.campaign.name}` : 'Evidence pack · workspace',
    footerLeft: `Generated ${when(data.generatedAt.toISOString())} · signer SHA-256 ${data.signer.fingerprintSha256.slice(0, 16)}…`,
  };
  const { total, starts } = await measure(data, attachments, signature, frame, steps);

  const doc = newDocument(data, signature);
  const sink = new FileSink(path);
  try {
    doc.on('data', (chunk: Uint8Array) => sink.write(chunk));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    // Once the stream flows, every chunk reaches the file as pdfkit writes it (before, they queue).
    await steps.pause();
    const drawing = new PackWriter(doc, true, frame, total, { steps });
    doc.on('pageAdded', () => steps.report('pages', drawing.page, total));
    await layout(drawing, data, attachments, signature, starts);
    if (drawing.page !== total) throw new Error(`evidence pack layout: measured ${total} pages, drew ${drawing.page}`);
    for (const a of attachments) embedStagedFile(doc, a, signature.signingTime);
    const signatureLength = signatureLengthFor(signature.certificatePems);
    const placeholder = pdfkitAddPlaceholder({
      pdf: doc,
      pdfBuffer: Buffer.alloc(0),
      reason: signature.reason,
      contactInfo: signature.contactInfo,
      name: signature.name,
      location: signature.location,
      signingTime: signature.signingTime,
      signatureLength,
      appName: 'Attest',
    }) as { signature: { offset: number } };
    doc.end();
    await done;
    return { pages: total, signatureOffset: placeholder.signature.offset, signatureLength };
  } finally {
    sink.close();
  }
}
