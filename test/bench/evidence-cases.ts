import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { buildEvidencePack } from '../../src/evidence/build-pack.js';
import type { EvidenceItem } from '../../src/evidence/campaign-evidence.js';
import { loadCampaignEvidence } from '../../src/evidence/load-campaign-evidence.js';
import { ensureSigningIdentity } from '../../src/evidence/signing-identity.js';
import { FONT_FILES } from '../../src/evidence/pdf/theme.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { campaignOver, syntheticGrants } from '../evidence/helpers/campaign-fixture.js';
import { EVIDENCE_PASSPHRASE, evidenceWorkspaceCopy } from './evidence-fixture.js';

interface CaseResult {
  rows: number;
  seconds: number;
}

/** A signed pack of a synthetic campaign of `items` decisions held in memory, from a workspace that already has its signer. */
async function pack(items: number): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  try {
    const ws = createWorkspace(join(dir, 'w.attest'), 'benchmark passphrase', { org: 'Bench Ltd' });
    await ensureSigningIdentity(ws, 'bench');
    const campaign = campaignOver(syntheticGrants(items));
    const start = performance.now();
    const built = await buildEvidencePack(ws, { operator: 'bench', campaign, out: join(dir, 'pack.pdf') });
    const seconds = (performance.now() - start) / 1000;
    ws.close();
    if (statSync(built.path).size === 0) throw new Error('empty pack');
    return { rows: items, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The real path: the signed pack of the 100k-decision campaign of an encrypted workspace
 * (test/bench/evidence-fixture.ts, built once per machine in another process and copied). The
 * process opens the workspace and builds the pack, reading the items from the store as it goes.
 */
async function packOfWorkspace(): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  try {
    const { path, campaignId } = evidenceWorkspaceCopy(dir);
    const ws = openWorkspace(path, EVIDENCE_PASSPHRASE);
    const start = performance.now();
    const built = await buildEvidencePack(ws, { operator: 'bench', campaignId, out: join(dir, 'pack.pdf') });
    const seconds = (performance.now() - start) / 1000;
    ws.close();
    if (statSync(built.path).size === 0) throw new Error('empty pack');
    process.stderr.write(`evidence-pack-100k: ${built.pages} pages, ${(statSync(built.path).size / 1e6).toFixed(1)} MB\n`);
    return { rows: built.data.campaign?.items.count ?? 0, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the bench workspace's campaign, read before the floor's clock starts (as the synthetic ones are made before it). */
function workspaceRows(): EvidenceItem[] {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  try {
    const { path, campaignId } = evidenceWorkspaceCopy(dir);
    const ws = openWorkspace(path, EVIDENCE_PASSPHRASE);
    const rows = [...loadCampaignEvidence(ws.db, campaignId).items];
    ws.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor the issue names: a naive streaming pdfkit table of the same rows (pdfkit's own
 * wrapping per cell, a new page when full), unsigned, with no other section.
 */
async function naiveTable(rows: Iterable<EvidenceItem>, items: number): Promise<CaseResult> {
  const start = performance.now();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40 });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.font('regular').fontSize(7);
  let bytes = 0;
  doc.on('data', (c: Buffer) => (bytes += c.length));
  const done = new Promise((resolve) => doc.on('end', resolve));
  const widths = [30, 110, 90, 70, 110, 120, 45, 140, 60];
  for (const item of rows) {
    const cells = [String(item.id), item.identity?.name ?? '', item.account, item.system, item.entitlement, item.reviewer, item.outcome, item.comment ?? '', item.decidedAt ?? ''];
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! }))) + 4;
    if (doc.y + height > doc.page.height - 40) doc.addPage();
    const y = doc.y;
    let x = 40;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i]! });
      x += widths[i]!;
    });
    doc.y = y + height;
  }
  doc.end();
  await done;
  if (bytes === 0) throw new Error('empty table');
  return { rows: items, seconds: (performance.now() - start) / 1000 };
}

export const EVIDENCE_CASES: Record<string, () => Promise<CaseResult>> = {
  'evidence-pack-1k': () => pack(1_000),
  'evidence-pack-10k': () => pack(10_000),
  'evidence-naive-table-10k-floor': () => naiveTable(campaignOver(syntheticGrants(10_000)).items, 10_000),
  'evidence-pack-100k': () => packOfWorkspace(),
  'evidence-naive-table-100k-floor': () => {
    const rows = workspaceRows();
    return naiveTable(rows, rows.length);
  },
};
