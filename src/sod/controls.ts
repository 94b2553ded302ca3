import type Database from 'better-sqlite3-multiple-ciphers';

export interface ControlFields {
  id: string;
  description?: string | null | undefined;
  owner?: string | null | undefined;
  frequency?: string | null | undefined;
}

/**
 * Creates the control, or updates the fields given (an omitted field keeps its value). A new
 * control without a description is described by its id until someone describes it.
 */
export function upsertControl(db: Database.Database, control: ControlFields, by: string, at: string): number {
  const existing = db.prepare('SELECT id FROM sod_controls WHERE control_key = ?').pluck().get(control.id) as number | undefined;
  if (existing === undefined) {
    return Number(
      db
        .prepare('INSERT INTO sod_controls (control_key, description, owner, frequency, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(control.id, control.description ?? control.id, control.owner ?? null, control.frequency ?? null, at, by).lastInsertRowid,
    );
  }
  db.prepare(
    `UPDATE sod_controls SET description = coalesce(@description, description), owner = coalesce(@owner, owner), frequency = coalesce(@frequency, frequency),
       updated_at = @at, updated_by = @by WHERE id = @id`,
  ).run({ id: existing, description: control.description ?? null, owner: control.owner ?? null, frequency: control.frequency ?? null, at, by });
  return existing;
}

/** Attaches a control to a rule (ownerKey null) or to one violation; attaching twice is a no-op. */
export function attachControl(db: Database.Database, controlId: number, ruleKey: string, ownerKey: string | null, by: string, at: string): boolean {
  const result = db
    .prepare('INSERT INTO sod_mitigations (control_id, rule_key, owner_key, added_at, added_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(controlId, ruleKey, ownerKey, at, by);
  return result.changes > 0;
}

export function controlDescriptions(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT control_key, description FROM sod_controls').all() as { control_key: string; description: string }[];
  return new Map(rows.map((r) => [r.control_key.toLowerCase(), r.description]));
}
