// Worker entry: the core is TypeScript and runs through tsx, as the `attest` command does.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
