import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvidencePack, type BuildPackOptions } from '../../../src/evidence/build-pack.js';
import { PdfFile } from '../../../src/evidence/pdf-objects.js';
import { readAttachments } from '../../../src/evidence/verify-pack.js';
import type { Workspace } from '../../../src/store/workspace.js';

let made = 0;

/** Builds a pack into a new file in `dir` and reads it back. */
export async function packInto(ws: Workspace, dir: string, options: Omit<BuildPackOptions, 'out'>) {
  made += 1;
  const built = await buildEvidencePack(ws, { ...options, out: join(dir, `pack-${made}.pdf`) });
  return { ...built, pdf: readFileSync(built.path) };
}

/** An attachment's bytes as the PDF carries them. */
export function attachmentBytes(pdf: Buffer, name: string): Buffer {
  const found = readAttachments(new PdfFile(pdf)).find((a) => a.name === name);
  if (!found?.bytes) throw new Error(`no attachment ${name}`);
  return found.bytes;
}
