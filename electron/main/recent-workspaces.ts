import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** The file's shape: paths only (never a passphrase), newest first. */
const stored = z.object({ version: z.literal(1), paths: z.array(z.string().min(1).max(4096)).max(100) });

export const RECENT_LIMIT = 10;

export interface RecentWorkspacesOptions {
  /** How many to keep (the oldest drop off). */
  limit?: number;
  /** Whether a workspace file is still there (missing ones are pruned). */
  exists?: (path: string) => boolean;
  /** Told after each change of the list (the File menu rebuilds). */
  onChange?: (paths: readonly string[]) => void;
  /** Windows and macOS file names ignore case: one file, one entry. */
  caseInsensitive?: boolean;
}

/**
 * The File menu's recent workspaces, kept in a small JSON file in the app's user-data folder.
 * A file that is unreadable, corrupt or of another shape is ignored (the list starts empty,
 * and the next change replaces it); paths are absolute, de-duplicated, capped, and the ones
 * whose file is gone are pruned whenever the list is read.
 */
export class RecentWorkspaces {
  private readonly limit: number;
  private readonly exists: (path: string) => boolean;
  private readonly onChange: (paths: readonly string[]) => void;
  private readonly sameFile: (a: string, b: string) => boolean;

  constructor(
    readonly file: string,
    options: RecentWorkspacesOptions = {},
  ) {
    this.limit = options.limit ?? RECENT_LIMIT;
    this.exists = options.exists ?? existsSync;
    this.onChange = options.onChange ?? (() => undefined);
    this.sameFile = options.caseInsensitive ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
  }

  /** The recent workspaces that still exist, newest first. */
  list(): string[] {
    const saved = this.read();
    const present = saved.filter((path) => this.exists(path));
    if (present.length !== saved.length) this.write(present);
    return present;
  }

  /** Puts `path` first (a workspace just opened or created). */
  add(path: string): string[] {
    const absolute = resolve(path);
    return this.write([absolute, ...this.list().filter((p) => !this.sameFile(p, absolute))]);
  }

  remove(path: string): string[] {
    const absolute = resolve(path);
    return this.write(this.list().filter((p) => !this.sameFile(p, absolute)));
  }

  clear(): string[] {
    return this.write([]);
  }

  private read(): string[] {
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (!parsed.success) return [];
      const unique: string[] = [];
      for (const path of parsed.data.paths) if (!unique.some((p) => this.sameFile(p, resolve(path)))) unique.push(resolve(path));
      return unique.slice(0, this.limit);
    } catch {
      return [];
    }
  }

  private write(paths: string[]): string[] {
    const kept = paths.slice(0, this.limit);
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      // Written beside and renamed over: a crash leaves the old list or the new one, never half.
      const partial = `${this.file}.partial`;
      writeFileSync(partial, JSON.stringify({ version: 1, paths: kept }));
      renameSync(partial, this.file);
    } catch {
      // Not remembering the list is no reason to fail an open.
    }
    this.onChange(kept);
    return kept;
  }
}
