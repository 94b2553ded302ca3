#!/usr/bin/env node
// The `attest` command. The TypeScript core runs through tsx, so no build step stands
// between `npm ci` and `npx attest`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
