// Runs one benchmark case in its own process, so that its peak RSS is its own. The case tables
// load one at a time, and only until the case is found: a case's process does not carry the
// modules of unrelated cases (pdfkit, playwright), which would count in its peak RSS.
import type { CaseResult } from './cases.js';

type Cases = Record<string, () => CaseResult | Promise<CaseResult>>;

const TABLES: (() => Promise<Cases>)[] = [
  async () => (await import('./cases.js')).CASES,
  async () => (await import('./evidence-cases.js')).EVIDENCE_CASES,
  async () => (await import('./ui-cases.js')).UI_CASES,
];

const name = process.argv[2] ?? '';
let run: Cases[string] | undefined;
for (const table of TABLES) {
  const cases = await table();
  run = Object.hasOwn(cases, name) ? cases[name] : undefined;
  if (run) break;
}
if (!run) {
  console.error(`unknown case ${name}`);
  process.exit(2);
}
const result = await run();
console.log(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
