// `npm run bench`: each case in a fresh process, best of a few runs, against its floor measured
// in the same run. Prints a table; exits 0 whatever the figures (targets are goals, not tests).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Measured {
  rows: number;
  seconds: number;
  peakRssMb: number;
}

interface Row {
  operation: string;
  /** The floor: one case, or several whose times add up (parse + insert). */
  floor: string[];
  repeats: number;
  target: string;
  /** The target as a limit: a ratio to the floor, or absolute seconds. */
  check: (m: Measured, floor: Measured | undefined) => boolean;
}

const caseScript = fileURLToPath(new URL('./case.ts', import.meta.url));

function measure(name: string, repeats: number): Measured {
  let best: Measured | undefined;
  for (let i = 0; i < repeats; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', caseScript, name], { encoding: 'utf8' });
    const m = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured;
    if (!best || m.seconds < best.seconds) best = m;
  }
  if (!best) throw new Error(`no result for ${name}`);
  return best;
}

const ratioAtMost = (limit: number) => (m: Measured, f: Measured | undefined) => f !== undefined && m.seconds <= limit * f.seconds;

const ROWS: Row[] = [
  { operation: 'evidence-pack-1k', floor: [], repeats: 2, target: '≤ 2 s', check: (m) => m.seconds <= 2 },
  { operation: 'evidence-naive-table-10k-floor', floor: [], repeats: 1, target: '—', check: () => true },
  { operation: 'evidence-pack-10k', floor: ['evidence-naive-table-10k-floor'], repeats: 2, target: '≤ 10 s', check: (m) => m.seconds <= 10 },
  { operation: 'evidence-naive-table-100k-floor', floor: [], repeats: 1, target: '—', check: () => true },
  {
    operation: 'evidence-pack-100k',
    floor: ['evidence-naive-table-100k-floor'],
    repeats: 1,
    target: '≤ 0.7 × floor, ≤ 300 MB',
    check: (m, f) => ratioAtMost(0.7)(m, f) && m.peakRssMb <= 300,
  },
  { operation: 'unlock-floor', floor: [], repeats: 5, target: '—', check: () => true },
  { operation: 'unlock', floor: ['unlock-floor'], repeats: 5, target: '≤ 0.3 s', check: (m) => m.seconds <= 0.3 },
  { operation: 'grants-insert-floor', floor: [], repeats: 2, target: '—', check: () => true },
  { operation: 'grants-insert', floor: ['grants-insert-floor'], repeats: 2, target: '≤ 1.2 × floor', check: ratioAtMost(1.2) },
  { operation: 'csv-parse-floor', floor: [], repeats: 2, target: '—', check: () => true },
  {
    operation: 'csv-import',
    floor: ['csv-parse-floor', 'grants-insert'],
    repeats: 2,
    target: '≤ 1.2 × floor, ≤ 300 MB',
    check: (m, f) => ratioAtMost(1.2)(m, f) && m.peakRssMb <= 300,
  },
  { operation: 'c1z-sample-import', floor: [], repeats: 3, target: '≤ 1 s', check: (m) => m.seconds <= 1 },
  { operation: 'c1z-import', floor: ['csv-import'], repeats: 2, target: '≤ 1.5 × floor', check: ratioAtMost(1.5) },
  { operation: 'snapshot-diff', floor: [], repeats: 2, target: '≤ 3 s', check: (m) => m.seconds <= 3 },
  { operation: 'xlsx-read-floor', floor: [], repeats: 1, target: '—', check: () => true },
  { operation: 'xlsx-import', floor: ['xlsx-read-floor'], repeats: 1, target: '≤ 1.0 × floor, ≤ 600 MB', check: (m, f) => ratioAtMost(1.0)(m, f) && m.peakRssMb <= 600 },
  { operation: 'correlate-50k', floor: [], repeats: 1, target: '— (at import)', check: () => true },
  { operation: 'analyze-50k', floor: [], repeats: 2, target: '≤ 3 s, ≤ 400 MB', check: (m) => m.seconds <= 3 && m.peakRssMb <= 400 },
  { operation: 'sod-grants-load-floor', floor: [], repeats: 3, target: '—', check: () => true },
  {
    operation: 'sod-run',
    floor: ['sod-grants-load-floor'],
    repeats: 3,
    target: '≤ 1.2 × floor, ≤ 300 MB',
    check: (m, f) => ratioAtMost(1.2)(m, f) && m.peakRssMb <= 300,
  },
  { operation: 'ui-first-paint', floor: [], repeats: 3, target: '≤ 1 s', check: (m) => m.seconds <= 1 },
  { operation: 'ui-decision-100k', floor: [], repeats: 1, target: '≤ 0.05 s (p95)', check: (m) => m.seconds <= 0.05 },
  { operation: 'identities-search-100k', floor: [], repeats: 3, target: '≤ 0.1 s', check: (m) => m.seconds <= 0.1 },
  { operation: 'campaign-launch-100k', floor: [], repeats: 2, target: '≤ 2 s', check: (m) => m.seconds <= 2 },
  { operation: 'campaign-decision', floor: [], repeats: 2, target: '≤ 0.02 s', check: (m) => m.seconds <= 0.02 },
  { operation: 'campaign-bulk-10k', floor: [], repeats: 2, target: '≤ 2 s', check: (m) => m.seconds <= 2 },
  { operation: 'campaign-workbooks-100', floor: [], repeats: 1, target: '≤ 20 s', check: (m) => m.seconds <= 20 },
];

/** Only the named cases and their floors, and the floors' floors: `npm run bench -- csv-import`. */
function withFloors(names: string[]): Set<string> {
  const wanted = new Set(names);
  for (const name of wanted) for (const floor of ROWS.find((r) => r.operation === name)?.floor ?? []) wanted.add(floor);
  return wanted;
}
const only = process.argv.slice(2);
const wanted = withFloors(only);
const selected = only.length === 0 ? ROWS : ROWS.filter((r) => wanted.has(r.operation));

const results = new Map<string, Measured>();
const table: string[][] = [['operation', 'rows', 'seconds', 'rows/s', 'peak RSS MB', 'ratio to floor', 'target', 'met']];
for (const row of selected) {
  process.stderr.write(`bench: ${row.operation}…\n`);
  const m = measure(row.operation, row.repeats);
  results.set(row.operation, m);
  const parts = row.floor.map((name) => results.get(name));
  const floor = parts.length > 0 && parts.every((p) => p !== undefined)
    ? parts.reduce<Measured>((sum, p) => ({ rows: p.rows, seconds: sum.seconds + p.seconds, peakRssMb: Math.max(sum.peakRssMb, p.peakRssMb) }), { rows: 0, seconds: 0, peakRssMb: 0 })
    : undefined;
  table.push([
    row.operation,
    m.rows.toLocaleString('en-US'),
    m.seconds.toFixed(3),
    Math.round(m.rows / m.seconds).toLocaleString('en-US'),
    m.peakRssMb.toFixed(0),
    floor ? `${(m.seconds / floor.seconds).toFixed(2)} × ${row.floor.join(' + ')}` : '—',
    row.target,
    row.check(m, floor) ? 'yes' : 'NO',
  ]);
}
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
for (const [i, r] of table.entries()) {
  console.log(`| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
