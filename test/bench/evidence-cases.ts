import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { buildEvidencePack } from '../../src/evidence/build-pack.js';
import { ensureSigningIdentity } from '../../src/evidence/signing-identity.js';
import { FONT_FILES } from '../../src/evidence/pdf/theme.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { campaignOver, syntheticGrants } from '../evidence/helpers/campaign-fixture.js';

interface CaseResult {
  rows: number;
  seconds: number;
}

/** A signed pack of a campaign of `items` decisions, from a workspace that already has its signer. */
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
 * The floor the issue names: a naive streaming pdfkit table of the same rows (pdfkit's own
 * wrapping per cell, a new page when full), unsigned, with no other section.
 */
async function naiveTable(items: number): Promise<CaseResult> {
  const rows = campaignOver(syntheticGrants(items)).items;
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
  'evidence-naive-table-10k-floor': () => naiveTable(10_000),
  'evidence-pack-100k': () => pack(100_000),
  'evidence-naive-table-100k-floor': () => naiveTable(100_000),
};
