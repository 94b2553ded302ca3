import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Runs `work` with SQLite's page cache capped at `kib` KiB, then gives the connection its cache
 * size back. For readers that pass over whole tables once (an evidence pack): the cache the
 * workspace keeps for imports would fill with pages read once and never again.
 */
export async function withSmallPageCache<T>(db: Database.Database, kib: number, work: () => Promise<T>): Promise<T> {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-Math.max(64, Math.floor(kib))}`);
  try {
    return await work();
  } finally {
    if (db.open) db.pragma(`cache_size = ${before}`);
  }
}
