import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { PdfFile, PdfString, type PdfName } from '../../src/evidence/pdf-objects.js';
import { verifyPackBytes } from '../../src/evidence/verify-pack.js';
import { evidenceWorkpaper } from '../../src/evidence/workpaper-xlsx.js';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { campaignOver, grantsOfWorkspace } from './helpers/campaign-fixture.js';
import { useDemoWorkspace } from './helpers/demo-workspace.js';
import { attachmentBytes, packInto } from './helpers/pack-file.js';
import { pdfsig, pdfText, qpdfCheck, renderPages } from './helpers/pdf-tools.js';

const demo = useDemoWorkspace();
const tempDir = useTempDirs();

/** Where an embedded file's stream bytes sit in the PDF. */
function attachmentOffset(pdf: Buffer, name: string): number {
  const file = new PdfFile(pdf);
  const root = file.dict(file.trailer.get('Root'));
  const names = file.resolve(file.dict(file.dict(root?.get('Names'))?.get('EmbeddedFiles'))?.get('Names')) as unknown[];
  const index = names.findIndex((n) => n instanceof PdfString && n.text === name);
  const spec = file.dict(names[index + 1] as never);
  const stream = file.stream(file.dict(spec?.get('EF'))?.get('F'));
  if (!stream) throw new Error(`no attachment ${name}`);
  return stream.offset;
}

function flip(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('evidence pack', () => {
  it('is signed as pdfsig reads it, passes qpdf --check, renders every page, and verifies; one flipped byte is a digest mismatch to both', async () => {
    // A fixed instant: the same bytes every run, so the flipped byte below is always the same one.
    const pack = await packInto(demo.ws(), tempDir(), { operator: 'tester', now: new Date('2026-11-30T09:00:00Z') });
    const dir = tempDir();
    const path = pack.path;
    const sig = pdfsig(path);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('Signing Hash Algorithm: SHA-256');
    expect(qpdfCheck(path)).toMatchObject({ code: 0, output: expect.stringContaining('No syntax or stream encoding errors') as unknown });
    const pagesDir = join(dir, 'pages');
    mkdirSync(pagesDir);
    expect(renderPages(path, pagesDir)).toBe(pack.pages);
    const verified = verifyPackBytes(pack.pdf);
    expect(verified).toMatchObject({ ok: true, signature: 'valid', manifestOk: true, problems: [], signer: { fingerprintSha256: pack.signerFingerprintSha256 } });
    expect(verified.attachments.map((a) => a.name).sort()).toEqual(['audit-log.jsonl', 'decisions.csv', 'findings.csv', 'manifest.json', 'population.csv']);

    // One byte of page content, inside the first signed range.
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, flip(pack.pdf, 2000));
    expect(pdfsig(tampered)).toContain('Digest Mismatch');
    expect(verifyPackBytes(readFileSync(tampered))).toMatchObject({ ok: false, signature: 'invalid', problems: expect.arrayContaining([expect.stringContaining('digest mismatch')]) as unknown });
  });

  it('fails verification for bytes appended after signing, a changed attachment, and a PDF without a signature', async () => {
    const pack = await packInto(demo.ws(), tempDir(), { operator: 'tester' });
    const appended = verifyPackBytes(Buffer.concat([pack.pdf, Buffer.from('\n% appended\n')]));
    expect(appended).toMatchObject({ ok: false, signature: 'invalid' });
    expect(appended.problems.join(' ')).toMatch(/appended/);

    const changed = verifyPackBytes(flip(pack.pdf, attachmentOffset(pack.pdf, 'decisions.csv') + 20));
    expect(changed.ok).toBe(false);
    expect(changed.signature).toBe('invalid');
    expect(changed.attachments.find((a) => a.name === 'decisions.csv')?.ok).toBe(false);
    expect(changed.manifestOk).toBe(false);

    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.text('An unsigned document');
    doc.end();
    await ended;
    expect(verifyPackBytes(Buffer.concat(chunks))).toMatchObject({ ok: false, signature: 'missing', manifestOk: false });
  });

  it('states one instant as the cover time, /M, the CMS signing time and the manifest; the same state and instant give the same bytes', async () => {
    const now = new Date('2026-11-30T08:15:42.345Z');
    const a = await packInto(demo.ws(), tempDir(), { operator: 'tester', now: new Date(now) });
    const b = await packInto(demo.ws(), tempDir(), { operator: 'tester', now: new Date(now) });
    expect(b.pdf.equals(a.pdf)).toBe(true);
    expect(verifyPackBytes(a.pdf).signingTime).toBe('2026-11-30T08:15:42.000Z');
    const sigDict = [...new PdfFile(a.pdf).objects()].map((o) => o.value).find((v) => v instanceof Map && (v.get('Type') as PdfName | undefined)?.name === 'Sig') as Map<string, unknown>;
    expect((sigDict.get('M') as PdfString).text).toBe("D:20261130081542Z");
    expect((JSON.parse(attachmentBytes(a.pdf, 'manifest.json').toString()) as { generatedAt: string }).generatedAt).toBe('2026-11-30T08:15:42.000Z');
    const c = await packInto(demo.ws(), tempDir(), { operator: 'tester', now: new Date('2026-12-01T00:00:00Z') });
    // Another instant: the data files are the same, only the manifest's time and the pages' differ.
    for (const name of ['decisions.csv', 'population.csv', 'findings.csv', 'audit-log.jsonl']) {
      expect(attachmentBytes(c.pdf, name).equals(attachmentBytes(a.pdf, name))).toBe(true);
      expect(c.attachments.find((f) => f.name === name)!.sha256).toBe(a.attachments.find((f) => f.name === name)!.sha256);
    }
  });

  it('shows the workspace: snapshots with hashes and row counts, SoD violations, findings with disposition, the audit head, page X of Y', async () => {
    const pack = await packInto(demo.ws(), tempDir(), { operator: 'tester' });
    const path = pack.path;
    const text = pdfText(path);
    const raw = pdfText(path, { mode: 'raw' }).replace(/\s+/g, '');
    for (const snapshot of pack.data.snapshots) expect(raw).toContain(snapshot.sha256);
    expect(text).toContain('Segregation of duties');
    expect(text).toContain('P2P-01');
    expect(text).toContain('Findings and their disposition');
    expect(text).toContain('Classified: shared account');
    expect(text).toContain(`Page 1 of ${pack.pages}`);
    expect(text).toContain(`Page ${pack.pages} of ${pack.pages}`);
    expect(raw).toContain(pack.data.audit.head);
    expect(text).toContain('Intact: every event links to the one before it.');
  });
});

describe('evidence pack of a campaign', () => {
  it('has the campaign sections, an outline, a detail table whose header repeats on every page, and the decisions attached', async () => {
    const campaign = campaignOver(grantsOfWorkspace(demo.ws().db));
    const pack = await packInto(demo.ws(), tempDir(), { operator: 'tester', campaign });
    const path = pack.path;
    expect(verifyPackBytes(pack.pdf).ok).toBe(true);
    expect(pdfsig(path)).toContain('Signature is Valid.');
    expect(qpdfCheck(path).code).toBe(0);
    const outline = readFileSync(path).toString('latin1');
    for (const title of ['Scope and method', 'Population completeness', 'Reviewer roster and independence', 'Decision summary', 'Decision detail', 'Revocations and remediation', 'Sign-off']) {
      expect(outline).toContain(`/Title (${title})`);
    }
    const pages = Array.from({ length: pack.pages }, (_, i) => pdfText(path, { page: i + 1 }));
    const detail = pages.map((t, i) => ({ t, i })).filter(({ t }) => t.includes('Decision detail') && !t.includes('Contents'));
    expect(detail.length).toBeGreaterThan(3);
    for (const { t } of detail) expect(t).toMatch(/Item\s+Identity\s+Account\s+System\s+Entitlement\s+Reviewer\s+Decision/);
    const all = pages.join('\n');
    const items = [...campaign.items];
    const revoked = items.find((i) => i.outcome === 'revoke')!;
    expect(all).toContain(revoked.comment!.slice(0, 30));
    expect(all).toContain('reviewer on leave');
    expect(all).toMatch(/Kept\s+\d/);
    expect(all).toContain('Verified removed');
    expect(all).toContain('Still present');

    const decisions = attachmentBytes(pack.pdf, 'decisions.csv').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(decisions[0]).toMatch(/^ReviewId,ReviewName,ReviewStartDate,ReviewEndDate,Stage,ItemId,ResourceType,ResourceDisplayName/);
    expect(decisions).toHaveLength(items.length + 1);
    expect(decisions.filter((l) => l.includes(',Deny,'))).toHaveLength(items.filter((i) => i.outcome === 'revoke').length);
    expect(decisions.filter((l) => l.includes(',NotReviewed,'))).toHaveLength(items.filter((i) => i.outcome === 'pending').length);

    const book = XLSX.read(evidenceWorkpaper(pack.data, { sha256: pack.sha256, fileName: 'campaign.pdf' }));
    expect(book.SheetNames).toEqual(['Summary', 'Decisions', 'Population', 'Findings', 'Snapshots', 'Reconciliation', 'Reviewers', 'Reroutes', 'Remediation', 'SoD', 'Audit']);
    expect(XLSX.utils.sheet_to_json(book.Sheets.Decisions!)).toHaveLength(items.length);
  });
});

describe('attest verify and attest evidence', () => {
  it('verify prints the CLI.md keys and exits 0, or 1 for a tampered pack; evidence refuses an unknown campaign (exit 4)', async () => {
    const dir = tempDir();
    const pack = await packInto(demo.ws(), tempDir(), { operator: 'tester' });
    const good = join(dir, 'good.pdf');
    const bad = join(dir, 'bad.pdf');
    writeFileSync(good, pack.pdf);
    writeFileSync(bad, flip(pack.pdf, 3000));
    const ok = await runCli(['verify', good, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, signature: 'valid', signer: { fingerprintSha256: pack.signerFingerprintSha256, subject: expect.stringContaining('CN=Attest evidence signer') as unknown }, manifestOk: true });
    const tampered = await runCli(['verify', bad]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('NOT VALID');
    const notPdf = await runCli(['verify', join(dir, '..'), '--json']);
    expect(notPdf.code).toBe(4);
    copyFileSync(demo.ws().path, join(dir, 'copy.attest'));
    const notAPack = await runCli(['verify', join(dir, 'copy.attest'), '--json']);
    expect((notAPack.json() as { error: { code: string } }).error.code).toBe('NOT_A_PDF');
  });
});

describe('generateEvidencePack', () => {
  it('writes the pack and its workpaper as new files, records the pack in the audit trail, and never overwrites', async () => {
    const { generateEvidencePack } = await import('../../src/evidence/generate-pack-file.js');
    const { listAuditEvents } = await import('../../src/audit/audit-log.js');
    const { failure } = await import('../helpers/attest-failure.js');
    const { opensslP12 } = await import('./helpers/p12-file.js');
    const dir = tempDir();
    const ws = demo.ws();
    const campaignEvidence = campaignOver(grantsOfWorkspace(ws.db));
    const out = join(dir, 'pack.pdf');
    const xlsx = join(dir, 'pack.xlsx');
    const made = await generateEvidencePack(ws, { campaign: '1', campaignEvidence, out, xlsx, operator: 'tester' });
    expect(made).toMatchObject({ path: out, xlsx, pages: expect.any(Number) as unknown });
    expect(verifyPackBytes(readFileSync(out))).toMatchObject({ ok: true });
    expect(XLSX.read(readFileSync(xlsx)).Sheets.Summary).toBeDefined();
    const event = listAuditEvents(ws.db, { limit: 10_000 }).at(-1);
    expect(event).toMatchObject({ action: 'evidence.generated', payload: { sha256: made.sha256, file: 'pack.pdf', signer: made.signerFingerprintSha256 } });
    const again = await failure(generateEvidencePack(ws, { campaign: '1', campaignEvidence, out, operator: 'tester' }));
    expect(again.code).toBe('EXISTS');
    // Signed for this pack with an organisation PKCS#12, the workspace's identity unchanged.
    const p12 = opensslP12(dir, { key: 'rsa', passphrase: 'pw' });
    const org = await generateEvidencePack(ws, { campaign: '1', campaignEvidence, out: join(dir, 'org.pdf'), p12, p12Passphrase: 'pw', operator: 'tester' });
    expect(org.signerFingerprintSha256).not.toBe(made.signerFingerprintSha256);
    expect(ws.getMeta('signer_fingerprint_sha256')).toBe(made.signerFingerprintSha256);
    expect((await failure(generateEvidencePack(ws, { campaign: '1', campaignEvidence, out: join(dir, 'bad.pdf'), p12, p12Passphrase: 'nope', operator: 'tester' }))).code).toBe('P12_WRONG_PASSPHRASE');
  });
});
