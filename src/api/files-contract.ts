import { z } from 'zod';
import { droppedBase64 } from './dropped-bytes.js';
import { operation } from './operation.js';

/** Files a page holds as bytes only (a drop in the browser): the operations, spread into the one contract. */
export const filesOperations = {
  'files.stage': operation({
    summary:
      'Keep a dropped file (its name and base64 bytes, at most 11 MB) in a private staging folder and give its path, for an import from a page that holds the bytes but not the path; staged files are removed when the workspace locks or the host stops.',
    scope: 'workspace',
    input: z.object({
      /** The name the user dropped; reduced to a safe file name, kept for the import's provenance. */
      name: z.string().max(4096),
      /** The file's size in bytes, as the page knows it: over the limit, the bytes need not be sent. */
      size: z.number().int().min(0),
      base64: droppedBase64('the file is larger than 11 MB: type its path instead'),
    }),
    output: z.object({ path: z.string(), name: z.string(), size: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  }),
} as const;
