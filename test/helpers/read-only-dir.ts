import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder that cannot be written, even by root (CI runs as root, which ignores permission
 * bits): a tmpfs remounted read-only. As another user, permission bits are enough.
 * `prepare` runs while the folder is still writable. Returns the folder and its cleanup.
 */
export function makeReadOnlyDir(parent: string, prepare: (dir: string) => void): { dir: string; release: () => void } {
  const dir = join(parent, 'read-only');
  mkdirSync(dir);
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'attest-ro', dir]);
    prepare(dir);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    return { dir, release: () => execFileSync('umount', [dir]) };
  }
  prepare(dir);
  chmodSync(dir, 0o555);
  return { dir, release: () => chmodSync(dir, 0o755) };
}
