import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Reads a file of the built renderer; refuses anything outside its folder. Unknown routes get index.html. */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // a malformed %-escape names no file
  }
  const wanted = resolve(join(base, normalize(decoded)));
  if (wanted !== base && !wanted.startsWith(base + sep)) return null;
  const candidates = [wanted, join(base, 'index.html')];
  for (const file of candidates) {
    try {
      if (statSync(file).isFile()) return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attest</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;color:#1a1b1e}code{background:#f1f3f5;padding:0 .3em}</style>
</head><body><h1>Attest</h1>
<p>The workstation is being served on this computer only. The screens are not built yet:
run <code>npm run build</code>, then start <code>attest serve</code> again.</p></body></html>`;
