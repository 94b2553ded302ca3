import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/workspace.js';
import { runCli } from '../helpers/cli.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

describe('one process at a time', () => {
  it('a second process gets IN_USE (exit 3) while the workspace is open, and succeeds once it is closed', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const ws = newWorkspace(dir);
    const env = { ATTEST_PASSPHRASE: PASSPHRASE };
    const busy = await runCli(['info', '-w', path, '--json'], { env });
    expect(busy.code).toBe(3);
    expect(busy.json()).toMatchObject({ error: { code: 'IN_USE' } });
    // Even with a wrong passphrase the holder's lock answers first: nothing is read or written.
    const wrong = await runCli(['info', '-w', path, '--json'], { env: { ATTEST_PASSPHRASE: 'something else entirely' } });
    expect(wrong.json()).toMatchObject({ error: { code: 'IN_USE' } });
    ws.close();
    const free = await runCli(['info', '-w', path, '--json'], { env });
    expect(free.code).toBe(0);
  });

  it('a second connection in the same process is refused too, and the file is unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const ws = newWorkspace(dir);
    const before = fileState(path);
    expect(() => openWorkspace(path, PASSPHRASE)).toThrowError(expect.objectContaining({ code: 'IN_USE' }) as Error);
    expect(fileState(path)).toEqual(before);
    ws.close();
  });
});
