/** One field of a record that differs between two snapshots. */
export interface FieldChange {
  field: string;
  from: string | boolean | null;
  to: string | boolean | null;
}

/** A compared field: its name in the output, its column, and whether the column holds a 0/1 flag. */
export interface ComparedField {
  field: string;
  column: string;
  flag?: boolean;
}

/**
 * The SQL for "old and new values of every compared field" (`o_<field>`, `n_<field>`) and the
 * condition "any of them differs", for a join of the old row `o` to the new row `n`.
 */
export function comparedColumns(fields: readonly ComparedField[]): { select: string; differs: string } {
  return {
    select: fields.map((f) => `o.${f.column} AS "o_${f.field}", n.${f.column} AS "n_${f.field}"`).join(', '),
    differs: fields.map((f) => `o.${f.column} IS NOT n.${f.column}`).join(' OR '),
  };
}

/** A column's value as the diff reports it: flags as booleans, everything else (TEXT columns) as text. */
function value(raw: unknown, flag: boolean | undefined): string | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (flag) return raw === 1;
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** The fields that differ in one row selected with comparedColumns(). */
export function fieldChanges(row: Readonly<Record<string, unknown>>, fields: readonly ComparedField[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of fields) {
    const from = value(row[`o_${f.field}`], f.flag);
    const to = value(row[`n_${f.field}`], f.flag);
    if (from !== to) changes.push({ field: f.field, from, to });
  }
  return changes;
}
