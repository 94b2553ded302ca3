import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** poppler's pdfsig: its exit code is 0 even for "Digest Mismatch", so the text is what counts. */
export function pdfsig(path: string): string {
  const run = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

export function qpdfCheck(path: string): { code: number | null; output: string } {
  const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Renders every page to PNG at 30 dpi; returns how many pages poppler rendered. */
export function renderPages(path: string, dir: string): number {
  execFileSync('pdftoppm', ['-png', '-r', '30', path, join(dir, 'page')]);
  return readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length;
}

/** Text of the pack (or one page): `layout` keeps columns side by side, `raw` keeps drawing order (a wrapped cell's lines together). */
export function pdfText(path: string, options: { page?: number; mode?: 'layout' | 'raw' } = {}): string {
  const range = options.page === undefined ? [] : ['-f', String(options.page), '-l', String(options.page)];
  return execFileSync('pdftotext', [`-${options.mode ?? 'layout'}`, ...range, path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
