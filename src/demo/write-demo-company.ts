import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AttestError } from '../errors.js';
import type { DemoCompany } from './generate-demo-company.js';
import { buildPlantedManifest } from './planted.js';

/** Writes a generated demo company into a folder: every export plus planted.json. Never overwrites. */

export const PLANTED_MANIFEST_NAME = 'planted.json';

export interface WrittenDemoFile {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  rows: number;
}

function checkName(name: string): string {
  if (name === '' || basename(name) !== name || name === '.' || name === '..') {
    throw new AttestError('INVALID_INPUT', `"${name}" is not a plain file name.`);
  }
  return name;
}

function writeNew(path: string, content: string): { sha256: string; bytes: number } {
  const data = Buffer.from(content, 'utf8');
  writeFileSync(path, data, { flag: 'wx' });
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

export function writeDemoCompany(dir: string, company: DemoCompany): { files: WrittenDemoFile[]; manifestPath: string } {
  const names = [...company.files.map((f) => checkName(f.name)), PLANTED_MANIFEST_NAME];
  if (new Set(names).size !== names.length) throw new AttestError('INVALID_INPUT', 'The demo company has two files with the same name.');
  mkdirSync(dir, { recursive: true });
  const existing = names.filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0) {
    throw new AttestError('EXISTS', `${dir} already holds ${existing.join(', ')}; choose an empty folder (demo files are never overwritten).`);
  }
  const files = company.files.map((f) => {
    const path = join(dir, f.name);
    return { name: f.name, path, ...writeNew(path, f.content), rows: f.rows };
  });
  const manifestPath = join(dir, PLANTED_MANIFEST_NAME);
  writeNew(manifestPath, `${JSON.stringify(buildPlantedManifest(company), null, 2)}\n`);
  return { files, manifestPath };
}
