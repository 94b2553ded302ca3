import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { grouped, when } from './format.js';

export interface CoverData {
  org: string;
  title: string;
  /** The campaign and its period, or a workspace-level pack's scope. */
  subject: string;
  period: string;
  generatedAt: Date;
  generatedBy: string;
  workspaceId: string;
  signer: { fingerprintSha256: string; subject: string; source: string };
}

export function coverPage(w: PackWriter, data: CoverData): void {
  w.newPage('portrait', { frame: false });
  w.sectionStarts.set('cover', w.page);
  w.fillRect(0, 0, w.pageWidth, 190, COLOR.navy);
  w.textAt('EVIDENCE PACK', w.left, 70, 'semibold', 10, '#b9c8dc');
  w.textAt(data.org || 'Organisation not named', w.left, 88, 'bold', 26, '#ffffff');
  w.textAt(data.title, w.left, 124, 'regular', 15, '#ffffff');
  w.y = 230;
  w.keyValues(
    [
      ['Subject', data.subject],
      ['Period', data.period],
      ['Generated at', when(data.generatedAt.toISOString())],
      ['Prepared by', data.generatedBy],
      ['Workspace', data.workspaceId],
    ],
    { size: 11, labelWidth: 120 },
  );
  w.space(10);
  w.heading('Signature', 2);
  w.paragraph(
    'This document is digitally signed. The signature covers every byte of the file, including the attached data files and their manifest. Check it with "attest verify FILE.pdf", which needs no workspace, or in any PDF reader that validates signatures.',
    { color: COLOR.muted },
  );
  w.keyValues(
    [
      ['Signer', data.signer.subject],
      ['Signer kind', data.signer.source === 'imported' ? 'Organisation certificate (imported PKCS#12)' : "The workspace's own self-signed certificate"],
      ['Certificate SHA-256', grouped(data.signer.fingerprintSha256)],
    ],
    { size: 10, labelWidth: 120 },
  );
}
