import type PDFDocument from 'pdfkit';
import { deflatedChunks, type StagedAttachment } from '../staged-attachment.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit 0.20's document this module relies on (what its own `file()` uses). */
interface PdfkitRef {
  end(): void;
}
interface DocInternals {
  ref(data: object): PdfkitRef;
  _write: (this: DocInternals, data: Uint8Array | string) => void;
  _root: { data: { AF?: PdfkitRef[] } };
  addNamedEmbeddedFile(name: string, ref: PdfkitRef): void;
}

function pdfName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Embeds a staged attachment as pdfkit's `file()` would (an /EmbeddedFile stream, a /Filespec
 * in the names tree and the catalog's /AF), but its deflated bytes are copied from the scratch
 * file a megabyte at a time instead of being held whole. /CheckSum is the binary MD5 of the
 * plain bytes, as the PDF specification asks.
 */
export function embedStagedFile(doc: Doc, file: StagedAttachment, when: Date): void {
  const d = doc as unknown as DocInternals;
  const body = d.ref({
    Type: 'EmbeddedFile',
    Subtype: pdfName(file.mediaType),
    Params: { CreationDate: when, ModDate: when, CheckSum: Buffer.from(file.md5, 'hex'), Size: file.bytes },
    Length: file.deflatedBytes,
    Filter: 'FlateDecode',
  });
  // pdfkit writes "N 0 obj", the dictionary, then "endobj": the stream goes in before the last.
  const write = d._write;
  d._write = function (this: DocInternals, data: Uint8Array | string): void {
    if (data === 'endobj') {
      write.call(this, 'stream');
      for (const chunk of deflatedChunks(file)) write.call(this, chunk);
      write.call(this, '\nendstream');
    }
    write.call(this, data);
  };
  try {
    body.end();
  } finally {
    delete (d as Partial<DocInternals>)._write;
  }
  const spec = d.ref({ Type: 'Filespec', AFRelationship: 'Data', F: new String(file.name), EF: { F: body }, UF: new String(file.name), Desc: new String(file.description) });
  spec.end();
  d.addNamedEmbeddedFile(file.name, spec);
  (d._root.data.AF ??= []).push(spec);
}
