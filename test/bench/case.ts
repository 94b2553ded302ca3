// Runs one benchmark case in its own process, so that its peak RSS is its own.
import { CASES } from './cases.js';

const name = process.argv[2] ?? '';
const run = CASES[name];
if (!run) {
  console.error(`unknown case ${name}`);
  process.exit(2);
}
const result = await run();
console.log(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
