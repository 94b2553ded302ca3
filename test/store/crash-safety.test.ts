import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-log.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const writer = fileURLToPath(new URL('../helpers/crash-writer.ts', import.meta.url));

describe('a process killed mid-transaction', () => {
  it('leaves nothing half-written: the change and its audit event are both absent, the chain is whole', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    newWorkspace(dir).close();
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, PASSPHRASE], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('writing')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const ws = openWorkspace(path, PASSPHRASE);
    expect(ws.db.prepare('SELECT count(*) FROM grants').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM systems').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT action FROM audit_events').pluck().all()).toEqual(['workspace.created']);
    expect(verifyAuditChain(ws.db)).toMatchObject({ ok: true, events: 1 });
    ws.close();
  });
});
