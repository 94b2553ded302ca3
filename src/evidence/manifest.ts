import { createHash } from 'node:crypto';
import { z } from 'zod';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'attest-evidence-pack/1';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  generatedAt: z.string(),
  org: z.string(),
  workspaceId: z.string(),
  campaign: z.object({ id: z.number(), name: z.string(), populationSha256: sha256.nullable() }).nullable(),
  signer: z.object({ fingerprintSha256: sha256, subject: z.string() }),
  attachments: z.array(z.object({ name: z.string(), mediaType: z.string(), bytes: z.number().int(), sha256 })),
  snapshots: z.array(z.object({ id: z.number().int(), system: z.string(), fileName: z.string(), sha256, sizeBytes: z.number().int(), asOf: z.string(), sources: z.array(z.object({ fileName: z.string(), sha256, sizeBytes: z.number().int() })) })),
  audit: z.object({ events: z.number().int(), head: z.string(), ok: z.boolean() }),
});
export type PackManifest = z.infer<typeof manifestSchema>;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function parseManifest(bytes: Buffer): PackManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
