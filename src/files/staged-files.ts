import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

/** The longest staged file name, in UTF-8 bytes (file systems allow 255). */
export const STAGED_NAME_MAX_BYTES = 200;
/** How many staged files a session keeps: staging one more removes the oldest. */
export const STAGED_FILES_KEPT = 16;
const FALLBACK_NAME = 'dropped-file';
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `max` UTF-8 bytes, whole characters only. */
function cutToBytes(text: string, max: number): string {
  let kept = '';
  for (const char of text) {
    if (utf8Bytes(kept + char) > max) break;
    kept += char;
  }
  return kept;
}

/**
 * A dropped file's name made safe as one name in a folder: its last path segment, control
 * characters and those Windows forbids replaced, no leading or trailing dots or spaces, no device
 * name, at most STAGED_NAME_MAX_BYTES with its extension kept (detection reads it). A name with
 * nothing left becomes "dropped-file".
 */
export function stagedFileName(name: string): string {
  const segment = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let safe = segment.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  if (utf8Bytes(safe) > STAGED_NAME_MAX_BYTES) {
    const extension = extname(safe);
    const keep = utf8Bytes(extension) <= 20 ? extension : '';
    safe = cutToBytes(safe.slice(0, safe.length - keep.length), STAGED_NAME_MAX_BYTES - utf8Bytes(keep)) + keep;
  }
  return safe === '' ? FALLBACK_NAME : safe;
}

/** Staging folders still on disk, removed when the process exits however the session ended. */
const live = new Set<string>();
let exitHookInstalled = false;

function removeLiveFolders(): void {
  for (const folder of live) rmSync(folder, { recursive: true, force: true });
  live.clear();
}

export interface StagedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
}

/**
 * Files a page dropped, written where the core can read them by path (the browser holds a
 * dropped file's bytes, never its path). One private folder per session (mode 0700, made on
 * first use), each file in a folder of its own (mode 0700) under its own name (mode 0600), so
 * that an import's provenance shows the name the user dropped. `clear()` removes them all (the
 * session locks or closes); the process's exit removes what is left.
 */
export class StagedFiles {
  private root: string | null = null;
  private readonly staged: string[] = [];

  constructor(private readonly parent: string = tmpdir()) {}

  /** The session's staging folder, or null before anything is staged (or after clear()). */
  get folder(): string | null {
    return this.root;
  }

  stage(name: string, bytes: Buffer): StagedFile {
    const own = this.ownFolder();
    const safeName = stagedFileName(name);
    const path = join(own, safeName);
    writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 });
    this.staged.push(own);
    while (this.staged.length > STAGED_FILES_KEPT) rmSync(this.staged.shift()!, { recursive: true, force: true });
    return { path, name: safeName, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  clear(): void {
    if (this.root === null) return;
    rmSync(this.root, { recursive: true, force: true });
    live.delete(this.root);
    this.root = null;
    this.staged.length = 0;
  }

  /** A new folder for one file; the staging folder is made again if something removed it. */
  private ownFolder(): string {
    try {
      return mkdtempSync(join(this.ensureRoot(), 'f-'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.clear();
      return mkdtempSync(join(this.ensureRoot(), 'f-'));
    }
  }

  private ensureRoot(): string {
    if (this.root !== null) return this.root;
    if (!exitHookInstalled) {
      process.on('exit', removeLiveFolders);
      exitHookInstalled = true;
    }
    // mkdtemp makes the folder 0700: only this user can list or read what is staged.
    this.root = mkdtempSync(join(this.parent, 'attest-staged-'));
    live.add(this.root);
    return this.root;
  }
}
