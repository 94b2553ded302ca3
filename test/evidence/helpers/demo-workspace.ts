import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDemoWorkspace } from '../../../src/demo/create-demo-workspace.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { PASSPHRASE } from '../../helpers/workspace.js';

/** The demo company's workspace (imports, analysis, SoD run), made once for a test file. */
export function useDemoWorkspace(): { ws: () => Workspace; dir: () => string } {
  let dir = '';
  let ws: Workspace | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attest-evidence-'));
    ws = (await createDemoWorkspace(join(dir, 'demo'), PASSPHRASE, { operator: 'tester' })).workspace;
  }, 120_000);
  afterAll(() => {
    ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    ws: () => {
      if (!ws) throw new Error('the demo workspace is not ready');
      return ws;
    },
    dir: () => dir,
  };
}
