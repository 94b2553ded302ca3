import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DROPPED_BYTES_LIMIT } from '../../src/api/dropped-bytes.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

async function api(server: RunningServer, name: string, input: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string } }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
}

describe('files.stage over the serve host', () => {
  it('takes a dropped file of exactly the limit within the 16 MB request limit, and the host’s stop removes it', async () => {
    const server = await startServer();
    let stopped = false;
    try {
      expect(await api(server, 'workspace.create', { path: join(tempDir(), 'w.attest'), passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      const bytes = Buffer.alloc(DROPPED_BYTES_LIMIT, 0x62);
      const staged = await api(server, 'files.stage', { name: 'largest.csv', size: bytes.length, base64: bytes.toString('base64') });
      expect(staged).toMatchObject({ ok: true, value: { name: 'largest.csv', size: DROPPED_BYTES_LIMIT } });
      const path = staged.value!.path as string;
      expect(statSync(path).size).toBe(DROPPED_BYTES_LIMIT);
      expect(await api(server, 'files.stage', { name: 'larger.csv', size: DROPPED_BYTES_LIMIT + 1, base64: '' })).toMatchObject({ ok: false, error: { code: 'DROPPED_FILE_TOO_LARGE' } });
      await server.close();
      stopped = true;
      expect(existsSync(path)).toBe(false);
    } finally {
      if (!stopped) await server.close();
    }
  });
});
