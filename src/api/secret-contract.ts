import { z } from 'zod';
import { operation } from './operation.js';

/**
 * "Remember on this computer" (desktop app only): a workspace's passphrase kept encrypted by the
 * operating system's keychain. Where the host has none (the browser via `attest serve`, the CLI),
 * `secrets.status` says `available: false` and the other operations answer SECRETS_UNAVAILABLE.
 * `workspace.open` takes `remember` (true keeps the passphrase typed, false forgets it).
 */
const path = z.string().min(1, 'a file path is required');

export const secretOperations = {
  'secrets.status': operation({
    summary: 'Whether this host can remember a passphrase on this computer, and whether it holds one for a workspace file.',
    scope: 'none',
    input: z.object({ path: z.string().optional() }),
    output: z.object({ available: z.boolean(), remembered: z.boolean() }),
  }),
  'secrets.forget': operation({
    summary: 'Forget the passphrase remembered on this computer for a workspace file.',
    scope: 'none',
    input: z.object({ path }),
    output: z.object({ forgotten: z.boolean() }),
  }),
  'workspace.openRemembered': operation({
    summary: 'Unlock a workspace with the passphrase remembered on this computer.',
    scope: 'none',
    input: z.object({ path, operator: z.string().max(200).optional() }),
    output: z.object({ path: z.string(), schemaVersion: z.number().int() }),
  }),
};
