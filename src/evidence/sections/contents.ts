import type { PackWriter } from '../pdf/pack-writer.js';
import { COLOR } from '../pdf/theme.js';

export interface ContentsData {
  sections: { id: string; title: string }[];
  attachments: readonly { name: string; description: string }[];
  /** Where each section starts, from the measuring run (empty while measuring). */
  starts: ReadonlyMap<string, number>;
}

export async function contentsPage(w: PackWriter, data: ContentsData): Promise<void> {
  w.section('contents', 'Contents');
  data.sections.forEach((s, i) => {
    w.ensure(18);
    const label = `${i + 1}.  ${s.title}`;
    const page = String(data.starts.get(s.id) ?? '');
    w.textAt(label, w.left, w.y, 'regular', 11);
    const from = w.left + w.measure(label, 'regular', 11) + 6;
    const to = w.left + w.width - w.measure(page, 'regular', 11) - 6;
    if (to > from) w.line(from, w.y + 10, to, w.y + 10, COLOR.rule, 0.5);
    w.textAt(page, w.left, w.y, 'regular', 11, COLOR.ink, { width: w.width, align: 'right' });
    w.y += 18;
  });
  w.space(12);
  w.heading('Attached files', 2);
  w.paragraph('Embedded in this PDF and covered by its signature (open the attachments panel of a PDF reader to save them):', { color: COLOR.muted });
  await w.table({ columns: [{ header: 'File', weight: 1.2, font: 'semibold' }, { header: 'What it holds', weight: 3 }], rows: data.attachments.map((a) => [a.name, a.description]), size: 9 });
}
