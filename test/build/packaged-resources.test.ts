import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapJob } from '../../src/ingest/map-files.js';
import type { WorkerMessage } from '../../src/ingest/worker/messages.js';
import { BUNDLED_WORKER_FILE, importWorkerUrl } from '../../src/ingest/worker/worker-entry.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT_MAIN = join(ROOT, 'out', 'main');
const tempDir = useTempDirs();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the packaged app carries what the core reads from resources/', () => {
  it('every resources/ file the core names exists, and electron-builder packs resources/ (but not its build icons)', () => {
    const named = sources(join(ROOT, 'src')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/resourcePath\('([^']+)'\)/g)].map((m) => ({ file, path: join(ROOT, 'resources', m[1]!) })));
    expect(named.length).toBeGreaterThan(4);
    for (const { file, path } of named) expect(existsSync(path), `${relative(ROOT, file)} names ${relative(ROOT, path)}`).toBe(true);
    // No module finds resources/ by a URL of its own (its depth would differ in the bundle).
    const strays = sources(join(ROOT, 'src')).filter((file) => !file.endsWith('resource-path.ts') && /new URL\('(\.\.\/)+resources\//.test(readFileSync(file, 'utf8')));
    expect(strays.map((file) => relative(ROOT, file))).toEqual([]);
    const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n').map((l) => l.trim());
    expect(builder).toContain('- resources/**/*');
    expect(builder).toContain('- "!resources/build/**"');
    expect(builder).toContain('- out/**/*');
  });
});

describe('the bundled main process (out/main, as packed into the app)', () => {
  beforeAll(() => {
    if (existsSync(join(OUT_MAIN, BUNDLED_WORKER_FILE))) return;
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  });

  it('finds everything it names relative to its own files: resources/ and the import worker entry', () => {
    const bundled = readdirSync(OUT_MAIN).filter((name) => name.endsWith('.js'));
    // All chunks sit beside the entries, at the depth resource-path.ts assumes.
    expect(readdirSync(OUT_MAIN, { withFileTypes: true }).filter((e) => e.isDirectory())).toEqual([]);
    const urls = bundled.flatMap((name) => [...readFileSync(join(OUT_MAIN, name), 'utf8').matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) => ({ name, target: m[1]! })));
    expect(urls.map((u) => u.target)).toContain('../../resources/');
    for (const { name, target } of urls) {
      const resolved = fileURLToPath(new URL(target, pathToFileURL(join(OUT_MAIN, name))));
      expect(existsSync(resolved), `out/main/${name} names ${relative(ROOT, resolved)}`).toBe(true);
    }
  });

  it('starts the import worker from its own bundled entry, which the code resolves from the bundle, and it maps a file in plain Node', async () => {
    const entry = join(OUT_MAIN, BUNDLED_WORKER_FILE);
    expect(fileURLToPath(importWorkerUrl(pathToFileURL(join(OUT_MAIN, 'index.js')).href))).toBe(entry);
    // From the sources it boots through tsx instead.
    expect(existsSync(fileURLToPath(importWorkerUrl(pathToFileURL(join(ROOT, 'src', 'ingest', 'worker', 'run-in-worker.ts')).href)))).toBe(true);
    // The bundle carries the resolution (not the sources' boot.mjs alone), and the entry exists.
    const bundle = bundledText();
    expect(bundle).toContain(`"${BUNDLED_WORKER_FILE}"`);
    expect(statSync(entry).size).toBeGreaterThan(0);

    const dir = tempDir();
    const csv = join(dir, 'erp.csv');
    writeFileSync(csv, ['Account,Entitlement', ...Array.from({ length: 20 }, (_, i) => `user${i},Role ${i % 3}`)].join('\n'));
    const job: MapJob = { files: [{ path: csv, name: 'erp.csv', profile: 'grants', size: statSync(csv).size }], nextAccountId: 1, nextEntitlementId: 1, scratchDir: dir };
    const worker = new Worker(entry);
    const done = await new Promise<Extract<WorkerMessage, { type: 'done' }>>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') resolve(message);
        if (message.type === 'error') reject(new Error(`${message.code}: ${message.message}`));
      });
      worker.on('error', reject);
      worker.postMessage(job);
    });
    await worker.terminate();
    expect(done.resolved.rowsRead).toBe(20);
    expect(done.resolved.accounts.length).toBe(20);
    expect(done.resolved.entitlements.length).toBe(3);
  });
});

function bundledText(): string {
  return readdirSync(OUT_MAIN)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(OUT_MAIN, name), 'utf8'))
    .join('\n');
}
