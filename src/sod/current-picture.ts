import type Database from 'better-sqlite3-multiple-ciphers';

export interface PictureSnapshot {
  id: number;
  systemId: number;
  system: string;
  asOf: string;
}

/** What SoD evaluates: each system's newest access snapshot, and the newest HR snapshot, as of a date. */
export interface CurrentPicture {
  /** YYYY-MM-DD, or null for "the newest of everything". */
  asOf: string | null;
  hr: PictureSnapshot | null;
  access: PictureSnapshot[];
}

/** Newest per system and content with as_of on or before `asOf` (a date; times in as_of are ignored). */
export function currentPicture(db: Database.Database, asOf: string | null): CurrentPicture {
  const rows = db
    .prepare(
      `SELECT s.id, s.system_id AS systemId, sy.name AS system, s.as_of AS asOf, s.content
       FROM (SELECT id, row_number() OVER (PARTITION BY system_id, content ORDER BY as_of DESC, id DESC) AS rn
             FROM snapshots WHERE @asOf IS NULL OR substr(as_of, 1, 10) <= @asOf) newest
       JOIN snapshots s ON s.id = newest.id JOIN systems sy ON sy.id = s.system_id
       WHERE newest.rn = 1 ORDER BY sy.name, s.id`,
    )
    .all({ asOf }) as (PictureSnapshot & { content: 'identities' | 'access' })[];
  const hr = rows.filter((r) => r.content === 'identities').sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : b.id - a.id))[0];
  return {
    asOf,
    hr: hr ? { id: hr.id, systemId: hr.systemId, system: hr.system, asOf: hr.asOf } : null,
    access: rows.filter((r) => r.content === 'access').map(({ id, systemId, system, asOf: at }) => ({ id, systemId, system, asOf: at })),
  };
}
