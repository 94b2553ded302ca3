import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';
import { grouped, when } from './format.js';

export interface SignOffData {
  signer: { fingerprintSha256: string; subject: string };
  signingTime: Date;
  reason: string;
  location: string;
  attachments: { name: string; sha256: string; bytes: number }[];
}

export async function signOffPage(w: PackWriter, data: SignOffData): Promise<void> {
  w.section('signoff', 'Sign-off');
  w.paragraph('This pack was generated from the workspace named on the cover and signed at the moment below. The signature covers the whole file: any change to a page, an attached file or the manifest invalidates it.');
  w.keyValues([
    ['Signed by', data.signer.subject],
    ['Certificate SHA-256', grouped(data.signer.fingerprintSha256)],
    ['Signing time', when(data.signingTime.toISOString())],
    ['Reason', data.reason],
    ['Location', data.location],
  ]);
  w.heading('Attachment digests', 2);
  await w.table({
    columns: [{ header: 'File', weight: 1.2, font: 'semibold' }, { header: 'Bytes', weight: 0.8, align: 'right' }, { header: 'SHA-256', weight: 4 }],
    rows: data.attachments.map((a) => [a.name, a.bytes.toLocaleString('en-US'), a.sha256]),
    size: 8,
  });
  w.heading('Review', 2);
  w.ensure(150);
  for (const role of ['Prepared by', 'Reviewed by', 'Approved by']) {
    w.textAt(role, w.left, w.y, 'semibold', 9.5, COLOR.muted);
    for (const [label, x] of [['Name', 90], ['Signature', 235], ['Date', 380]] as const) {
      w.line(w.left + x, w.y + 22, w.left + x + 115, w.y + 22, COLOR.muted);
      w.textAt(label, w.left + x, w.y + 25, 'regular', 7.5, COLOR.muted);
    }
    w.y += 46;
  }
}
