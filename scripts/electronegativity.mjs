#!/usr/bin/env node
// `npm run electronegativity`: Doyensec's Electronegativity over electron/ and renderer/ scanned
// together (its global checks, such as the CSP and the navigation limits, span both). Exits 1 on
// any finding not accepted below; each accepted one says why. Offline it warns that it cannot
// fetch Electron's release list; the version is given with -e instead.
//
// node scripts/electronegativity.mjs [DIR]   scans DIR/electron and DIR/renderer (default: this checkout)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = process.argv[2] ?? root;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** Accepted findings: check id and file, with the reason. */
const ACCEPTED = [
  {
    issue: 'PRELOAD_JS_CHECK',
    file: 'electron/main/window.ts',
    why: 'The preload is ours and sandboxed: it exposes exactly the API bridge (contract operations, their progress and cancel, and menu events), no ipcRenderer, no Node (electron/preload/index.ts).',
  },
  {
    issue: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    why: "The one weak directive is style-src 'unsafe-inline': Mantine sets style attributes at run time. Scripts are 'self' only, connect-src 'self', object-src and base-uri 'none'.",
  },
];

/**
 * The report's rows as cells. Quoted cells may hold commas and line breaks (a finding's sample is
 * the code or the CSP it is about, and the report has been seen broken across lines inside one).
 */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      if (row.some((v) => v !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell.trim());
  if (row.some((v) => v !== '')) rows.push(row);
  return rows;
}

const scan = mkdtempSync(join(tmpdir(), 'attest-electronegativity-'));
try {
  for (const dir of ['electron', 'renderer']) cpSync(join(source, dir), join(scan, dir), { recursive: true });
  const csv = join(scan, 'findings.csv');
  execFileSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', scan, '-e', electronVersion, '-r', '-v', 'false', '-o', csv], { stdio: 'ignore' });
  const [, ...rows] = csvRows(readFileSync(csv, 'utf8'));
  const findings = rows.map(([issue, severity, , file, location]) => ({ issue, severity, file, location }));
  const acceptance = (f) => ACCEPTED.find((a) => a.issue === f.issue && a.file === f.file);
  const open = findings.filter((f) => !acceptance(f));
  for (const f of findings) {
    const accepted = acceptance(f);
    console.log(`${accepted ? 'accepted' : 'FINDING '} ${f.issue} ${f.severity} ${f.file}:${f.location}${accepted ? ` (${accepted.why})` : ''}`);
  }
  console.log(`electronegativity: ${findings.length} finding(s), ${open.length} not accepted`);
  process.exitCode = open.length === 0 ? 0 : 1;
} finally {
  rmSync(scan, { recursive: true, force: true });
}
