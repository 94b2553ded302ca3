import { describe, expect, it } from 'vitest';
import { withSmallPageCache } from '../../src/store/page-cache.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();

describe('a small page cache for one-pass readers', () => {
  it('caps the cache while the work runs and gives the workspace its own back, after success and after failure', async () => {
    const ws = newWorkspace(tempDir());
    try {
      const own = ws.db.pragma('cache_size', { simple: true }) as number;
      expect(own).toBe(-32768);
      const during = await withSmallPageCache(ws.db, 4096, () => Promise.resolve(ws.db.pragma('cache_size', { simple: true })));
      expect(during).toBe(-4096);
      expect(ws.db.pragma('cache_size', { simple: true })).toBe(own);
      await expect(withSmallPageCache(ws.db, 10, () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
      expect(ws.db.pragma('cache_size', { simple: true })).toBe(own);
    } finally {
      ws.close();
    }
  });
});
